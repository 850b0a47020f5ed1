import { A } from '@solidjs/router';
import { For, Match, Show, Switch, createResource, createSignal } from 'solid-js';
import { api, type FamilyRegistration, type Offer } from '../../api/client';
import { AsyncView, ErrorNotice } from '../../components/async-view';
import { ConfirmAction } from '../../components/confirm-action';
import { RolePage } from '../../components/role-page';
import { localizeMessage, t } from '../../i18n';
import { createRegistrations } from '../../stores/registrations';

/** Offers are fetched once per page view, however many registrations point at one. */
function createOfferLookup() {
  const cache = new Map<string, Promise<Offer | undefined>>();
  return (id: string) => {
    if (!cache.has(id)) cache.set(id, api.offer(id).catch(() => undefined));
    return cache.get(id) as Promise<Offer | undefined>;
  };
}

function RegistrationItem(props: {
  registration: FamilyRegistration;
  childName: string;
  lookup: (id: string) => Promise<Offer | undefined>;
  store: ReturnType<typeof createRegistrations>;
}) {
  const r = () => props.registration;
  const [offer] = createResource(() => (r().offerTitle ? undefined : r().offerId), props.lookup);
  const title = () => r().offerTitle ?? offer()?.title ?? t('state.loading');
  const unit = () => {
    const label = r().unitLabel ?? offer()?.units.find((u) => u.id === r().unitId)?.label;
    return label && localizeMessage(label);
  };
  const [error, setError] = createSignal<unknown>();
  const run = (action: Promise<unknown>) => {
    setError(undefined);
    action.catch(setError);
  };
  return (
    <li class={`registration status-${r().status}`}>
      <h3>
        <A href={`/offers/${r().offerId}`}>{title()}</A>
      </h3>
      <p>
        {props.childName}
        <Show when={unit()}> · {unit()}</Show>
      </p>
      <p class="status">
        <Switch fallback={t(`status.${r().status}`)}>
          <Match when={r().status === 'waitlisted'}>{t('booking.waitlisted', { n: r().waitlistPosition ?? '?' })}</Match>
        </Switch>
      </p>
      <Show when={error()}>{(err) => <ErrorNotice error={err()} />}</Show>
      <div class="actions">
        <Show when={['confirmed', 'waitlisted', 'requested'].includes(r().status)}>
          <ConfirmAction label={t('bookings.cancel')} question={t('bookings.cancelConfirm')} confirmLabel={t('bookings.cancelYes')} onConfirm={() => run(props.store.cancel(r().id))} />
        </Show>
      </div>
    </li>
  );
}

function BookingsContent() {
  const store = createRegistrations();
  const [children] = createResource(api.children);
  const lookup = createOfferLookup();
  const childName = (r: FamilyRegistration) => r.childFirstName ?? children()?.find((c) => c.id === r.childId)?.firstName ?? '';
  const list = (items: FamilyRegistration[]) => (
    <ul class="registration-list">
      <For each={items}>{(r) => <RegistrationItem registration={r} childName={childName(r)} lookup={lookup} store={store} />}</For>
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
