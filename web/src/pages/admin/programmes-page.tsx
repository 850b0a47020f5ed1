import { A, useNavigate } from '@solidjs/router';
import { For } from 'solid-js';
import type { Programme } from '../../api/client';
import { AsyncView } from '../../components/async-view';
import { RolePage } from '../../components/role-page';

import { tp } from '../../i18n/programme';
import { formatDateTime } from '../../i18n/format';
import { createAdminProgrammes } from '../../stores/admin-programmes';
import { ProgrammeSettingsForm } from './programme-settings-form';

function ProgrammeItem(props: { programme: Programme }) {
  return (
    <li class="offer-admin">
      <h3>
        <A href={`/admin/programmes/${props.programme.id}`}>{props.programme.title}</A>
      </h3>
      <p>
        <span class="status">{tp(`programmeAdmin.status_${props.programme.status}`)}</span> ·{' '}
        {tp('programmeAdmin.wishWindow', { from: formatDateTime(props.programme.wishOpens), to: formatDateTime(props.programme.wishCloses) })}
      </p>
    </li>
  );
}

function Programmes() {
  const navigate = useNavigate();
  const store = createAdminProgrammes();
  return (
    <>
      <section aria-labelledby="programmes-list">
        <h2 id="programmes-list">{tp('programmeAdmin.listTitle')}</h2>
        <AsyncView
          resource={store.programmes}
          retry={() => void store.refetch()}
          empty={tp('programmeAdmin.none')}
          isEmpty={(list) => (list ?? []).length === 0}
        >
          {(list) => (
            <ul class="offer-admin-list">
              <For each={list()}>{(p) => <ProgrammeItem programme={p} />}</For>
            </ul>
          )}
        </AsyncView>
      </section>
      <section aria-labelledby="programme-create">
        <h2 id="programme-create">{tp('programmeAdmin.create')}</h2>
        <ProgrammeSettingsForm
          submitLabel={tp('programmeAdmin.createSave')}
          onSave={async (input) => {
            const saved = await store.create(input);
            navigate(`/admin/programmes/${saved.id}`);
          }}
        />
      </section>
    </>
  );
}

export default function ProgrammesPage() {
  return (
    <RolePage title={tp('programmeAdmin.title')} roles={['admin']} lead={tp('programmeAdmin.lead')} narrow>
      <Programmes />
    </RolePage>
  );
}
