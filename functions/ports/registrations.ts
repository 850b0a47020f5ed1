import type { Registration } from '../../shared/schemas/registration.js';
import type { StoredOffer, UnitItem } from './offers.js';

/** The stored registration: the public fields plus what listing, cancelling and erasing need. */
export type RegistrationItem = Omit<Registration, 'waitlistPosition'> & {
  householdId: string;
  /** The waitlist ticket, while waitlisted: its place in the unit's line. */
  ticket?: number;
  /** Copied at booking: the title and label as booked, also once the offer is gone or renamed. */
  offerTitle: string;
  unitLabel: string;
  updatedAt: string;
  /** Dashboard dimensions fixed at booking: municipality of residence and age band. */
  residence?: string;
  band?: string;
  /** While offered: the registrations offered to the family together, first the one the deadline is filed under. */
  offerGroup?: string[];
};
export type BookedRegistration = Pick<RegistrationItem, 'id' | 'offerId' | 'unitId' | 'childId' | 'status' | 'ticket' | 'createdAt'> &
  Partial<Pick<RegistrationItem, 'offerExpiresAt' | 'offerExtended'>>;
/** What a booking answered, kept with its idempotency record so that a repeat answers the same (I4). */
export type BookingAnswer = { single: boolean; registrations: BookedRegistration[] };
export type IdempotencyRecord = { fingerprint: string; answer: BookingAnswer; expiresAt: number };

/**
 * The confirmation e-mail a committed booking owes: written in the booking's own transaction, so
 * it exists exactly when the booking does, and holds ids and the places told, no names (the
 * sender reads the household and the offer). `id` names the request (its first registration).
 */
export type BookedMail = { id: string; householdId: string; offerId: string; registrations: Registration[] };

/** The offer as the booking decided on it; the write checks it is still so (no edit since: same `version`). */
type OfferSnapshot = Pick<StoredOffer, 'id' | 'version'>;
/** How many of the request's children a unit confirms and how many join its waitlist. */
export type UnitChange = { unitId: string; confirm: number; wait: number };
/** A child booked into `count` units; its birth date must lie in (after, notAfter]. */
export type ChildChange = { childId: string; count: number; birthAfter: string; birthNotAfter: string };

export type BookingWrite = {
  offer: OfferSnapshot;
  householdId: string;
  /** The units the request takes places in; a unit it only queues for was moved by its reservation. */
  units: UnitChange[];
  children: ChildChange[];
  registrations: RegistrationItem[];
  idempotency: { userId: string; key: string } & IdempotencyRecord;
  mail: BookedMail;
  /** What the booker's token said of the household, which the write then checks: its residence and its children's birth dates. */
  claimed?: { municipalityId?: string; birthDates: Record<string, string> };
  /** Epoch seconds: an idempotency record that expired before now may be replaced. */
  nowSeconds: number;
};

/** Why a booking was refused, one entry per failed condition. */
export type BookingFailure =
  | { kind: 'replay'; record: IdempotencyRecord }
  /** The unit's counters moved past what the plan assumed; `now` is what they are. */
  | { kind: 'unit'; unitId: string; now?: Pick<UnitItem, 'capacity' | 'confirmed' | 'waiting'> }
  | { kind: 'already-registered'; unitId: string; childId: string }
  | { kind: 'child'; childId: string; exists: boolean }
  | { kind: 'offer-changed' }
  /** The household is no longer as the token claimed (`claimed`): moved, or a birth date corrected. */
  | { kind: 'stale-claim' };

/** What a booking plans on: a unit's places and its line. */
export type UnitCounters = Pick<UnitItem, 'capacity' | 'confirmed' | 'waiting' | 'free'>;
/** Places in a unit's line, held for one booking until its completion: the tickets and the exact positions they got. */
type Reservation = { tickets: number[]; positions: number[]; unit: UnitCounters };

/** A place in a unit's line; the household keeps a family's children together when a place is offered. */
export type WaitlistEntry = { registrationId: string; ticket: number; householdId?: string };

/** What a family's waiting registrations get when places free up: an offer until a deadline, or the place itself (last call). */
type PlaceGrant = { status: 'offered'; expiresAt: string } | { status: 'confirmed' };

