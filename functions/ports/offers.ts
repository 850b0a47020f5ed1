import type { CatalogOffer, Offer, Unit } from '../../shared/schemas/offer.js';
import type { ProviderOffer } from '../../shared/schemas/provider.js';

/** Where an offer sits in time, in the region's calendar days; computed by the domain. */
export type OfferSpan = Pick<CatalogOffer, 'firstDay' | 'lastDay' | 'firstStart'>;

/**
 * The stored unit: the public counters plus what the booking conditions need. `confirmed`
 * counts the places taken, confirmed or offered to a family with a deadline; `free` is
 * capacity − confirmed, kept beside them because a condition expression cannot subtract.
 * `waitTail` is the last waitlist ticket handed out. `position` keeps the units in the order
 * the provider entered them. `lastCall` is set once freed places go to whoever in line accepts first.
 */
export type UnitItem = Unit & {
  offerId: string;
  free: number;
  waitTail: number;
  position?: number;
  lastCall?: string;
  /** When the last waitlist reservation was made: until the sweep settles it, `waiting` may count bookings still completing. */
  reservedAt?: string;
};
/** `version` counts saved edits; an edit's condition compares it (timestamps can tie). */
export type OfferStamps = Pick<ProviderOffer, 'createdAt' | 'updatedAt' | 'version'>;
/** An offer as stored (and as its provider sees it), with the stamp an edit's condition compares. */
export type StoredOffer = ProviderOffer;

/** A session an edit removed, and when: the feeds keep it as cancelled for a while. */
export type RemovedSession = CatalogOffer['sessions'][number] & { removedAt: string };
/** An offer as the calendar feeds need it: with its stamps (SEQUENCE, LAST-MODIFIED) and the sessions edits removed. */
export type FeedOffer = StoredOffer & { removedSessions: RemovedSession[] };

/** What an edit changes: the offer as read, as it is to be, and whether overbooking is meant. */
export type OfferEdit = {
  before: StoredOffer;
  after: Offer;
  span: OfferSpan;
  now: string;
  allowOverbooking: boolean;
};
/** Why an edit was refused, one entry per failed condition. */
export type OfferEditFailure = { kind: 'changed' } | { kind: 'below-confirmed'; unitId: string } | { kind: 'unit-in-use'; unitId: string };

/** Offers and their bookable units. */
export interface OfferRepo {
  /** Writes a new offer with its units at once; false if the id is taken. */
  createOffer(offer: Offer, span: OfferSpan, now: string): Promise<boolean>;
  /**
   * Applies an edit all or nothing: the offer (only if nobody saved it since it was read), its
   * units, new units, and removed units (only while nobody is registered in them). [] when done.
   */
  updateOffer(edit: OfferEdit): Promise<OfferEditFailure[]>;
  /** The offer with its units and stamps, strongly consistent: what an edit decides on. */
  getStoredOffer(offerId: string): Promise<StoredOffer | undefined>;
  /**
   * The offer a booking plans on: as this process last read it if that was under a second ago,
   * else read strongly (`fresh`: always). The booking's write checks the offer's `version` and the
   * units' counters, so a stale copy costs a refused attempt, never a wrong booking.
   */
  getBookableOffer(offerId: string, fresh?: boolean): Promise<StoredOffer | undefined>;
  /** What a booking learnt of a unit's counters (its own write, or a refusal), for the next booking's plan. */
  noteUnitCounters(offerId: string, unitId: string, counters: Pick<UnitItem, 'capacity' | 'confirmed' | 'waiting'>): void;
  /**
   * Counts `n` places of the unit as taken by a booking of this process until `release`:
   * `getBookableOffer` shows them in `confirmed` meanwhile, so that other bookings here plan on
   * the places really left; released `booked` (with the children it queued behind them), the
   * copy counts them as taken. `placesInFlight` says how many are held and when the next hold ends.
   */
  holdPlaces(offerId: string, unitId: string, n: number): { release(booked?: { waiting: number }): void };
  placesInFlight(offerId: string, unitId: string): { count: number; settled: Promise<void> };
  /** A provider's offers of every status, with units, soonest first (may lag a moment). */
  listProviderOffers(providerId: string): Promise<StoredOffer[]>;
  /** The offer and its units, strongly consistent: the numbers a family books against. */
  getOffer(offerId: string): Promise<CatalogOffer | undefined>;
  /** Published offers (with units) whose last day is `fromDay` or later; numbers may lag a booking by a moment. */
  listCatalog(fromDay: string): Promise<CatalogOffer[]>;
  /** Published and cancelled offers whose last day is `fromDay` or later, for the feeds; may lag a moment. */
  listFeedOffers(fromDay: string): Promise<FeedOffer[]>;
  /** One offer of any status for a feed, strongly consistent. */
  getFeedOffer(offerId: string): Promise<FeedOffer | undefined>;
}
