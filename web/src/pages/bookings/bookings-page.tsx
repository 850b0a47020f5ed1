import { A } from '@solidjs/router';
import { For, Match, Show, Switch, createSignal } from 'solid-js';
import type { FamilyRegistration } from '../../api/client';
import { AsyncView, ErrorNotice } from '../../components/async-view';
import { ConfirmAction } from '../../components/confirm-action';
import { RolePage } from '../../components/role-page';
import { localizeMessage, t } from '../../i18n';
import { isActive } from '../../../../shared/registration-status';
import { createRegistrations } from '../../stores/registrations';

/** The API's answer names the offer, the unit and the child (the child's name unless it was removed since). */
function RegistrationItem(props: { registration: FamilyRegistration; store: ReturnType<typeof createRegistrations> }) {
  const r = () => props.registration;
  const unit = () => localizeMessage(r().unitLabel);
  const [error, setError] = createSignal<unknown>();
  const run = (action: Promise<unknown>) => {
    setError(undefined);
    action.catch(setError);
  };
  return (
    <li class={`registration status-${r().status}`}>
      <h3>
        <A href={`/offers/${r().offerId}`}>{r().offerTitle}</A>
      </h3>
      <p>
        {r().childFirstName}
        <Show when={unit()}> · {unit()}</Show>
      </p>
      <p class="status">
        <Switch fallback={t(`status.${r().status}`)}>
          <Match when={r().status === 'waitlisted'}>{t('booking.waitlisted', { n: r().waitlistPosition ?? '?' })}</Match>
        </Switch>
      </p>
      <Show when={error()}>{(err) => <ErrorNotice error={err()} />}</Show>
      <div class="actions">
        <Show when={isActive(r().status)}>
          <ConfirmAction
            label={t('bookings.cancel')}
            question={t('bookings.cancelConfirm')}
            confirmLabel={t('bookings.cancelYes')}
            onConfirm={() => run(props.store.cancel(r().id))}
          />
        </Show>
      </div>
    </li>
  );
}

function BookingsContent() {
  const store = createRegistrations();
  const list = (items: FamilyRegistration[]) => (
    <ul class="registration-list">
      <For each={items}>{(r) => <RegistrationItem registration={r} store={store} />}</For>
    </ul>
  );
  return (
    <AsyncView resource={store.registrations} empty={<A href="/">{t('bookings.none')}</A>} isEmpty={(r) => (r ?? []).length === 0}>
      {() => (
        <>
          <section aria-labelledby="active-title">
            <h2 id="active-title">{t('bookings.active')}</h2>
            <Show when={store.active().length} fallback={<p class="state state-empty">{t('bookings.noneActive')}</p>}>
              {list(store.active())}
            </Show>
          </section>
          <Show when={store.past().length}>
            <section aria-labelledby="past-title">
              <h2 id="past-title">{t('bookings.past')}</h2>
              {list(store.past())}
            </section>
          </Show>
        </>
      )}
    </AsyncView>
  );
}

export default function BookingsPage() {
  return (
    <RolePage title={t('bookings.title')} roles={['family']} narrow>
      <BookingsContent />
    </RolePage>
  );
}
