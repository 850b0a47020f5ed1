import { groupBy } from '../../shared/group-by.js';
import type { Ports } from '../ports/index.js';
import type { RegistrationItem, WaitlistEntry } from '../ports/registrations.js';
import type { Mail } from '../ports/world.js';
import { BusyError } from './errors.js';
import { bilingualMail } from './mails/bilingual.js';
import { offerFacts } from './booking-mails.js';
import type { OfferFacts, PlaceFacts } from './mails/kinds.js';
import { timedWorkSettings } from './region-settings.js';
import { AGAIN, retryBounded } from './retry.js';

export type WaitlistPorts = Pick<
  Ports,
  'registrations' | 'waitlists' | 'households' | 'offers' | 'region' | 'mailer' | 'clock' | 'retry' | 'timeZone' | 'publicUrl'
>;

/** How far into the line an offer looks: enough for several families and their children. */
const LINE_READ = 32;
/** Below this a hold is no use to a family: the place goes to whoever in line accepts first. */
const SHORTEST_HOLD_MS = 2 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

const idsOf = (entries: WaitlistEntry[]) => entries.map((e) => e.registrationId);

/**
 * Until when a place freed at `now` is held for the family it is offered to: the region's hold,
 * but never past the offer's start. Undefined when that leaves under two hours (last call).
 */
export function holdUntil(now: Date, firstStart: string, holdHours: number): string | undefined {
  const until = Math.min(now.getTime() + holdHours * HOUR_MS, Date.parse(firstStart));
  return until - now.getTime() < SHORTEST_HOLD_MS ? undefined : new Date(until).toISOString();
}

/**
 * The families owed the `free` places, in line order, each with all of its children in this
 * line: a family gets places for all of them at once or waits at the head until enough are
 * free, and nobody behind it overtakes it (I3). Only a family with more children waiting than
 * the unit has places at all is passed over, as it could never fit. Pure: the line is read
 * first, then `free`, so every family listed is owed places now.
 */
export function owedFamilies(line: WaitlistEntry[], free: number, capacity: number): WaitlistEntry[][] {
  const families = groupBy(line, (entry) => entry.householdId ?? entry.registrationId);
  const owed: WaitlistEntry[][] = [];
  let left = free;
  for (const entries of families.values()) {
    if (entries.length > capacity) continue;
    if (entries.length > left) break;
    owed.push(entries);
    left -= entries.length;
  }
  return owed;
}

/**
 * Offers the unit's free places to the families waiting longest (I3), one transaction each,
 * and e-mails them: held until a deadline (the family accepts or declines), or, when the offer
 * starts too soon for a hold, announced once to the first 32 in line (the first to accept gets it).
 * Concurrent callers (several cancellations at once) each take one of the owed families at
 * random instead of all fighting over the head; every place still goes to the front. Runs
 * after every freed place: a cancellation, a declined or expired offer, raised capacity, and
 * whenever a booking or the stream finds places free while families wait.
 */
export async function offerFreedPlaces(ports: WaitlistPorts, offerId: string, unitId: string): Promise<void> {
  const offer = await ports.offers.getOffer(offerId);
  if (offer?.status !== 'published') return;
  const { offerHoldHours } = await timedWorkSettings(ports);
  const random = ports.retry.random ?? Math.random;
  for (;;) {
    const outcome = await retryBounded(async () => {
      // The line first, then the free places: entries can only move forward in between, so
      // every family owed places by what is read is owed them now.
      const line = await ports.waitlists.waitlistHeads(offerId, unitId, LINE_READ);
      const unit = await ports.waitlists.getUnit(offerId, unitId);
      if (!unit || unit.free <= 0 || line.length === 0) return undefined;
      const now = ports.clock.now();
      const expiresAt = holdUntil(now, offer.firstStart, offerHoldHours);
      if (!expiresAt) return (await ports.waitlists.announceLastCall(offerId, unitId, now.toISOString())) ? { kind: 'last-call' as const, line } : undefined;
      const owed = owedFamilies(line, unit.free, unit.capacity);
      const family = owed[Math.floor(random() * owed.length)];
      if (!family) return undefined;
      const granted = await ports.waitlists.grantPlaces(offerId, unitId, family, { status: 'offered', expiresAt }, now.toISOString());
      return granted ? { kind: 'offered' as const, family, expiresAt } : AGAIN;
    }, ports.retry);
    if (!outcome) return;
    if (outcome.kind === 'last-call') {
      await tellFamilies(ports, idsOf(outcome.line), (to, facts) => bilingualMail(to, 'lastCall', facts));
      return;
    }
    const deadline = outcome.expiresAt;
    await tellFamilies(ports, idsOf(outcome.family), (to, facts) => bilingualMail(to, 'placeOffered', { ...facts, deadline }));
  }
}

