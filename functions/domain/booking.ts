import { createHash, randomUUID } from 'node:crypto';
import { birthDatesForAges } from '../../shared/dates.js';
import type { Offer, Unit } from '../../shared/schemas/offer.js';
import type { BookingRequest, Registration, RegistrationStatus } from '../../shared/schemas/registration.js';
import type { Ports } from '../ports/index.js';
import type { OfferSpan, StoredOffer } from '../ports/offers.js';
import type {
  BookedRegistration,
  BookingAnswer,
  BookingFailure,
  ChildChange,
  IdempotencyRecord,
  RegistrationItem,
  UnitChange,
  UnitCounters,
} from '../ports/registrations.js';
import { AlreadyRegisteredError, BookingRuleError, IdempotencyMismatchError, InvalidInputError, NotFoundError, UnitFullError } from './errors.js';
import { dashboardDimensions } from './dashboard.js';
import { householdFacts, type HouseholdFacts } from './sessions.js';
import { AGAIN, retryBounded } from './retry.js';
import { offerFreedPlacesAfterWrite, type WaitlistPorts } from './waitlist.js';

export type BookingPorts = WaitlistPorts & Pick<Ports, 'idempotency' | 'offers' | 'bookedMails'>;
/**
 * Who books: the signed-in user (idempotency keys are theirs), their household and what their
 * token says of it (`facts`, for the dashboard's dimensions, checked by the transaction).
 */
export type Caller = { userId: string; householdId: string; facts?: HouseholdFacts };

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
 * Each unit's change and each item's placement, from the units as last read (`queued`: units
 * the booking already holds places in line in). Within a unit the request's first children get
 * the places, in the order the family listed them.
 */
