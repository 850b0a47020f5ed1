import { A, useLocation } from '@solidjs/router';
import { For, Match, Show, Switch, createEffect, createSignal, on } from 'solid-js';
import type { FamilyRegistration, Registration } from '../../api/client';
import { AsyncView, ErrorNotice } from '../../components/async-view';
import { ConfirmAction } from '../../components/confirm-action';
import { RolePage } from '../../components/role-page';
import { localizeMessage, t } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { isActive } from '../../../../shared/registration-status';
import { canAccept, canExtend, cardId, childNames, offeredTogether, registrationIdOfHash } from '../../lib/registrations';
import { createRegistrations } from '../../stores/registrations';

type Action = 'accept' | 'decline' | 'extend' | 'cancel';

/**
 * The outcome of the last action, kept by the page and not by a card: a card is made anew when
 * the list reloads (and moves to another list when its status changes), its outcome stays. The
 * message is a function so that it follows a change of language.
 */
type Feedback = { id: string; message?: () => string; error?: unknown };

/** Scrolls a registration's card into view and puts the keyboard focus on it. */
function focusCard(id: string) {
  const card = document.getElementById(cardId(id));
  if (!card) return false;
  card.scrollIntoView({ block: 'center' });
  card.focus({ preventScroll: true });
  return true;
}

function RegistrationItem(props: {
  registration: FamilyRegistration;
  all: FamilyRegistration[];
  feedback?: Feedback;
  busy: boolean;
  onAction: (r: FamilyRegistration, action: Action) => void;
}) {
  const r = () => props.registration;
  const unit = () => localizeMessage(r().unitLabel);
  const together = () => childNames(offeredTogether(props.all, r()));
  const titleId = () => `${cardId(r().id)}-title`;
  return (
    // The card is where an e-mail's link lands (`/bookings#reg-<id>`) and where focus goes after an action.
    <li
      id={cardId(r().id)}
      tabindex="-1"
      aria-labelledby={titleId()}
      class={`registration status-${r().status}`}
      classList={{ 'last-call': r().status === 'waitlisted' && r().lastCall === true }}
    >
      {/* The API's answer names the offer, the unit and the child (the child's name unless it was removed since). */}
      <h3 id={titleId()}>
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
      <Show when={r().status === 'offered'}>
        <Show when={r().offerExpiresAt}>{(at) => <p class="deadline">{t('bookings.deadline', { at: formatDateTime(at()) })}</p>}</Show>
        <Show when={r().offerExtended}>
          <p class="hint">{t('bookings.extendedAlready')}</p>
        </Show>
        <Show when={together()}>{(names) => <p class="hint">{t('bookings.together', { names: names() })}</p>}</Show>
      </Show>
      <Show when={r().status === 'waitlisted' && r().lastCall}>
        <p class="notice warning">{t('bookings.lastCall')}</p>
      </Show>
      <Show when={props.feedback?.message}>{(message) => <p class="notice success">{message()()}</p>}</Show>
      <Show when={props.feedback?.error}>{(err) => <ErrorNotice error={err()} />}</Show>
      <div class="actions">
        <Show when={canAccept(r())}>
          <button type="button" class="button primary" disabled={props.busy} onClick={() => props.onAction(r(), 'accept')}>
            {t('bookings.accept')}
          </button>
        </Show>
        <Show when={canExtend(r())}>
          <button type="button" class="button secondary" disabled={props.busy} onClick={() => props.onAction(r(), 'extend')}>
            {t('bookings.extend')}
          </button>
        </Show>
        <Switch>
          <Match when={r().status === 'offered'}>
            <ConfirmAction
              label={t('bookings.decline')}
              question={t('bookings.declineConfirm')}
              confirmLabel={t('bookings.declineYes')}
              onConfirm={() => props.onAction(r(), 'decline')}
            />
          </Match>
          <Match when={isActive(r().status)}>
            <ConfirmAction
              label={t('bookings.cancel')}
              question={t('bookings.cancelConfirm')}
              confirmLabel={t('bookings.cancelYes')}
              onConfirm={() => props.onAction(r(), 'cancel')}
            />
          </Match>
        </Switch>
      </div>
    </li>
  );
}

