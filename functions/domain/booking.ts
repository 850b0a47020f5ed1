import { createHash, randomUUID } from 'node:crypto';
import * as z from 'zod';
import { birthDatesForAges } from '../../shared/dates.js';
import type { User } from '../../shared/schemas/auth.js';
import type { Offer, Unit } from '../../shared/schemas/offer.js';
import {
  registrationSchema,
  type BookingRequest,
  type Registration,
  type RegistrationStatus,
} from '../../shared/schemas/registration.js';
import type { HouseholdRepo } from '../db/household-repo.js';
import type { OfferRepo, OfferSpan } from '../db/offer-repo.js';
import type {
  BookedRegistration,
  BookingAnswer,
  BookingFailure,
  ChildChange,
  IdempotencyRecord,
  RegistrationItem,
  RegistrationRepo,
  UnitChange,
} from '../db/registration-repo.js';
import { AGAIN, retryBounded, type RetryOptions } from '../db/retry.js';
import {
  AlreadyRegisteredError,
  BookingRuleError,
  BusyError,
  IdempotencyMismatchError,
  InvalidInputError,
  NotFoundError,
  UnitFullError,
} from './errors.js';
import { dashboardDimensions } from './dashboard.js';
import { householdIdOf } from './household.js';
import type { Clock, Mailer } from './ports.js';

export type BookingPorts = {
  registrations: RegistrationRepo;
  offers: OfferRepo;
  households: HouseholdRepo;
  mailer: Mailer;
  clock: Clock;
  timeZone: string;
  retry?: RetryOptions;
};
/** Who books: the signed-in user (idempotency keys are theirs) and their household. */
export type Caller = { userId: string; householdId: string };

/** How long a repeated request gets the first answer: a day covers every client's retries. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/** Booking attempts: conflicts back off, a changed unit or offer decides again at once. */
const BOOKING_ATTEMPTS = 8;
/** How far into the line concurrent promoters spread, so they do not all fight over the head. */
const PROMOTION_SPREAD = 16;

/** A household's registration as the family sees it, with names it can read. */
export const familyRegistrationSchema = registrationSchema.extend({
  offerTitle: z.string(),
  unitLabel: z.string(),
  childFirstName: z.string().optional(),
});
export type FamilyRegistration = z.infer<typeof familyRegistrationSchema>;
export type BookingResult = { single: boolean; registrations: Registration[]; replayed: boolean };

type BookingItem = { unitId: string; childId: string };
type Placement = Extract<RegistrationStatus, 'confirmed' | 'waitlisted'>;

/** Statuses that hold a place or a place in line, a guard and a count on the child. */
export const isActive = (status: RegistrationStatus) => status === 'confirmed' || status === 'waitlisted';

/** The (unit, child) pairs of a request, in the order given. */
export const bookingItems = (request: BookingRequest): BookingItem[] =>
  'items' in request ? request.items : [{ unitId: request.unitId, childId: request.childId }];

/**
 * How many of `n` children a unit with `free` places and `waiting` families confirms; the rest
 * wait. Nobody gets a place while someone waits (I3), and never more than are free (I1).
 * The booking transaction's unit condition is exactly the state this assumes.
 */
export function planUnit(state: { free: number; waiting: number }, n: number, waitlist = true): Omit<UnitChange, 'unitId'> {
  // Without a waitlist there is nothing to plan: all get places, or the condition answers "full".
  const confirm = !waitlist ? n : state.waiting > 0 ? 0 : Math.min(Math.max(state.free, 0), n);
  return { confirm, wait: n - confirm };
}

/**
 * Each unit's change and each item's placement, from the units as last read. Within a unit
 * the request's first children get the places, in the order the family listed them.
 */