export function planBooking(
  units: Unit[],
  items: BookingItem[],
  waitlist: boolean,
  queued: ReadonlySet<string> = new Set(),
): { units: UnitChange[]; placements: Placement[] } {
  const changes = new Map<string, UnitChange>();
  for (const unitId of new Set(items.map((i) => i.unitId))) {
    const unit = units.find((u) => u.id === unitId);
    if (!unit) throw new BookingRuleError(`Einheit ${unitId} gehört nicht zum Angebot / unit not part of the offer`, 'unitId');
    const n = items.filter((i) => i.unitId === unitId).length;
    // A unit the booking already queues in has someone waiting: the booking itself.
    const waiting = queued.has(unitId) ? Math.max(unit.waiting, 1) : unit.waiting;
    changes.set(unitId, { unitId, ...planUnit({ free: unit.capacity - unit.confirmed, waiting }, n, waitlist) });
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

/** A unit's places in line held by one booking across its attempts, with the positions they got. */
type HeldLine = { tickets: number[]; positions: number[]; reserved: boolean; unit?: UnitCounters };

const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/**
 * Books children into units of one offer, all or nothing: each gets a place while places are
 * free and nobody waits, else a place in line (if the offer keeps a waitlist, else 409 full).
 * A confirmed place is one transaction. A place in line is two writes: a reservation on the unit
 * that moves the line and hands out tickets with their exact positions, then the transaction
 * that completes the booking without touching the unit. A repeat with the same key returns the
 * first answer (I4).
 */
export async function bookRegistrations(ports: BookingPorts, caller: Caller, request: BookingRequest, idempotencyKey: string): Promise<BookingResult> {
  const items = bookingItems(request);
  const pairs = new Set(items.map((i) => `${i.unitId}#${i.childId}`));
  if (pairs.size < items.length) {
    throw new InvalidInputError('Jedes Kind nur einmal je Einheit / each child once per unit', 'items');
  }
  const fingerprint = fingerprintOf(request);
  const now = ports.clock.now();
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const createdAt = now.toISOString();
  const ids = items.map(() => randomUUID());
  // The dashboard's dimensions: as the token claims them, checked by the transaction (a stale
  // claim fails it), else from the household read now; the transaction itself checks the children.
  const claimsAll = (facts: HouseholdFacts | undefined) => items.every((i) => facts?.birthDates[i.childId] !== undefined);
  let claimed = claimsAll(caller.facts) ? caller.facts : undefined;
  const readFacts = async () => {
    const household = await ports.households.getHousehold(caller.householdId);
    return household && householdFacts(household);
  };
  let facts = claimed ?? (await readFacts());
  // Places in line stay with the request across attempts: a retry keeps its position.
  const held = new Map<string, HeldLine>();
  let committed = false;

  /** What the family is told of each registration: a waiting one with the position its place in line got. */
  const told = (answer: BookingAnswer) =>
    answer.registrations.map((r) => {
      const line = held.get(r.unitId);
      return toPublic(r, r.ticket === undefined ? undefined : line?.positions[line.tickets.indexOf(r.ticket)]);
    });
  const bookedMail = (registrations: Registration[]) => ({ id: ids[0] ?? '', householdId: caller.householdId, offerId: request.offerId, registrations });

  /** The committed answer: this request's own, also when an attempt that seemed to fail had committed it. */
  const finish = async (offer: StoredOffer, booked: BookingAnswer): Promise<BookingResult> => {
    committed = true;
    const result = { single: booked.single, registrations: told(booked), replayed: false };
    // The transaction filed the e-mail; where no stream sends it, it goes now.
    await ports.bookedMails.afterCommit(bookedMail(result.registrations));
    // A place left free while families wait means offering it was cut short: finish it, as a
    // courtesy that must not turn this committed booking into an error.
    for (const unit of offer.units) {
      const counters = held.get(unit.id)?.unit ?? { free: unit.capacity - unit.confirmed, waiting: unit.waiting };
      if (booked.registrations.some((r) => r.unitId === unit.id) && counters.free > 0 && counters.waiting > 0) {
        await offerFreedPlacesAfterWrite(ports, offer.id, unit.id);
      }
    }
    return result;
  };

  // A refused write reports the unit's counters for the next plan, so only a changed offer needs reading again.
  let fresh = false;
  try {
    return await retryBounded(
      async () => {
        const readFresh = fresh;
        fresh = false;
        const read = await ports.offers.getBookableOffer(request.offerId, readFresh);
        const unbookable = !read || read.status === 'draft';
        const violation = read && bookingRuleViolation(read, ports.clock.now());
        // Refused only on a fresh read: the copy a moment old may predate its publication.
        if ((unbookable || violation) && !readFresh) {
          fresh = true;
          return AGAIN;
        }
        if (unbookable) throw new NotFoundError('Angebot nicht gefunden / offer not found', 'offerId');
        if (violation) throw new BookingRuleError(violation, 'offerId');
        const queued = new Set([...held].flatMap(([unitId, line]) => (line.reserved ? [unitId] : [])));
        const offer = await afterPlacesInFlight(ports, read, items, queued);
        const plan = planBooking(offer.units, items, offer.waitlist, queued);
        for (const { unitId, confirm, wait } of plan.units) {
          const line = held.get(unitId);
          if (wait === 0 || (line && line.tickets.length >= wait && line.reserved === (confirm === 0))) continue;
          if (confirm > 0) {
            // The unit's last places and a line behind them, in one transaction that finds nobody
            // waiting: these children are the first in line.
            held.set(unitId, { tickets: await ports.waitlists.takeTickets(offer.id, unitId, wait), positions: oneTo(wait), reserved: false });
            continue;
          }
          const reservation = await ports.waitlists.reserveTickets(offer.id, unitId, wait, createdAt);
          if ('refused' in reservation) {
            // A place is free after all (or the unit is gone): decide again on what is now.
            if (reservation.refused) ports.offers.noteUnitCounters(offer.id, unitId, reservation.refused);
            else fresh = true;
            return AGAIN;
          }
          ports.offers.noteUnitCounters(offer.id, unitId, reservation.unit);
          held.set(unitId, { ...reservation, reserved: true });
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
            ticket: status === 'waitlisted' ? held.get(item.unitId)?.tickets[n] : undefined,
            createdAt,
            updatedAt: createdAt,
            offerTitle: offer.title,
            ...dimensionsOf(facts, item.childId, offer.firstDay),
            unitLabel: offer.units.find((u) => u.id === item.unitId)?.label ?? item.unitId,
          };
        });
        const booked: BookingAnswer = {
          single: 'unitId' in request,
          registrations: registrations.map(({ id, offerId, unitId, childId, status, ticket }) => ({ id, offerId, unitId, childId, status, ticket, createdAt })),
        };
        // A unit the request only queues for was moved by its reservation.
        const taking = plan.units.filter((u) => u.confirm > 0);
        const holds = taking.map((u) => ports.offers.holdPlaces(offer.id, u.unitId, u.confirm));
        let failures: BookingFailure[] | undefined;
        try {
          failures = await ports.registrations.book({
            offer,
            householdId: caller.householdId,
            units: taking,
            children: childChanges(offer, items),
            registrations,
            idempotency: { userId: caller.userId, key: idempotencyKey, fingerprint, answer: booked, expiresAt: nowSeconds + IDEMPOTENCY_TTL_SECONDS },
            mail: bookedMail(told(booked)),
            claimed,
            nowSeconds,
          });
        } finally {
          holds.forEach((hold, i) => hold.release(failures?.length === 0 ? { waiting: taking[i]?.wait ?? 0 } : undefined));
        }
        if (failures.length === 0) return finish(offer, booked);
        const record = failures.find((f) => f.kind === 'replay')?.record;
        // An attempt whose answer was lost (a timeout) may have committed: then the record is this request's own.
        if (record && record.answer.registrations[0]?.id === ids[0]) return finish(offer, record.answer);
        if (record) return replay(ports, record, fingerprint);
        if (failures.some((f) => f.kind === 'stale-claim')) {
          // The household changed since the token was issued: decide on the household as it is.
          claimed = undefined;
          facts = await readFacts();
          return AGAIN;
        }
        throwDefiniteFailure(failures, offer);
        // A unit with a waitlist or the offer changed since it was read: decide again on what is now.
        for (const f of failures) if (f.kind === 'unit' && f.now) ports.offers.noteUnitCounters(offer.id, f.unitId, f.now);
        fresh = failures.some((f) => f.kind === 'offer-changed' || (f.kind === 'unit' && !f.now));
        return AGAIN;
      },
      { attempts: BOOKING_ATTEMPTS, ...ports.retry },
    );
  } finally {
    // A booking that ended without its places in line gives them back; should that fail too,
    // the sweep settles the unit (the reservation marked it).
    if (!committed) {
      for (const [unitId, line] of held) {
        if (line.reserved) await ports.waitlists.voidReservation(request.offerId, unitId, line.tickets.length).catch(() => undefined);
      }
    }
  }
}