/** What an action changed, in words, from the server's answer (an accept answers every sibling it confirmed). */
function outcome(action: Action, r: FamilyRegistration, all: FamilyRegistration[], answered: Registration[]): () => string {
  const offer = r.offerTitle;
  switch (action) {
    case 'accept': {
      const ids = new Set(answered.map((a) => a.id));
      const names = childNames(all.filter((x) => ids.has(x.id))) || r.childFirstName || '';
      return () => t('bookings.accepted', { offer, names });
    }
    case 'decline':
      return () => t('bookings.declined', { offer });
    case 'extend': {
      const until = answered.find((a) => a.id === r.id)?.offerExpiresAt;
      return () => t('bookings.extended', { offer, at: until ? formatDateTime(until) : '' });
    }
    case 'cancel':
      return () => t('bookings.cancelled', { offer });
  }
}

function BookingsContent() {
  const store = createRegistrations();
  const location = useLocation();
  const [feedback, setFeedback] = createSignal<Feedback>();
  const [busy, setBusy] = createSignal<string>();

  const run = async (r: FamilyRegistration, action: Action) => {
    const before = store.registrations() ?? [];
    setFeedback(undefined);
    setBusy(r.id);
    try {
      const answered = action === 'cancel' ? (await store.cancel(r.id), []) : await store[action](r.id);
      setFeedback({ id: r.id, message: outcome(action, r, before, answered) });
    } catch (error) {
      setFeedback({ id: r.id, error });
    } finally {
      setBusy(undefined);
    }
    // The card may have moved to another list; the keyboard follows it there.
    queueMicrotask(() => focusCard(r.id));
  };

  // A link from an e-mail (`/bookings#reg-<id>`): once the list is there, go to that card.
  let landedOn: string | undefined;
  createEffect(
    on([() => location.hash, () => store.registrations.state], ([hash, state]) => {
      const id = registrationIdOfHash(hash);
      if (!id || id === landedOn || state !== 'ready') return;
      queueMicrotask(() => {
        if (focusCard(id)) landedOn = id;
      });
    }),
  );

  // An accessor, so that a list follows the store when it reloads or a card changes status.
  const list = (items: () => FamilyRegistration[]) => (
    <ul class="registration-list">
      <For each={items()}>
        {(r) => (
          <RegistrationItem
            registration={r}
            all={store.registrations() ?? []}
            feedback={feedback()?.id === r.id ? feedback() : undefined}
            busy={busy() === r.id}
            onAction={(reg, action) => void run(reg, action)}
          />
        )}
      </For>
    </ul>
  );
  return (
    <>
      {/* Present before any action, so that screen readers announce what an action did. */}
      <div class="visually-hidden" role="status">
        <Show when={feedback()?.message}>{(message) => <p>{message()()}</p>}</Show>
      </div>
      <AsyncView
        resource={store.registrations}
        retry={() => void store.refetch()}
        empty={<A href="/">{t('bookings.none')}</A>}
        isEmpty={(r) => (r ?? []).length === 0}
      >
        {() => (
          <>
            <Show when={store.offered().length}>
              <section class="offered-section" aria-labelledby="offered-title">
                <h2 id="offered-title">{t('bookings.offeredTitle')}</h2>
                <p>{t('bookings.offeredLead')}</p>
                {list(store.offered)}
              </section>
            </Show>
            <section aria-labelledby="active-title">
              <h2 id="active-title">{t('bookings.active')}</h2>
              <Show when={store.active().length} fallback={<p class="state state-empty">{t('bookings.noneActive')}</p>}>
                {list(store.active)}
              </Show>
            </section>
            <Show when={store.past().length}>
              <section aria-labelledby="past-title">
                <h2 id="past-title">{t('bookings.past')}</h2>
                {list(store.past)}
              </section>
            </Show>
          </>
        )}
      </AsyncView>
    </>
  );
}

export default function BookingsPage() {
  return (
    <RolePage title={t('bookings.title')} roles={['family']} narrow>
      <BookingsContent />
    </RolePage>
  );
}
