import * as z from 'zod';
import { userSchema } from './auth.js';
import { id, isoDateTime } from './common.js';
import { householdAnswer } from './household.js';
import { offerSchema, unitSchema } from './offer.js';

const registrationStatus = z.enum(['requested', 'confirmed', 'waitlisted', 'offered', 'cancelled', 'declined', 'expired']);
export type RegistrationStatus = z.infer<typeof registrationStatus>;

export const registrationSchema = z.object({
  id,
  offerId: id,
  unitId: id,
  childId: id,
  status: registrationStatus,
  /** 1 = next in line; present only while waitlisted. */
  waitlistPosition: z.number().int().min(1).optional(),
  /** Only while offered: the place is held until then; accept or decline before. */
  offerExpiresAt: isoDateTime.optional(),
  /** Only while offered: whether the one extension of the deadline was used. */
  offerExtended: z.boolean().optional(),
  createdAt: isoDateTime,
});
export type Registration = z.infer<typeof registrationSchema>;

/**
 * What a family plans a booking with: the offer's sessions (of every unit), place, price and
 * units as they are now. Read from the offer at each request, unlike the title and label copied
 * at booking, because a provider may move a date or the place afterwards.
 */
const bookedOfferSchema = offerSchema.pick({ status: true, address: true, price: true, sessions: true }).extend({
  /** In the provider's order; more than one, and a registration's unit needs naming. */
  units: z.array(unitSchema.pick({ id: true, label: true })).min(1),
});

/** A household's registration as the family sees it, with names it can read. */
export const familyRegistrationSchema = registrationSchema.extend({
  offerTitle: z.string(),
  unitLabel: z.string(),
  childFirstName: z.string().optional(),
  /**
   * Only while waitlisted: the offer starts too soon to hold a place for one family, so places
   * that free up now go to whoever in line accepts first.
   */
  lastCall: z.boolean().optional(),
  /** The offer's facts for the bookings page; absent if the offer itself is gone. */
  offer: bookedOfferSchema.optional(),
});
export type BookedOfferFacts = z.infer<typeof bookedOfferSchema>;
export type FamilyRegistration = z.infer<typeof familyRegistrationSchema>;

const bookingItem = z.object({ unitId: id, childId: id });

/**
 * One child into one unit (the contract), or several children and units of one offer at once
 * (holiday-care weeks, siblings), all or nothing.
 */
export const bookingRequest = z.union([
  z.object({ offerId: id, unitId: id, childId: id }),
  z.object({ offerId: id, items: z.array(bookingItem).min(1).max(10) }),
]);
export type BookingRequest = z.infer<typeof bookingRequest>;

export const idempotencyKey = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]+$/);

/** What `POST /registrations` answers: the registration for a one-child request, `{items}` (one per item) for one with `items`. */
export const bookingResponse = z.union([registrationSchema, z.object({ items: z.array(registrationSchema).min(1) })]);
export type BookingResponse = z.infer<typeof bookingResponse>;

/** A family's request to be e-mailed when an offer's registration opens ("Erinnere mich"). */
export const openingNoticeSchema = z.object({ offerId: id, offerTitle: z.string(), opensAt: isoDateTime });
export type OpeningNotice = z.infer<typeof openingNoticeSchema>;

/** `GET /family/export` (GDPR Art. 15/20): everything stored about the family; no household once it is gone. */
export const familyExportSchema = z.object({
  exportedAt: isoDateTime,
  account: userSchema.pick({ id: true, email: true, roles: true }),
  household: householdAnswer.optional(),
  registrations: z.array(familyRegistrationSchema),
});