export function planBooking(
  units: Unit[],
  items: BookingItem[],
  waitlist: boolean,
): { units: UnitChange[]; placements: Placement[] } {
  const changes = new Map<string, UnitChange>();
  for (const unitId of new Set(items.map((i) => i.unitId))) {
    const unit = units.find((u) => u.id === unitId);
    if (!unit) throw new BookingRuleError(`Einheit ${unitId} gehört nicht zum Angebot / unit not part of the offer`, 'unitId');
    const n = items.filter((i) => i.unitId === unitId).length;
    changes.set(unitId, { unitId, ...planUnit({ free: unit.capacity - unit.confirmed, waiting: unit.waiting }, n, waitlist) });
  }
  const given = new Map<string, number>();
  const placements = items.map((item): Placement => {
    const seen = given.get(item.unitId) ?? 0;
    given.set(item.unitId, seen + 1);
    return seen < (changes.get(item.unitId)?.confirm ?? 0) ? 'confirmed' : 'waitlisted';
  });
  return { units: [...changes.values()], placements };
}

/** Why the offer cannot be booked at `now`, or undefined. Instants compare as instants, whatever their offsets. */
export function bookingRuleViolation(
  offer: Pick<Offer, 'status' | 'bookingMode' | 'registrationOpens' | 'registrationCloses'>,
  now: Date,
): string | undefined {
  if (offer.status !== 'published') return 'Angebot nicht buchbar / offer not bookable';
  if (offer.bookingMode === 'lottery') {
    return 'Verlosung läuft: Plätze werden verlost, Wünsche über die Verlosung / lottery in progress: places are drawn, not booked';
  }
  if (now.getTime() < Date.parse(offer.registrationOpens)) {
    return `Anmeldung noch nicht offen (ab ${offer.registrationOpens}) / registration not open yet`;
  }
  if (now.getTime() > Date.parse(offer.registrationCloses)) return 'Anmeldung geschlossen / registration closed';
  return undefined;
}

/** The same request, however often sent, has the same fingerprint; any other has another. */
export const fingerprintOf = (request: BookingRequest) =>
  createHash('sha256')
    .update(JSON.stringify({ offerId: request.offerId, single: 'unitId' in request, items: bookingItems(request) }))
    .digest('base64url');

/** Each child once, with how many units the request books it into and its birth-date window. */
function childChanges(offer: Pick<Offer, 'ageRange'> & OfferSpan, items: BookingItem[]): ChildChange[] {
  const { after, notAfter } = birthDatesForAges(offer.firstDay, offer.ageRange.min, offer.ageRange.max);
  return [...new Set(items.map((i) => i.childId))].map((childId) => ({
    childId,
    count: items.filter((i) => i.childId === childId).length,
    birthAfter: after,
    birthNotAfter: notAfter,
  }));
}

/**
 * Books children into units of one offer, all or nothing: each gets a place while places are
 * free and nobody waits, else a place in line (if the offer keeps a waitlist, else 409 full).
 * One transaction decides; a repeat with the same key returns the first answer (I4).
 */
