import { createHash, randomUUID } from 'node:crypto';
import { birthDatesForAges } from '../../shared/dates.js';
import type { Offer, Unit } from '../../shared/schemas/offer.js';
import type { BookingRequest, Registration, RegistrationStatus } from '../../shared/schemas/registration.js';
import type { Ports } from '../ports/index.js';
import type { OfferSpan } from '../ports/offers.js';
import type {
  BookedRegistration,
  BookingAnswer,
  BookingFailure,
  ChildChange,
  IdempotencyRecord,
  RegistrationItem,
  UnitChange,
} from '../ports/registrations.js';
import { tellBooked } from './booking-mails.js';
import { AlreadyRegisteredError, BookingRuleError, IdempotencyMismatchError, InvalidInputError, NotFoundError, UnitFullError } from './errors.js';
import { dashboardDimensions } from './dashboard.js';
import { AGAIN, retryBounded } from './retry.js';
import { offerFreedPlacesAfterWrite, type WaitlistPorts } from './waitlist.js';

export type BookingPorts = WaitlistPorts & Pick<Ports, 'idempotency' | 'offers'>;
/** Who books: the signed-in user (idempotency keys are theirs) and their household. */
export type Caller = { userId: string; householdId: string };

/** How long a repeated request gets the first answer: a day covers every client's retries. */
const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/** Booking attempts: conflicts back off, a changed unit or offer decides again at once. */
const BOOKING_ATTEMPTS = 8;

export type BookingResult = { single: boolean; registrations: Registration[]; replayed: boolean };

type BookingItem = { unitId: string; childId: string };
type Placement = Extract<RegistrationStatus, 'confirmed' | 'waitlisted'>;

/** The (unit, child) pairs of a request, in the order given. */
const bookingItems = (request: BookingRequest): BookingItem[] => ('items' in request ? request.items : [{ unitId: request.unitId, childId: request.childId }]);

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
export function planBooking(units: Unit[], items: BookingItem[], waitlist: boolean): { units: UnitChange[]; placements: Placement[] } {
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
export function bookingRuleViolation(offer: Pick<Offer, 'status' | 'bookingMode' | 'registrationOpens' | 'registrationCloses'>, now: Date): string | undefined {
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
export async function bookRegistrations(ports: BookingPorts, caller: Caller, request: BookingRequest, idempotencyKey: string): Promise<BookingResult> {
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
  const prior = await ports.idempotency.getIdempotency(caller.userId, idempotencyKey, nowSeconds);
  if (prior) return replay(prior);

  const createdAt = now.toISOString();
  const ids = items.map(() => randomUUID());
  // Read once for the dashboard's dimensions; the transaction itself checks the children.
  const household = await ports.households.getHousehold(caller.householdId);
  // Tickets stay with the request across attempts: a retry keeps its place in line.
  const held = new Map<string, number[]>();

  // The offer as last read; a failed unit condition reports the unit's counters, so only a
  // changed offer needs reading again.
  let known: Awaited<ReturnType<BookingPorts['offers']['getOffer']>>;
  return retryBounded(
    async () => {
      const offer = (known ??= await ports.offers.getOffer(request.offerId));
      if (!offer || offer.status === 'draft') throw new NotFoundError('Angebot nicht gefunden / offer not found', 'offerId');
      const violation = bookingRuleViolation(offer, ports.clock.now());
      if (violation) throw new BookingRuleError(violation, 'offerId');
      const plan = planBooking(offer.units, items, offer.waitlist);
      for (const { unitId, wait } of plan.units) {
        const tickets = held.get(unitId) ?? [];
        if (tickets.length < wait) {
          held.set(unitId, [...tickets, ...(await ports.waitlists.takeTickets(offer.id, unitId, wait - tickets.length))]);
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
        // One e-mail per committed request, never on a replay; it cannot undo the booking.
        await tellBooked(ports, caller.householdId, offer, result.registrations);
        // A place left free while families wait means offering it was cut short: finish it, as a
        // courtesy that must not turn this committed booking into an error.
        for (const unit of offer.units) {
          if (plan.units.some((u) => u.unitId === unit.id) && unit.capacity > unit.confirmed && unit.waiting > 0) {
            await offerFreedPlacesAfterWrite(ports, offer.id, unit.id);
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
    },
    { attempts: BOOKING_ATTEMPTS, ...ports.retry },
  );
}

const pickCounters = (unit: Pick<Unit, 'capacity' | 'confirmed' | 'waiting'> | undefined) =>
  unit && { capacity: unit.capacity, confirmed: unit.confirmed, waiting: unit.waiting };

/** Turns the failures that are answers (not races) into the domain's errors. */
function throwDefiniteFailure(failures: BookingFailure[], offer: Pick<Offer, 'ageRange' | 'waitlist'> & OfferSpan): void {
  // First: another household's child is answered as unknown, so whether it is booked cannot be probed.
  if (failures.some((f) => f.kind === 'child' && !f.exists)) {
    throw new NotFoundError('Kind nicht in Ihrem Haushalt / child not in your household', 'childId');
  }
  for (const failure of failures) {
    if (failure.kind === 'already-registered') {
      throw new AlreadyRegisteredError('Das Kind ist hier schon angemeldet / the child is already registered', 'childId');
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
export async function publicRegistration(ports: Pick<BookingPorts, 'waitlists'>, r: BookedRegistration): Promise<Registration> {
  const waiting = r.status === 'waitlisted' && r.ticket !== undefined;
  return {
    id: r.id,
    offerId: r.offerId,
    unitId: r.unitId,
    childId: r.childId,
    status: r.status,
    ...(waiting && { waitlistPosition: await ports.waitlists.waitlistPosition(r.offerId, r.unitId, r.ticket ?? 0) }),
    ...(r.status === 'offered' && { offerExpiresAt: r.offerExpiresAt, offerExtended: r.offerExtended ?? false }),
    createdAt: r.createdAt,
  };
}

/** A stored answer as the API returns it. */
async function answer(ports: Pick<BookingPorts, 'waitlists'>, booked: BookingAnswer, replayed: boolean): Promise<BookingResult> {
  const registrations = await Promise.all(booked.registrations.map((r) => publicRegistration(ports, r)));
  return { single: booked.single, registrations, replayed };
}
