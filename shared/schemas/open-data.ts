import * as z from 'zod';
import { id, isoDateTime } from './common.js';
import { bookingMode, offerKind } from './offer.js';
import { openDataLicenceSchema } from './region.js';

/**
 * One published offer as open data: what the calendar shows anyone, and no person in it. The
 * provider appears by its organisation's public name and website, never by its contact e-mail or
 * phone (often a person's own); a unit by its places, never by who holds them.
 */
const openDataOfferSchema = z.strictObject({
  id,
  title: z.string(),
  description: z.string(),
  category: z.strictObject({ id, name: z.strictObject({ de: z.string(), en: z.string() }) }),
  kind: offerKind,
  municipality: z.strictObject({ id, name: z.string() }),
  provider: z.strictObject({ id, name: z.string(), website: z.string().optional() }),
  address: z.string().optional(),
  ageRange: z.strictObject({ min: z.number().int(), max: z.number().int() }),
  price: z.strictObject({ amount: z.number(), reduced: z.number().optional(), currency: z.literal('EUR') }),
  bookingMode,
  waitlist: z.boolean(),
  registrationOpens: isoDateTime,
  registrationCloses: isoDateTime,
  sessions: z.array(z.strictObject({ start: isoDateTime, end: isoDateTime, place: z.string(), unitId: id.optional() })),
  units: z.array(z.strictObject({ id, label: z.string(), capacity: z.number().int(), freePlaces: z.number().int() })),
  /** The offer's page in the web app. */
  url: z.url(),
});
export type OpenDataOffer = z.infer<typeof openDataOfferSchema>;

/** `GET /api/open-data/offers.json`: the region's current published offers under its licence. */
export const openDataDocumentSchema = z.strictObject({
  licence: openDataLicenceSchema,
  /** Whom a reuse names (CC BY: "attribution"). */
  attribution: z.string(),
  generatedAt: isoDateTime,
  offers: z.array(openDataOfferSchema),
});
export type OpenDataDocument = z.infer<typeof openDataDocumentSchema>;
