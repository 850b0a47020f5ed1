/**
 * How the bookings page groups, orders and links a family's registrations. Pure (no Solid, no
 * fetch), so that the unit tests read it as the page uses it.
 */
import { groupBy } from '../../../shared/group-by';
import { isActive } from '../../../shared/registration-status';
import type { BookedOfferFacts, FamilyRegistration } from '../../../shared/schemas/registration';
import { sessionsOfUnits } from '../../../shared/sessions';

type Session = BookedOfferFacts['sessions'][number];

/** The element id of a registration's card; e-mails link to `/bookings#reg-<id>`. */
export const cardId = (registrationId: string) => `reg-${registrationId}`;

/** The registration id a location's hash names (`#reg-<id>`), if it names one. */
export function registrationIdOfHash(hash: string): string | undefined {
  const match = /^#?reg-(.+)$/.exec(hash);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

/** One offer as the bookings page shows it: one card, with every registration of the family in it. */
export type BookedOffer = {
  offerId: string;
  offerTitle: string;
  /** Dates, place, price and units as the API answered them; absent if the offer itself is gone. */
  facts?: BookedOfferFacts;
  /**
   * The sessions the family's children attend, in time order: those of the units with an active
   * registration, or of every unit booked once nothing is active any more.
   */
  sessions: Session[];
  /** In the provider's order of units, then by child; a child's active registration before its old ones. */
  registrations: FamilyRegistration[];
};

export type BookingSections = {
  /** Offers where a place waits for the family's answer by a deadline: on top. */
  offered: BookedOffer[];
  /** The other offers still to come or running with an active registration. */
  current: BookedOffer[];
  /** Offers that are over, or where nothing is active any more: the most recent first. */
  past: BookedOffer[];
};

const unitPosition = (facts: BookedOfferFacts | undefined, unitId: string) => facts?.units.findIndex((u) => u.id === unitId) ?? 0;
const byChild = (a: FamilyRegistration, b: FamilyRegistration) => (a.childFirstName ?? '').localeCompare(b.childFirstName ?? '', 'de');
// A child booked again after cancelling: what holds now comes before what no longer does.
const activeFirst = (a: FamilyRegistration, b: FamilyRegistration) => Number(isActive(b.status)) - Number(isActive(a.status));
const newestFirst = (a: FamilyRegistration, b: FamilyRegistration) => b.createdAt.localeCompare(a.createdAt);

/** The family's registrations as one entry per offer (in no particular order; `sectionBookings` orders them). */
export function bookedOffers(list: readonly FamilyRegistration[]): BookedOffer[] {
  return [...groupBy(list, (r) => r.offerId)].map(([offerId, registrations]) => {
    // Every registration of an offer carries the same facts, read once per request.
    const facts = registrations.find((r) => r.offer)?.offer;
    const attending = registrations.filter((r) => isActive(r.status));
    return {
      offerId,
      offerTitle: registrations[0]?.offerTitle ?? '',
      facts,
      sessions: facts
        ? sessionsOfUnits(
            facts,
            (attending.length > 0 ? attending : registrations).map((r) => r.unitId),
          )
        : [],
      registrations: [...registrations].sort(
        (a, b) => unitPosition(facts, a.unitId) - unitPosition(facts, b.unitId) || byChild(a, b) || activeFirst(a, b) || newestFirst(a, b),
      ),
    };
  });
}

const firstStart = (offer: BookedOffer) => (offer.sessions[0] ? Date.parse(offer.sessions[0].start) : undefined);

/** By first date, `1` the soonest first, `-1` the latest first; offers without dates (gone) last either way. */
const byFirstDate =
  (direction: 1 | -1) =>
  (a: BookedOffer, b: BookedOffer): number => {
    const [x, y] = [firstStart(a), firstStart(b)];
    if (x === undefined || y === undefined) return Number(x === undefined) - Number(y === undefined);
    return direction * (x - y) || a.offerTitle.localeCompare(b.offerTitle, 'de');
  };

/** Whether an offer is no more a parent's plan: its last session has ended, or none of its registrations holds anything. */
function isDone(offer: BookedOffer, now: Date): boolean {
  const over = offer.sessions.length > 0 && offer.sessions.every((s) => Date.parse(s.end) <= now.getTime());
  return over || !offer.registrations.some((r) => isActive(r.status));
}

/**
 * The page's three sections, one card per offer: places waiting for an answer on top, then what
 * is still to come, both the soonest first date first (what a parent plans the weeks by), then
 * what is over or cancelled, the most recent first (as one looks back).
 */
export function sectionBookings(list: readonly FamilyRegistration[], now: Date): BookingSections {
  const offers = bookedOffers(list);
  const ahead = offers.filter((o) => !isDone(o, now)).sort(byFirstDate(1));
  const waitsForAnswer = (o: BookedOffer) => o.registrations.some((r) => r.status === 'offered');
  return {
    offered: ahead.filter(waitsForAnswer),
    current: ahead.filter((o) => !waitsForAnswer(o)),
    past: offers.filter((o) => isDone(o, now)).sort(byFirstDate(-1)),
  };
}

/** Whether a card names each registration's unit: only an offer of several units (weeks, groups) needs it. */
export const namesUnits = (offer: BookedOffer) => (offer.facts?.units.length ?? new Set(offer.registrations.map((r) => r.unitId)).size) > 1;

/**
 * The sessions of one unit when they are not the card's (week 2 of holiday care, while the card
 * spans both weeks), so that its line can say its own days; undefined when the card's dates are its dates.
 */
export function ownSessionsOfUnit(offer: BookedOffer, unitId: string): Session[] | undefined {
  if (!offer.facts) return undefined;
  const own = sessionsOfUnits(offer.facts, [unitId]);
  const same = own.length === offer.sessions.length && own.every((s, i) => s.id === offer.sessions[i]?.id);
  return same ? undefined : own;
}

/** The places of these sessions, each once, in the order they are first met. */
export const placesOf = (sessions: readonly Session[]) => [...new Set(sessions.map((s) => s.place))];

/**
 * The family's other children offered a place on the same unit: accepting or declining one
 * answers for all of them at once (both or none), so the card names them.
 */
export function offeredTogether(list: readonly FamilyRegistration[], r: FamilyRegistration): FamilyRegistration[] {
  if (r.status !== 'offered') return [];
  return list.filter((o) => o.id !== r.id && o.status === 'offered' && o.unitId === r.unitId && o.offerId === r.offerId);
}

/** Whether the family may still ask for more time on an offered place (WCAG 2.2.1: once). */
export const canExtend = (r: FamilyRegistration) => r.status === 'offered' && r.offerExtended !== true;

/** Whether the card offers "accept": an offered place, or a waitlisted one on a last call. */
export const canAccept = (r: FamilyRegistration) => r.status === 'offered' || (r.status === 'waitlisted' && r.lastCall === true);

/** Children's first names for a sentence ("Mia, Ben"); removed children have none. */
export const childNames = (list: readonly FamilyRegistration[]) => [...new Set(list.map((r) => r.childFirstName).filter((n): n is string => !!n))].join(', ');
