import { A, useParams } from '@solidjs/router';
import { Match, Show, Switch, createMemo, createSignal } from 'solid-js';
import { drawRequest } from '../../../../shared/schemas/programme';
import { api, type Programme } from '../../api/client';
import { AsyncView, ErrorNotice, Loading } from '../../components/async-view';
import { BackLink } from '../../components/back-link';
import { Facts } from '../../components/facts';
import { Field } from '../../components/field';
import { RolePage } from '../../components/role-page';
import { t } from '../../i18n';
import { tp } from '../../i18n/programme';
import { formatDateTime } from '../../i18n/format';
import { createForm } from '../../lib/form';
import { createAdminProgramme } from '../../stores/admin-programmes';
import { useSession } from '../../stores/session';
import { ProgrammeReport } from './programme-report';
import { ProgrammeSettingsForm } from './programme-settings-form';

type Store = ReturnType<typeof createAdminProgramme>;

/** A SHA-256 in hex is one long word: it wraps anywhere rather than widen a phone's page. */
function Hash(props: { value: string | undefined }) {
  return <Show when={props.value}>{(v) => <code style={{ 'overflow-wrap': 'anywhere' }}>{v()}</code>}</Show>;
}

function ProgrammeFacts(props: { programme: Programme }) {
  const p = () => props.programme;
  const at = (iso: string | undefined) => (iso ? formatDateTime(iso) : undefined);
  return (
    <Facts
      items={[
        { term: tp('programmeAdmin.wishOpens'), value: formatDateTime(p().wishOpens) },
        { term: tp('programmeAdmin.wishCloses'), value: formatDateTime(p().wishCloses) },
        { term: tp('programmeAdmin.randomnessAnnounced'), value: p().randomnessSource },
        { term: tp('programmeAdmin.algorithm'), value: <code>{p().algorithm}</code> },
        { term: tp('programmeAdmin.frozenAt'), value: at(p().frozenAt) },
        { term: tp('programmeAdmin.inputHash'), value: p().inputHash && <Hash value={p().inputHash} /> },
        { term: tp('programmeAdmin.usedRandomness'), value: p().randomness },
        { term: tp('programmeAdmin.seed'), value: p().seed && <Hash value={p().seed} /> },
        { term: tp('programmeAdmin.outputHash'), value: p().outputHash && <Hash value={p().outputHash} /> },
        { term: tp('programmeAdmin.publishedAt'), value: at(p().publishedAt) },
      ]}
    />
  );
}

/** While a draft: its settings, and publishing it for families' wishes. */
function DraftSection(props: { programme: Programme; store: Store }) {
  const [saved, setSaved] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  const publish = async () => {
    setError(undefined);
    setBusy(true);
    try {
      await props.store.save({ status: 'wishing' });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <section aria-labelledby="programme-settings">
        <h2 id="programme-settings">{tp('programmeAdmin.settings')}</h2>
        <ProgrammeSettingsForm
          programme={props.programme}
          submitLabel={tp('programmeAdmin.saveChanges')}
          onSave={async (input) => {
            setSaved(false);
            await props.store.save(input);
            setSaved(true);
          }}
        />
        <p role="status">
          <Show when={saved()}>
            <span class="notice success">{tp('programmeAdmin.saved')}</span>
          </Show>
        </p>
      </section>
      <section aria-labelledby="programme-publish">
        <h2 id="programme-publish">{tp('programmeAdmin.publishTitle')}</h2>
        <p>{tp('programmeAdmin.publishHint', { from: formatDateTime(props.programme.wishOpens) })}</p>
        <Show when={error()}>{(err) => <ErrorNotice error={err()} />}</Show>
        <div class="actions">
          <button type="button" class="button primary" disabled={busy()} onClick={() => void publish()}>
            {busy() ? t('state.sending') : tp('programmeAdmin.publish')}
          </button>
        </div>
      </section>
    </>
  );
}

/**
 * The randomness entered once the wishes are frozen (their hash is public by then), asked twice
 * because the result is final: the same number again answers the same draw, another is refused.
 */
function DrawForm(props: { programme: Programme; store: Store }) {
  const form = createForm({ schema: drawRequest, initial: { randomness: '' } });
  const [pending, setPending] = createSignal<string>();
  let confirm!: HTMLButtonElement;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async ({ randomness }) => {
          setPending(randomness);
          queueMicrotask(() => confirm.focus());
        });
      }}
    >
      <Field
        form={form}
        name="randomness"
        label={tp('programmeAdmin.randomness')}
        hint={tp('programmeAdmin.randomnessHint', { source: props.programme.randomnessSource })}
        autocomplete="off"
        required
      />
      <Show when={form.formError()}>{(err) => <ErrorNotice error={err()} />}</Show>
      <Show
        when={pending()}
        fallback={
          <div class="actions">
            <button type="submit" class="button primary big" disabled={form.busy()}>
              {form.busy() ? t('state.sending') : tp('programmeAdmin.runDraw')}
            </button>
          </div>
        }
      >
        {(randomness) => (
          <div class="confirm" role="group" aria-label={tp('programmeAdmin.runDraw')}>
            <p class="confirm-text">{tp('programmeAdmin.drawConfirm', { randomness: randomness() })}</p>
            <div class="actions">
              <button
                type="button"
                class="button primary"
                ref={confirm}
                onClick={() => {
                  setPending(undefined);
                  void form.submit((data) => props.store.draw(data.randomness));
                }}
              >
                {tp('programmeAdmin.drawConfirmYes')}
              </button>
              <button type="button" class="button secondary" onClick={() => setPending(undefined)}>
                {t('action.cancel')}
              </button>
            </div>
          </div>
        )}
      </Show>
    </form>
  );
}