/**
 * The offer once this process's own bookings in flight leave enough places believed free for the
 * request, or nobody here holds any: a place they hold may yet come free (their transaction
 * refused), so the request waits for them instead of queueing behind places that are not gone, or
 * sending a transaction the unit will refuse.
 */
async function afterPlacesInFlight(ports: Pick<BookingPorts, 'offers'>, offer: StoredOffer, items: BookingItem[], queued: ReadonlySet<string>) {
  for (;;) {
    const short = offer.units.find((u) => {
      const n = items.filter((i) => i.unitId === u.id).length;
      return n > 0 && !queued.has(u.id) && u.waiting === 0 && u.capacity - u.confirmed < n && ports.offers.placesInFlight(offer.id, u.id).count > 0;
    });
    if (!short) return offer;
    await ports.offers.placesInFlight(offer.id, short.id).settled;
    offer = (await ports.offers.getBookableOffer(offer.id)) ?? offer;
  }
}

/** Where a child's registration counts on the dashboard, from what is known of its household. */
const dimensionsOf = (facts: HouseholdFacts | undefined, childId: string, firstDay: string) =>
  dashboardDimensions(
    facts && { municipalityId: facts.municipalityId, children: Object.entries(facts.birthDates).map(([id, birthDate]) => ({ id, birthDate })) },
    childId,
    firstDay,
  );

/** The stored answer of an earlier request with the same key, positions as they are now. */
async function replay(ports: Pick<BookingPorts, 'waitlists'>, record: IdempotencyRecord, fingerprint: string): Promise<BookingResult> {
  if (record.fingerprint !== fingerprint) {
    throw new IdempotencyMismatchError(
      'Idempotency-Key wurde schon für eine andere Anfrage verwendet / key already used for another request',
      'Idempotency-Key',
    );
  }
  const registrations = await Promise.all(record.answer.registrations.map((r) => publicRegistration(ports, r)));
  return { single: record.answer.single, registrations, replayed: true };
}

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

/** A registration as the API shows it, fields in contract order; a waiting one with its `position` in line. */
function toPublic(r: BookedRegistration, position: number | undefined): Registration {
  return {
    id: r.id,
    offerId: r.offerId,
    unitId: r.unitId,
    childId: r.childId,
    status: r.status,
    ...(r.status === 'waitlisted' && position !== undefined && { waitlistPosition: position }),
    ...(r.status === 'offered' && { offerExpiresAt: r.offerExpiresAt, offerExtended: r.offerExtended ?? false }),
    createdAt: r.createdAt,
  };
}

/** A registration as the API shows it; a waiting one with its position now. */
export async function publicRegistration(ports: Pick<BookingPorts, 'waitlists'>, r: BookedRegistration): Promise<Registration> {
  const waiting = r.status === 'waitlisted' && r.ticket !== undefined;
  return toPublic(r, waiting ? await ports.waitlists.waitlistPosition(r.offerId, r.unitId, r.ticket ?? 0) : undefined);
}
