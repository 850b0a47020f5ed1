import type { RegistrationStatus } from './schemas/registration.js';

/**
 * Statuses that hold a place, a place in line or a place offered with a deadline: they keep the
 * child's guard (I2), count on the unit, can be cancelled, and are what a provider's participant
 * list shows. Kept apart from the
 * schemas so the web app uses it without zod.
 */
export const activeStatuses = ['confirmed', 'waitlisted', 'offered'] as const satisfies readonly RegistrationStatus[];

export const isActive = (status: RegistrationStatus): status is (typeof activeStatuses)[number] =>
  (activeStatuses as readonly RegistrationStatus[]).includes(status);
