/**
 * How the bookings page orders and links a family's registrations. Pure (no Solid, no fetch), so
 * that the unit tests read it as the page uses it.
 */
import { isActive } from '../../../shared/registration-status';
import type { FamilyRegistration } from '../../../shared/schemas/registration';

/** The element id of a registration's card; e-mails link to `/bookings#reg-<id>`. */
export const cardId = (registrationId: string) => `reg-${registrationId}`;

/** The registration id a location's hash names (`#reg-<id>`), if it names one. */
export function registrationIdOfHash(hash: string): string | undefined {
  const match = /^#?reg-(.+)$/.exec(hash);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

export type RegistrationGroups = {
  /** Places offered to the family, the soonest deadline first. */
  offered: FamilyRegistration[];
  /** The other active ones (confirmed, waitlisted), newest first. */
  active: FamilyRegistration[];
  /** Cancelled, declined, expired and (lottery) requested ones, newest first. */
  past: FamilyRegistration[];
};

const newestFirst = (a: FamilyRegistration, b: FamilyRegistration) => b.createdAt.localeCompare(a.createdAt);
const deadline = (r: FamilyRegistration) => (r.offerExpiresAt ? Date.parse(r.offerExpiresAt) : Number.POSITIVE_INFINITY);

/** The page's three lists: offered places on top, then the current ones, then the rest. */
export function groupRegistrations(list: readonly FamilyRegistration[]): RegistrationGroups {
  const sorted = [...list].sort(newestFirst);
  return {
    offered: sorted.filter((r) => r.status === 'offered').sort((a, b) => deadline(a) - deadline(b) || newestFirst(a, b)),
    active: sorted.filter((r) => r.status !== 'offered' && isActive(r.status)),
    past: sorted.filter((r) => !isActive(r.status)),
  };
}

/**
 * The family's other children offered a place on the same unit: accepting or declining one
 * answers for all of them at once (both or none), so the card names them.
 */
export function offeredTogether(list: readonly FamilyRegistration[], r: FamilyRegistration): FamilyRegistration[] {
  if (r.status !== 'offered') return [];
  return list.filter((o) => o.id !== r.id && o.status === 'offered' && o.unitId === r.unitId && o.offerId === r.offerId);
}

/** Whether the family may still ask for more time on an offered place (WCAG 2.2.1: once). */
export const canExtend = (r: FamilyRegistration) => r.status === 'offered' && r.offerExtended !== true;

/** Whether the card offers "accept": an offered place, or a waitlisted one on a last call. */
export const canAccept = (r: FamilyRegistration) => r.status === 'offered' || (r.status === 'waitlisted' && r.lastCall === true);

/** Children's first names for a sentence ("Mia, Ben"); removed children have none. */
export const childNames = (list: readonly FamilyRegistration[]) => [...new Set(list.map((r) => r.childFirstName).filter((n): n is string => !!n))].join(', ');