export async function bookRegistrations(
  ports: BookingPorts,
  caller: Caller,
  request: BookingRequest,
  idempotencyKey: string,
): Promise<BookingResult> {
  const items = bookingItems(request);
  const pairs = new Set(items.map((i) => `${i.unitId}#${i.childId}`));
  if (pairs.size < items.length) {
    throw new InvalidInputError('Jedes Kind nur einmal je Einheit / each child once per unit', 'items');
  }
  const fingerprint = fingerprintOf(request);
  const replay = (record: IdempotencyRecord) => {
    if (record.fingerprint !== fingerprint) {
      throw new IdempotencyMismatchError(
        'Idempotency-Key wurde schon für eine andere Anfrage verwendet / key already used for another request',
        'Idempotency-Key',
      );
    }
    return answer(ports, record.answer, true);
  };
  const now = ports.clock.now();
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const prior = await ports.registrations.getIdempotency(caller.userId, idempotencyKey, nowSeconds);
  if (prior) return replay(prior);

  const createdAt = now.toISOString();
  const ids = items.map(() => randomUUID());
  // Read once for the dashboard's dimensions; the transaction itself checks the children.
  const household = await ports.households.getHousehold(caller.householdId);
  // Tickets stay with the request across attempts: a retry keeps its place in line.
  const held = new Map<string, number[]>();

  // The offer as last read; a failed unit condition reports the unit's counters, so only a
  // changed offer needs reading again.
  let known: Awaited<ReturnType<OfferRepo['getOffer']>>;
  return retryBounded(async () => {
    const offer = (known ??= await ports.offers.getOffer(request.offerId));
    if (!offer || offer.status === 'draft') throw new NotFoundError('Angebot nicht gefunden / offer not found', 'offerId');
    const violation = bookingRuleViolation(offer, ports.clock.now());
    if (violation) throw new BookingRuleError(violation, 'offerId');
    const plan = planBooking(offer.units, items, offer.waitlist);
    for (const { unitId, wait } of plan.units) {
      const tickets = held.get(unitId) ?? [];
      if (tickets.length < wait) {
        held.set(unitId, [...tickets, ...(await ports.registrations.takeTickets(offer.id, unitId, wait - tickets.length))]);
      }
    }
    const used = new Map<string, number>();
    const registrations = items.map((item, i): RegistrationItem => {
      const status = plan.placements[i] ?? 'waitlisted';
      const n = used.get(item.unitId) ?? 0;
      if (status === 'waitlisted') used.set(item.unitId, n + 1);
      return {
        id: ids[i] ?? randomUUID(),
        offerId: offer.id,
        ...item,
        householdId: caller.householdId,
        status,
        ticket: status === 'waitlisted' ? held.get(item.unitId)?.[n] : undefined,
        createdAt,
        updatedAt: createdAt,
        offerTitle: offer.title,
        ...dashboardDimensions(household, item.childId, offer.firstDay),
        unitLabel: offer.units.find((u) => u.id === item.unitId)?.label ?? item.unitId,
      };
    });
    const booked: BookingAnswer = {
      single: 'unitId' in request,
      registrations: registrations.map(({ id, offerId, unitId, childId, status, ticket }) => ({
        id,
        offerId,
        unitId,
        childId,
        status,
        ticket,
        createdAt,
      })),
    };
    const failures = await ports.registrations.book({
      offer,
      householdId: caller.householdId,
      units: plan.units,
      children: childChanges(offer, items),
      registrations,
      idempotency: { userId: caller.userId, key: idempotencyKey, fingerprint, answer: booked, expiresAt: nowSeconds + IDEMPOTENCY_TTL_SECONDS },
      nowSeconds,
    });
    if (failures.length === 0) {
      const result = await answer(ports, booked, false);
      // A place left free while families wait means a promotion was cut short: finish it, as a
      // courtesy that must not turn this committed booking into an error.
      for (const unit of offer.units) {
        if (plan.units.some((u) => u.unitId === unit.id) && unit.capacity > unit.confirmed && unit.waiting > 0) {
          await promoteWaiting(ports, offer.id, unit.id).catch((error: unknown) => {
            if (!(error instanceof BusyError)) throw error;
          });
        }
      }
      return result;
    }
    const record = failures.find((f) => f.kind === 'replay')?.record;
    if (record) return replay(record);
    throwDefiniteFailure(failures, offer);
    // A unit with a waitlist or the offer changed since it was read: decide again on what is now.
    const units = new Map(failures.flatMap((f) => (f.kind === 'unit' && f.now ? [[f.unitId, f.now] as const] : [])));
    known = failures.some((f) => f.kind === 'offer-changed' || (f.kind === 'unit' && !f.now))
      ? undefined
      : { ...offer, units: offer.units.map((u) => ({ ...u, ...pickCounters(units.get(u.id)) })) };
    return AGAIN;
  }, { attempts: BOOKING_ATTEMPTS, ...ports.retry });
}

const pickCounters = (unit: Pick<Unit, 'capacity' | 'confirmed' | 'waiting'> | undefined) =>
  unit && { capacity: unit.capacity, confirmed: unit.confirmed, waiting: unit.waiting };

