import { For, Show, createSignal } from 'solid-js';
import { guardianInput } from '../../../../shared/schemas/household';
import { api, type Household } from '../../api/client';
import { AsyncView, ErrorNotice } from '../../components/async-view';
import { ConfirmAction } from '../../components/confirm-action';
import { RolePage } from '../../components/role-page';
import { createForm } from '../../lib/form';
import { t } from '../../i18n';
import { formatDay } from '../../i18n/format';
import { createHousehold, guardianDraft } from '../../stores/household';
import { useSession } from '../../stores/session';
import { CalendarFeed } from './calendar-feed';
import { ChildForm } from './child-form';
import { GuardianFields } from './guardian-fields';

function GuardianForm(props: { household: Household; onSave: (g: { name: string; phone: string; postalCode: string }) => Promise<void> }) {
  const form = createForm({ schema: guardianInput, initial: guardianDraft(props.household) });
  const [saved, setSaved] = createSignal(false);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        void form.submit(async (g) => {
          await props.onSave(g);
          setSaved(true);
        });
      }}
    >
      <Show when={!props.household.guardian.name && !saved()}>
        <p class="hint">{t('family.guardianHint')}</p>
      </Show>
      <GuardianFields form={form} />
      <Show when={form.formError()}>{(err) => <ErrorNotice error={err()} />}</Show>
      <button type="submit" class="button primary" disabled={form.busy()}>
        {form.busy() ? t('state.saving') : t('guardian.save')}
      </button>
      <Show when={saved()}>
        <p role="status" class="notice success">
          {t('state.saved')}
        </p>
      </Show>
    </form>
  );
}

function Children(props: { store: ReturnType<typeof createHousehold> }) {
  const [editing, setEditing] = createSignal<string>();
  const [error, setError] = createSignal<unknown>();
  const remove = (id: string) => {
    setError(undefined);
    props.store.removeChild(id).catch(setError);
  };
  return (
    <section aria-labelledby="children-title">
      <h2 id="children-title">{t('family.children')}</h2>
      <Show when={error()}>{(err) => <ErrorNotice error={err()} />}</Show>
      <AsyncView resource={props.store.children} empty={t('family.noChildren')} isEmpty={(c) => (c ?? []).length === 0}>
        {(list) => (
          <ul class="child-list">
            <For each={list()}>
              {(child) => (
                <li class="child">
                  <Show
                    when={editing() === child.id}
                    fallback={
                      <>
                        <div>
                          <strong>{child.firstName}</strong>,{' '}
                          {t('child.born', { date: formatDay(child.birthDate, { day: 'numeric', month: 'long', year: 'numeric' }) })}
                          <Show when={child.notes}>
                            <p class="hint">{child.notes}</p>
                          </Show>
                        </div>
                        <div class="actions">
                          <button
                            type="button"
                            class="button secondary"
                            onClick={() => setEditing(child.id)}
                            aria-label={t('child.editNamed', { name: child.firstName })}
                          >
                            {t('action.edit')}
                          </button>
                          <ConfirmAction
                            label={t('action.remove')}
                            accessibleLabel={t('child.removeNamed', { name: child.firstName })}
                            question={t('child.removeConfirm', { name: child.firstName })}
                            confirmLabel={t('child.removeYes')}
                            onConfirm={() => remove(child.id)}
                          />
                        </div>
                      </>
                    }
                  >
                    <ChildForm
                      child={child}
                      onSave={(input) => props.store.updateChild(child.id, input).then(() => setEditing(undefined))}
                      onCancel={() => setEditing(undefined)}
                    />
                  </Show>
                </li>
              )}
            </For>
          </ul>
        )}
      </AsyncView>
      <h3>{t('child.addTitle')}</h3>
      <ChildForm onSave={props.store.addChild} />
    </section>
  );
}

function AccountData() {
  const session = useSession();
  const [error, setError] = createSignal<unknown>();
  const erase = async () => {
    try {
      // The erasure ends every session and clears the cookie itself.
      await api.eraseFamily();
      location.href = '/';
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title">{t('family.data')}</h2>
      <p>
        <a class="button secondary" href={api.exportUrl} download="regiokurs-export.json">
          {t('family.export')}
        </a>
      </p>
      <p>{t('family.signOutEverywhereHint')}</p>
      <p>
        <button type="button" class="button secondary" onClick={() => void session.signOutEverywhere().then(() => (location.href = '/'), setError)}>
          {t('family.signOutEverywhere')}
        </button>
      </p>
      <div class="actions">
        <ConfirmAction label={t('family.erase')} question={t('family.eraseConfirm')} confirmLabel={t('family.eraseYes')} onConfirm={() => void erase()} />
      </div>
      <Show when={error()}>{(err) => <ErrorNotice error={err()} />}</Show>
    </section>
  );
}

function FamilyContent() {
  const store = createHousehold();
  return (
    <>
      <section aria-labelledby="guardian-title">
        <h2 id="guardian-title">{t('family.guardian')}</h2>
        <AsyncView resource={store.household}>{(h) => <GuardianForm household={h()} onSave={store.saveGuardian} />}</AsyncView>
      </section>
      <Children store={store} />
      <CalendarFeed />
      <AccountData />
    </>
  );
}

export default function FamilyPage() {
  return (
    <RolePage title={t('family.title')} roles={['family']} narrow>
      <FamilyContent />
    </RolePage>
  );
}