/** The snapshot the region admin downloads to re-run the draw, once the wishes are frozen (it holds wish lists: admins only). */
function Replay(props: { programme: Programme }) {
  // The name the server's Content-Disposition gives it, so the hint names the file as saved.
  const file = () => `${props.programme.id}-snapshot.json`;
  return (
    <p>
      <a class="button secondary" href={api.programmeReplayUrl(props.programme.id)} download={file()}>
        {tp('programmeAdmin.replay')}
      </a>
      <br />
      <span class="hint">
        {tp('programmeAdmin.replayHint')}{' '}
        <code>
          npm run draw:replay {file()} {props.programme.randomness ?? `<${tp('programmeAdmin.randomness')}>`}
        </code>
      </span>
    </p>
  );
}

/** Where a published draw is checked: the programme's public page, and for the region admin the replay file. */
function PublishedLinks(props: { programme: Programme; admin: boolean }) {
  return (
    <>
      <p>
        <A href={`/programmes/${props.programme.id}`}>{tp('programmeAdmin.publicPage')}</A>
      </p>
      <Show when={props.admin}>
        <Replay programme={props.programme} />
      </Show>
    </>
  );
}

function DrawSection(props: { programme: Programme; store: Store }) {
  const status = () => props.programme.status;
  return (
    <section aria-labelledby="programme-draw">
      <h2 id="programme-draw">{tp('programmeAdmin.drawTitle')}</h2>
      <Switch>
        <Match when={status() === 'draft' || status() === 'wishing'}>
          <p>{tp('programmeAdmin.drawNotYet', { at: formatDateTime(props.programme.wishCloses) })}</p>
        </Match>
        <Match when={status() === 'frozen'}>
          <DrawForm programme={props.programme} store={props.store} />
          <Replay programme={props.programme} />
        </Match>
        <Match when={status() === 'drawing'}>
          <Loading label={tp('programmeAdmin.drawing')} />
          <Replay programme={props.programme} />
        </Match>
        <Match when={status() === 'published'}>
          <p class="notice success" role="status">
            {tp('programmeAdmin.drawn')}
          </p>
          <PublishedLinks programme={props.programme} admin />
        </Match>
      </Switch>
    </section>
  );
}

/** The region admin's settings and draw; a municipality's coordinator reads the proof and the report only. */
function ProgrammeAdmin(props: { programme: Programme; store: Store; admin: boolean }) {
  const status = () => props.programme.status;
  return (
    <>
      <p>
        {tp('programmeAdmin.status')}: <span class="status">{tp(`programmeAdmin.status_${status()}`)}</span>
      </p>
      <ProgrammeFacts programme={props.programme} />
      <Show when={props.admin}>
        <Show when={status() === 'draft'} fallback={<p class="hint">{tp('programmeAdmin.settingsLocked')}</p>}>
          <DraftSection programme={props.programme} store={props.store} />
        </Show>
        <DrawSection programme={props.programme} store={props.store} />
      </Show>
      <Show when={status() === 'published'}>
        <Show when={!props.admin}>
          <PublishedLinks programme={props.programme} admin={false} />
        </Show>
        <ProgrammeReport programmeId={props.programme.id} />
      </Show>
    </>
  );
}

export default function ProgrammeAdminPage() {
  const params = useParams();
  const session = useSession();
  const admin = () => (session.me.state === 'ready' ? session.hasRole('admin') : undefined);
  const store = createAdminProgramme(() => params.id ?? '', admin);
  // Read only when ready: an errored resource throws, a loading one would suspend the page.
  const title = createMemo<string | undefined>((last) => (store.programme.state === 'ready' ? store.programme()?.title : last));
  return (
    <RolePage
      title={title() ?? tp('programmeAdmin.listTitle')}
      roles={['admin', 'municipality']}
      narrow
      before={admin() ? <BackLink href="/admin/programmes" label={tp('programmeAdmin.back')} /> : undefined}
    >
      <AsyncView resource={store.programme} retry={() => void store.refetch()}>
        {(p) => <ProgrammeAdmin programme={p()} store={store} admin={admin() ?? false} />}
      </AsyncView>
    </RolePage>
  );
}