/** Turns the failures that are answers (not races) into the domain's errors. */
function throwDefiniteFailure(failures: BookingFailure[], offer: Pick<Offer, 'ageRange' | 'waitlist'> & OfferSpan): void {
  for (const failure of failures) {
    if (failure.kind === 'already-registered') {
      throw new AlreadyRegisteredError('Das Kind ist hier schon angemeldet / the child is already registered', 'childId');
    }
    if (failure.kind === 'child' && !failure.exists) {
      throw new BookingRuleError('Kind nicht in Ihrem Haushalt / child not in your household', 'childId');
    }
    if (failure.kind === 'child') {
      const { min, max } = offer.ageRange;
      throw new BookingRuleError(
        `Alter passt nicht: ${min}–${max} Jahre am ${offer.firstDay} / age does not fit: ${min}–${max} years on the first day`,
        'childId',
      );
    }
  }
  if (!offer.waitlist && failures.some((f) => f.kind === 'unit')) throw new UnitFullError('Ausgebucht / fully booked', 'unitId');
}

/** A registration as the API shows it, fields in contract order; a waiting one with its position now. */
async function publicRegistration(ports: Pick<BookingPorts, 'registrations'>, r: BookedRegistration): Promise<Registration> {
  const waiting = r.status === 'waitlisted' && r.ticket !== undefined;
  return {
    id: r.id,
    offerId: r.offerId,
    unitId: r.unitId,
    childId: r.childId,
    status: r.status,
    ...(waiting && { waitlistPosition: await ports.registrations.waitlistPosition(r.offerId, r.unitId, r.ticket ?? 0) }),
    createdAt: r.createdAt,
  };
}

/** A stored answer as the API returns it. */
async function answer(ports: Pick<BookingPorts, 'registrations'>, booked: BookingAnswer, replayed: boolean): Promise<BookingResult> {
  const registrations = await Promise.all(booked.registrations.map((r) => publicRegistration(ports, r)));
  return { single: booked.single, registrations, replayed };
}

/** A family cancels its own registrations; a provider those of its own offers. */
async function mayCancel(ports: Pick<BookingPorts, 'offers'>, actor: User, registration: RegistrationItem) {
  if (actor.householdId !== undefined && actor.householdId === registration.householdId) return true;
  const providerIds = actor.roles.flatMap((r) => (r.role === 'provider' ? [r.providerId] : []));
  if (providerIds.length === 0) return false;
  const offer = await ports.offers.getOffer(registration.offerId);
  return offer !== undefined && providerIds.includes(offer.providerId);
}

/**
 * Cancels a registration. A freed place goes back to the unit, and at once to the waitlist
 * (`promoteWaiting`); until then new bookings still queue, because someone waits (I3).
 * Cancelling again changes nothing. Others' registrations are "not found": their existence is
 * not the caller's business (I6).
 */
export async function cancelRegistration(ports: BookingPorts, actor: User, registrationId: string): Promise<void> {
  let registration = await ports.registrations.getRegistration(registrationId);
  if (!registration || !(await mayCancel(ports, actor, registration))) {
    throw new NotFoundError('Anmeldung nicht gefunden / registration not found', 'id');
  }
  const { offerId, unitId } = registration;
  await retryBounded(async () => {
    if (!registration || !isActive(registration.status)) return undefined;
    if (await ports.registrations.cancel(registration, ports.clock.now().toISOString())) return undefined;
    registration = await ports.registrations.getRegistration(registrationId);
    return AGAIN;
  }, ports.retry);
  await promoteWaiting(ports, offerId, unitId);
}

/**
 * Gives the unit's free places to the families waiting longest (I3), one transaction each, and
 * e-mails them. With `free` places and families waiting, the first `free` in line are all owed
 * a place, so concurrent promoters (several cancellations at once) each take a different one of
 * them at random instead of all fighting over the head; every place still goes to the front.
 * Runs after every cancellation and whenever a booking finds a place free while families wait.
 */
