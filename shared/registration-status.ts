import type { RegistrationStatus } from './schemas/registration.js';

/**
 * Statuses that hold a place or a place in line: they keep the child's guard (I2), count on the
 * unit, and can be cancelled. Kept apart from the schemas so the web app uses it without zod.
 */
export const isActive = (status: RegistrationStatus) => status === 'confirmed' || status === 'waitlisted';
