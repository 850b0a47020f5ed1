import * as z from 'zod';
import { id, isoDate, isoDateTime, pageQuery } from './common.js';
import { providerSchema } from './region.js';

export const offerKind = z.enum(['course', 'event', 'holiday_care', 'group']);
export const bookingMode = z.enum(['fcfs', 'lottery']);
const offerStatus = z.enum(['draft', 'published', 'cancelled']);

export const sessionSchema = z.object({
  id,
  start: isoDateTime,
  end: isoDateTime,
  place: z.string().min(1).max(200),
  /**
   * The unit whose children meet at this session (week 2 of holiday care); absent, every unit
   * meets at it (parallel course groups).
   */
  unitId: id.optional(),
});

/** A part of an offer with its own places: a week of holiday care, a course group. */
export const unitSchema = z.object({
  id,
  label: z.string().min(1).max(120),
  capacity: z.number().int().min(0).max(10_000),
  confirmed: z.number().int().min(0),
  waiting: z.number().int().min(0),
});
export type Unit = z.infer<typeof unitSchema>;

/**
 * Euros in whole cents (45.5, 12.99; not 12.999 or 5e-324): the amount is shown and stored as
 * given, never summed, so a JSON number with at most two decimals is exact enough.
 */
const euros = z
  .number()
  .min(0)
  .max(10_000)
  .refine((v) => Math.round(v * 100) / 100 === v, { message: 'Höchstens zwei Nachkommastellen / whole cents only', params: { code: 'whole_cents' } });

export const priceSchema = z.object({
  /** 0 for free offers. */
  amount: euros,
  reduced: euros.optional(),
});

/** Ages in whole years, both ends included. */
const ageRangeSchema = z
  .object({ min: z.number().int().min(0).max(99), max: z.number().int().min(0).max(99) })
  .refine((r) => r.min <= r.max, { message: 'min ≤ max', path: ['max'], params: { code: 'max_below_min' } });

export const offerSchema = z.object({
  id,
  title: z.string().min(1).max(160),
  description: z.string().max(5000),
  category: id,
  kind: offerKind,
  status: offerStatus,
  municipalityId: id,
  providerId: id,
  providerName: z.string().optional(),
  address: z.string().max(300).optional(),
  accessibility: z.string().max(1000).optional(),
  /** What a child brings (indoor shoes, a snack): the reminder before the first day says it. */
  whatToBring: z.string().max(500).optional(),
  bookingMode,
  /** The holiday programme whose draw allocates a lottery offer's places (docs/DRAW.md). */
  programmeId: id.optional(),
  waitlist: z.boolean(),
  ageRange: ageRangeSchema,
  registrationOpens: isoDateTime,
  registrationCloses: isoDateTime,
  price: priceSchema,
  sessions: z.array(sessionSchema).min(1),
  units: z.array(unitSchema).min(1),
});
export type Offer = z.infer<typeof offerSchema>;

/** Where an offer sits in time, in the region's calendar days; the server computes it on every save. */
const offerSpanSchema = z.object({ firstDay: isoDate, lastDay: isoDate, firstStart: isoDateTime });
/** An offer as the API answers it (catalog and provider alike): the offer and its span. */
export const catalogOfferSchema = offerSchema.extend(offerSpanSchema.shape);
export type CatalogOffer = z.infer<typeof catalogOfferSchema>;

/** How a family reaches whoever runs an offer: the provider's name and whichever public ways it gave. */
const providerContactSchema = providerSchema.pick({ name: true, email: true, phone: true, website: true });
/** One offer as `GET /offers/{id}` answers it: the catalog offer and its provider's contact (absent for a provider no longer known). */
export const offerDetailSchema = catalogOfferSchema.extend({ providerContact: providerContactSchema.optional() });
export type OfferDetail = z.infer<typeof offerDetailSchema>;

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const offerListQuery = pageQuery.extend({
  municipality: id.optional(),
  category: id.optional(),
  age: z.coerce.number().int().min(0).max(99).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().trim().max(100).optional(),
  available: booleanFlag.optional(),
});
export type OfferListQuery = z.infer<typeof offerListQuery>;

/** The iCal feed: the filtered catalog, or one offer's sessions ("add to my calendar"). */
export const calendarQuery = offerListQuery.pick({ municipality: true, category: true }).extend({ offer: id.optional() });
export type CalendarQuery = z.infer<typeof calendarQuery>;
