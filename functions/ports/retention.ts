import type { RegistrationItem } from './registrations.js';

/**
 * What erasing one registration did: `gone` when it was deleted already (a repeated run, so
 * nothing is given back twice), `changed` when it is no longer as read (read it again).
 */
export type RegistrationErasure = { outcome: 'erased' | 'gone' | 'changed'; childCounterReturned: boolean };

/**
 * The storage side of the retention rules (GDPR Art. 5(1)(e)): an offer's personal data goes
 * once its retention time is over, in bounded writes, each safe to repeat. The anonymous
 * counters (units, the offer's dashboard counters) are never touched.
 */
export interface RetentionRepo {
  /**
   * Marks the offer as erased from `at` on (a repeat keeps the first time): from then on its
   * units' `confirmed`/`waiting` and its dashboard counters are no longer backed by
   * registrations and marks. False when there is no such offer.
   */
  markOfferErased(offerId: string, at: string): Promise<boolean>;
  /**
   * Deletes one registration with its guard and line entry; an active one gives the child's
   * `activeRegistrations` back when the child still exists. All or nothing, and only while
   * the registration is as read.
   */
  eraseRegistration(registration: RegistrationItem): Promise<RegistrationErasure>;
  /** Deletes every attendance mark of the offer (its counters stay); how many. */
  eraseAttendanceMarks(offerId: string): Promise<number>;
  /** Deletes every opening notice ("tell me when registration opens") of the offer; how many. */
  eraseOpeningNotices(offerId: string): Promise<number>;
}
