import { A, useLocation } from '@solidjs/router';
import { For, Match, Show, Switch, createEffect, createMemo, createSignal, on } from 'solid-js';
import { api, type FamilyRegistration, type Registration } from '../../api/client';
import { AsyncView, ErrorNotice } from '../../components/async-view';
import { CalendarLinks } from '../../components/calendar-links';
import { ConfirmAction } from '../../components/confirm-action';
import { Facts } from '../../components/facts';
import { priceText } from '../../components/offer-card';
import { RolePage } from '../../components/role-page';
import { localizeMessage, t } from '../../i18n';
import { formatDate, formatDateTime, formatPrice, formatTime } from '../../i18n/format';
import { isActive } from '../../../../shared/registration-status';
import type { BookedOfferFacts } from '../../../../shared/schemas/registration';
import {
  canAccept,
  canExtend,
  cardId,
  childNames,
  namesUnits,
  offeredTogether,
  ownSessionsOfUnit,
  placesOf,
  registrationIdOfHash,
  type BookedOffer,
} from '../../lib/registrations';
import { createRegistrations } from '../../stores/registrations';

type Action = 'accept' | 'decline' | 'extend' | 'cancel';
type Session = BookedOfferFacts['sessions'][number];

/**
 * The outcome of the last action, kept by the page and not by a card: a card is made anew when
 * the list reloads (and moves to another section when its status changes), its outcome stays. The
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

const sessionText = (s: Session) => `${formatDate(s.start)}, ${formatTime(s.start)}–${formatTime(s.end)}`;

/** A day and its hours for one session; the first and last day and how many for several. */
function datesText(sessions: readonly Session[]): string | undefined {
  const [first, last] = [sessions[0], sessions.at(-1)];
  if (!first || !last) return undefined;
  if (sessions.length === 1) return sessionText(first);
  return t('bookings.dates', { n: sessions.length, first: formatDate(first.start), last: formatDate(last.start) });
}

function fullPriceText(price: BookedOfferFacts['price']) {
  const full = priceText({ price });
  return price.reduced === undefined ? full : `${full} (${t('offer.reduced', { price: formatPrice(price.reduced) })})`;
}