export async function promoteWaiting(ports: BookingPorts, offerId: string, unitId: string): Promise<void> {
  const random = ports.retry?.random ?? Math.random;
  for (;;) {
    const promoted = await retryBounded(async () => {
      // The line first, then the free places: entries can only move forward in between, so
      // each of the first `free` read here is owed a place (reading the other way round, the
      // places could shrink under a line read later and the pick land behind someone owed).
      const line = await ports.registrations.waitlistHeads(offerId, unitId, PROMOTION_SPREAD);
      const unit = await ports.registrations.getUnit(offerId, unitId);
      const owed = line.slice(0, Math.max(0, unit?.free ?? 0));
      const entry = owed[Math.floor(random() * owed.length)];
      if (!entry) return undefined;
      const done = await ports.registrations.promote(offerId, unitId, entry, ports.clock.now().toISOString());
      return done ? entry : AGAIN;
    }, ports.retry);
    if (!promoted) return;
    await notifyPromotion(ports, promoted.registrationId);
  }
}

/** Tells the family that its waiting registration now has a place, German first. */
async function notifyPromotion(ports: BookingPorts, registrationId: string): Promise<void> {
  const registration = await ports.registrations.getRegistration(registrationId);
  const household = registration && (await ports.households.getHousehold(registration.householdId));
  if (!registration || !household) return;
  const child = household.children.find((c) => c.id === registration.childId)?.firstName ?? '';
  const what = `„${registration.offerTitle}“ (${registration.unitLabel})`;
  await ports.mailer.send({
    to: household.email,
    subject: `Platz frei: ${registration.offerTitle} / A place for you: ${registration.offerTitle}`,
    text:
      `Gute Nachricht: ${child} ist von der Warteliste für ${what} nachgerückt und hat jetzt einen fixen Platz.\n\n` +
      `Good news: ${child} has moved up from the waiting list for ${what} and now has a confirmed place.`,
  });
}

/** The household's registrations, newest first, waiting ones with their current position. */
export async function listFamilyRegistrations(
  ports: Pick<BookingPorts, 'registrations' | 'households'>,
  householdId: string,
): Promise<FamilyRegistration[]> {
  const [items, household] = await Promise.all([
    ports.registrations.listByHousehold(householdId),
    ports.households.getHousehold(householdId),
  ]);
  const names = new Map(household?.children.map((c) => [c.id, c.firstName]));
  return Promise.all(
    items.map(async (r) => ({
      ...(await publicRegistration(ports, r)),
      offerTitle: r.offerTitle,
      unitLabel: r.unitLabel,
      childFirstName: names.get(r.childId),
    })),
  );
}

/** Everything stored about the family: account, household with children, every registration. */
export async function exportFamilyData(ports: Pick<BookingPorts, 'registrations' | 'households' | 'clock'>, user: User) {
  const householdId = householdIdOf(user);
  const [household, registrations] = await Promise.all([
    ports.households.getHousehold(householdId),
    listFamilyRegistrations(ports, householdId),
  ]);
  return {
    exportedAt: ports.clock.now().toISOString(),
    account: { id: user.id, email: user.email, roles: user.roles },
    household,
    registrations,
  };
}

/**
 * Erases the family: its active registrations are cancelled the normal way (waiting families
 * move up), then children, household, account and e-mail claim are deleted; registrations stay
 * only as anonymous counts. A booking that slips in meanwhile is cancelled on the next round.
 */
export async function eraseFamily(ports: BookingPorts, user: User): Promise<void> {
  const householdId = householdIdOf(user);
  await retryBounded(async () => {
    const registrations = await ports.registrations.listByHousehold(householdId);
    for (const r of registrations.filter((r) => isActive(r.status))) await cancelRegistration(ports, user, r.id);
    const household = await ports.households.getHousehold(householdId);
    const erased = await ports.registrations.eraseHousehold({
      id: householdId,
      userId: user.id,
      email: user.email,
      childIds: household?.children.map((c) => c.id) ?? [],
    });
    return erased || AGAIN;
  }, ports.retry);
}