/** Registrations and their uniqueness guards. */
export interface RegistrationRepo {
  /**
   * The booking, all or nothing: unit counters, registrations, guards, waitlist entries, child
   * counters, the offer check and the idempotency record. [] when it committed.
   */
  book(write: BookingWrite): Promise<BookingFailure[]>;
  /**
   * Cancels an active registration at once: a waiting one leaves the line, a confirmed one
   * gives its place back to the unit. False when the registration changed meanwhile.
   */
  cancel(registration: RegistrationItem, now: string): Promise<boolean>;
  /**
   * The family says yes to the places offered to it: all of `group` confirmed at once (they
   * were offered together), while still offered and before the deadline. False otherwise.
   */
  acceptOffered(group: RegistrationItem[], now: string): Promise<boolean>;
  /**
   * Gives offered places back to the unit: the family declined (`declined`), or the deadline
   * passed (`expired`, only once it has). Guards and child counters go with them. False when any changed meanwhile.
   */
  releaseOffered(group: RegistrationItem[], to: 'declined' | 'expired', now: string): Promise<boolean>;
  /** Moves the deadline of offered places once, to `expiresAt`; false if extended before, answered or past the deadline. */
  extendOffered(group: RegistrationItem[], expiresAt: string, now: string): Promise<boolean>;
  getRegistration(id: string): Promise<RegistrationItem | undefined>;
  /** A household's registrations, newest first (may lag a moment). */
  listByHousehold(householdId: string): Promise<RegistrationItem[]>;
  /** Every registration of an offer, any status (may lag a moment). */
  listByOffer(offerId: string): Promise<RegistrationItem[]>;
  /** Strips household and child from a household's registrations, which stay as anonymous counts. */
  anonymiseHousehold(householdId: string): Promise<void>;
  /** Marks a confirmed registration reminded of its first session; false if it was before, or is no longer confirmed. */
  markReminded(registrationId: string, now: string): Promise<boolean>;
}

/** The units' lines: tickets, entries in ticket order, and promotion to a free place. */
export interface WaitlistRepo {
  /**
   * Hands out `count` consecutive tickets of a unit without joining its line: for a booking that
   * takes the unit's last places and queues the rest in the same transaction. A ticket is a
   * place in line only once that booking commits; unused tickets leave gaps, which positions ignore.
   */
  takeTickets(offerId: string, unitId: string, count: number): Promise<number[]>;
  /**
   * Joins the unit's line with `count` children at once, allowed only while no place is free or
   * someone already waits (I3): `waiting` and the tickets move together, so the positions are
   * exact. The booking's completion writes the entries; until then the reservation is in flight
   * (marked on the unit with `at`), and one that no completion follows is settled by the sweep.
   * Refused with the unit's counters when a place is free and nobody waits, or without them when
   * the unit is gone.
   */
  reserveTickets(offerId: string, unitId: string, count: number, at: string): Promise<Reservation | { refused: UnitCounters | undefined }>;
  /** Gives back a reservation whose booking ended without it (a definite failure, a replay). */
  voidReservation(offerId: string, unitId: string, count: number): Promise<void>;
  /** Units of upcoming offers whose last reservation is older than `before`: those the sweep settles. */
  reservedUnits(before: string): Promise<{ offerId: string; unitId: string; reservedAt: string }[]>;
  /**
   * Sets the unit's `waiting` to its committed entries and ends its reservation mark, unless it
   * moved since `reservedAt` (then a later sweep tries again). Returns the unit as settled.
   */
  settleReservations(offerId: string, unitId: string, reservedAt: string): Promise<UnitCounters | undefined>;
  /**
   * Gives free places of the unit to one family's waiting `entries`, all or none: offered with a
   * deadline (filed as due work under the first entry) or, at the last call, confirmed. False
   * when the places or the entries were taken meanwhile.
   */
  grantPlaces(offerId: string, unitId: string, entries: WaitlistEntry[], grant: PlaceGrant, now: string): Promise<boolean>;
  /**
   * Marks the unit's last call: places freed this close to the start go to whoever in line
   * accepts first. True only for the call that set it, so the line is told once.
   */
  announceLastCall(offerId: string, unitId: string, now: string): Promise<boolean>;
  /** The unit's counters, strongly consistent: what a promoter decides on. */
  getUnit(offerId: string, unitId: string): Promise<UnitItem | undefined>;
  /** The first `count` committed entries of a unit, in ticket order, strongly consistent. */
  waitlistHeads(offerId: string, unitId: string, count: number): Promise<WaitlistEntry[]>;
  /** 1 + the committed entries of the unit with a smaller ticket, counted strongly. */
  waitlistPosition(offerId: string, unitId: string, ticket: number): Promise<number>;
}

/** The stored answers of requests sent with an Idempotency-Key (I4); the booking writes them. */
export interface IdempotencyRepo {
  /** Erasure: every record of the user. */
  deleteUserRecords(userId: string): Promise<void>;
}