function RegistrationItem(props: {
  registration: FamilyRegistration;
  offer: BookedOffer;
  titleId: string;
  all: FamilyRegistration[];
  feedback?: Feedback;
  busy: boolean;
  onAction: (r: FamilyRegistration, action: Action) => void;
}) {
  const r = () => props.registration;
  const child = () => r().childFirstName ?? t('bookings.childRemoved');
  const unitDates = () => ownSessionsOfUnit(props.offer, r().unitId);
  const together = () => childNames(offeredTogether(props.all, r()));
  const childId = () => `${cardId(r().id)}-child`;
  // Several children's buttons in one card, several cards on the page: each names whose booking it acts on.
  const named = (action: string) => t('bookings.actionFor', { action, child: child(), offer: r().offerTitle });
  return (
    // Where an e-mail's link lands (`/bookings#reg-<id>`) and where focus goes after an action: named by offer and child.
    <li
      id={cardId(r().id)}
      tabindex="-1"
      aria-labelledby={`${props.titleId} ${childId()}`}
      class={`registration status-${r().status}`}
      classList={{ 'last-call': r().status === 'waitlisted' && r().lastCall === true }}
    >
      <p id={childId()}>
        <strong>{child()}</strong>
        <Show when={namesUnits(props.offer)}> · {localizeMessage(r().unitLabel)}</Show>
        <Show when={unitDates()}>{(own) => <> ({datesText(own())})</>}</Show>
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
          <button
            type="button"
            class="button primary"
            aria-label={named(t('bookings.accept'))}
            disabled={props.busy}
            onClick={() => props.onAction(r(), 'accept')}
          >
            {t('bookings.accept')}
          </button>
        </Show>
        <Show when={canExtend(r())}>
          <button
            type="button"
            class="button secondary"
            aria-label={named(t('bookings.extend'))}
            disabled={props.busy}
            onClick={() => props.onAction(r(), 'extend')}
          >
            {t('bookings.extend')}
          </button>
        </Show>
        <Switch>
          <Match when={r().status === 'offered'}>
            <ConfirmAction
              label={t('bookings.decline')}
              accessibleLabel={named(t('bookings.decline'))}
              question={t('bookings.declineConfirm')}
              confirmLabel={t('bookings.declineYes')}
              onConfirm={() => props.onAction(r(), 'decline')}
            />
          </Match>
          <Match when={isActive(r().status)}>
            <ConfirmAction
              label={t('bookings.cancel')}
              accessibleLabel={named(t('bookings.cancel'))}
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

/** One offer: when, where, what it costs, and each child's registration with what can be done about it. */
function BookedOfferCard(props: {
  offer: BookedOffer;
  /** Whether the offer is still ahead: only then is it worth putting into a calendar. */
  ahead: boolean;
  all: FamilyRegistration[];
  feedback?: Feedback;
  /** The registration an action is under way for. */
  busy?: string;
  onAction: (r: FamilyRegistration, action: Action) => void;
}) {
  const titleId = () => `offer-${props.offer.offerId}-title`;
  const facts = () => props.offer.facts;
  const places = () => placesOf(props.offer.sessions);
  const price = () => {
    const f = facts();
    return f && fullPriceText(f.price);
  };
  return (
    <li class="offer-card booked-offer" aria-labelledby={titleId()}>
      <h3 id={titleId()}>
        <A href={`/offers/${props.offer.offerId}`}>{props.offer.offerTitle}</A>
      </h3>
      <Show when={facts()?.status === 'cancelled'}>
        <p class="notice warning">{t('offer.cancelled')}</p>
      </Show>
      <Facts
        items={[
          { term: t('offer.when'), value: datesText(props.offer.sessions) },
          { term: t('offer.where'), value: places().join(' · ') },
          { term: t('offer.address'), value: facts()?.address },
          { term: t('offer.price'), value: price() },
        ]}
      />
      <Show when={props.offer.sessions.length > 1}>
        <details>
          <summary>{t('offer.sessions', { n: props.offer.sessions.length })}</summary>
          <ol class="sessions">
            <For each={props.offer.sessions}>
              {(s) => (
                <li>
                  {sessionText(s)}
                  <Show when={places().length > 1}> · {s.place}</Show>
                </li>
              )}
            </For>
          </ol>
        </details>
      </Show>
      <Show when={props.ahead && facts()?.status === 'published'}>
        <p>
          <CalendarLinks href={api.calendarUrl({ offer: props.offer.offerId })} label={t('offer.addToCalendar')} fileName={`${props.offer.offerId}.ics`} />
        </p>
      </Show>
      <ul class="registration-list">
        <For each={props.offer.registrations}>
          {(r) => (
            <RegistrationItem
              registration={r}
              offer={props.offer}
              titleId={titleId()}
              all={props.all}
              feedback={props.feedback?.id === r.id ? props.feedback : undefined}
              busy={props.busy === r.id}
              onAction={props.onAction}
            />
          )}
        </For>
      </ul>
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
    // The card may have moved to another section; the keyboard follows it there.
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

  // An accessor, so that a section follows the store when it reloads or a card changes status.
  const cards = (offers: () => BookedOffer[], ahead: boolean) => (
    <ul class="registration-list">
      <For each={offers()}>
        {(offer) => (
          <BookedOfferCard
            offer={offer}
            ahead={ahead}
            all={store.registrations() ?? []}
            feedback={feedback()}
            busy={busy()}
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
        {() => {
          const sections = createMemo(store.sections);
          return (
            <>
              <Show when={sections().offered.length}>
                <section class="offered-section" aria-labelledby="offered-title">
                  <h2 id="offered-title">{t('bookings.offeredTitle')}</h2>
                  <p>{t('bookings.offeredLead')}</p>
                  {cards(() => sections().offered, true)}
                </section>
              </Show>
              <section aria-labelledby="active-title">
                <h2 id="active-title">{t('bookings.active')}</h2>
                <Show when={sections().current.length} fallback={<p class="state state-empty">{t('bookings.noneActive')}</p>}>
                  {cards(() => sections().current, true)}
                </Show>
              </section>
              <Show when={sections().past.length}>
                <section aria-labelledby="past-title">
                  <h2 id="past-title">{t('bookings.past')}</h2>
                  {cards(() => sections().past, false)}
                </section>
              </Show>
            </>
          );
        }}
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