/**
 * Offers places a committed write freed (a cancellation, a decline), or, when a rush keeps every
 * attempt busy, leaves them to the sweep: the write filed `offer-places` due work for exactly
 * that, so the caller's answer stays the write's, not a 503.
 */
export async function offerFreedPlacesAfterWrite(ports: WaitlistPorts, offerId: string, unitId: string): Promise<void> {
  await offerFreedPlaces(ports, offerId, unitId).catch((error: unknown) => {
    if (!(error instanceof BusyError)) throw error;
  });
}

/** How long a waitlist reservation waits for its booking's completion: far beyond the API function's 10-second timeout. */
export const RESERVATION_GRACE_MS = 2 * 60 * 1000;

/**
 * Settles the waitlist reservations no completion followed (a booking cut off between its two
 * writes): each such unit's `waiting` goes back to its committed entries (I5), and places the
 * orphan kept from the line are offered (I3). The sweep runs it.
 */
export async function settleAbandonedReservations(ports: WaitlistPorts): Promise<void> {
  const before = new Date(ports.clock.now().getTime() - RESERVATION_GRACE_MS).toISOString();
  for (const { offerId, unitId, reservedAt } of await ports.waitlists.reservedUnits(before)) {
    const unit = await ports.waitlists.settleReservations(offerId, unitId, reservedAt);
    if (unit && unit.free > 0 && unit.waiting > 0) await offerFreedPlacesAfterWrite(ports, offerId, unitId);
  }
}

/**
 * Tells each family among the registrations about its children's places, one e-mail per family
 * (composed by `mail`), naming the offer's first date, place and provider's contact, and linking
 * to its bookings page at the first of them.
 */
export async function tellFamilies(
  ports: Pick<Ports, 'registrations' | 'households' | 'offers' | 'region' | 'mailer' | 'timeZone' | 'publicUrl'>,
  registrationIds: string[],
  mail: (to: string, facts: PlaceFacts & OfferFacts) => Mail,
): Promise<void> {
  const registrations = await Promise.all(registrationIds.map((id) => ports.registrations.getRegistration(id)));
  const byFamily = groupBy(
    registrations.filter((r): r is RegistrationItem => r !== undefined),
    (r) => r.householdId,
  );
  const offerId = registrations.find((r) => r)?.offerId;
  const offer = offerId === undefined ? undefined : await ports.offers.getOffer(offerId);
  if (!offer) return;
  for (const [householdId, own] of byFamily) {
    const household = await ports.households.getHousehold(householdId);
    const [first] = own;
    if (!household || !first) continue;
    const children = own.map((r) => household.children.find((c) => c.id === r.childId)?.firstName ?? '');
    const facts = await offerFacts(
      ports,
      offer,
      own.map((r) => r.unitId),
      `${ports.publicUrl}/bookings#reg-${first.id}`,
    );
    await ports.mailer.send(mail(household.email, { ...facts, children, unitLabel: first.unitLabel }));
  }
}
