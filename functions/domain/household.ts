import { randomUUID } from 'node:crypto';
import type { User } from '../../shared/schemas/auth.js';
import { dayIn } from '../../shared/dates.js';
import { MAX_CHILDREN, type Child, type ChildInput, type ChildPatch, type GuardianInput } from '../../shared/schemas/household.js';
import type { ChildChange } from '../ports/households.js';
import type { Ports } from '../ports/index.js';
import { ForbiddenError, InvalidInputError, InvalidStateError, NotFoundError } from './errors.js';

export type HouseholdPorts = Pick<Ports, 'households' | 'region' | 'clock' | 'timeZone'>;

/** The household of a family user; a user without one (a provider, say) has none to see. */
export function householdIdOf(user: User): string {
  if (!user.householdId) throw new ForbiddenError('Kein Haushalt / no household');
  return user.householdId;
}

const householdNotFound = () => new NotFoundError('Haushalt nicht gefunden / household not found');

export async function getHousehold(ports: HouseholdPorts, householdId: string) {
  const household = await ports.households.getHousehold(householdId);
  if (!household) throw householdNotFound();
  return household;
}

/** Saves the guardian's contact; the postal code decides the municipality of residence. */
export async function updateGuardian(ports: HouseholdPorts, householdId: string, guardian: GuardianInput) {
  const municipalities = await ports.region.listMunicipalities();
  const residence = municipalities.find((m) => m.postalCodes.includes(guardian.postalCode));
  await ports.households.updateGuardian(householdId, guardian, residence?.id);
  return getHousehold(ports, householdId);
}

/** A child is born by today, the region's calendar day; a later date is a typing accident. */
function refuseFutureBirthDate(ports: Pick<HouseholdPorts, 'clock' | 'timeZone'>, birthDate: string | undefined) {
  if (birthDate !== undefined && birthDate > dayIn(ports.timeZone, ports.clock.now())) {
    throw new InvalidInputError('Das Geburtsdatum darf nicht in der Zukunft liegen / the birth date cannot be in the future', 'birthDate');
  }
}

export async function addChild(ports: HouseholdPorts, householdId: string, input: ChildInput): Promise<Child> {
  refuseFutureBirthDate(ports, input.birthDate);
  const { notesConsent: _consent, notes, ...fields } = input;
  // The schema lets notes through only with the consent; it is recorded as when it was given.
  const child: Child = { id: randomUUID(), ...fields, ...(notes && { notes, notesConsentAt: ports.clock.now().toISOString() }) };
  const outcome = await ports.households.addChild(householdId, child, ports.clock.now().toISOString());
  if (outcome === 'missing') throw householdNotFound();
  if (outcome === 'full') throw new InvalidStateError(`Höchstens ${MAX_CHILDREN} Kinder / at most ${MAX_CHILDREN} children`);
  return child;
}

export async function updateChild(ports: HouseholdPorts, householdId: string, childId: string, patch: ChildPatch) {
  refuseFutureBirthDate(ports, patch.birthDate);
  const child = await ports.households.updateChild(householdId, childId, childChange(patch, ports.clock.now().toISOString()));
  if (!child) throw new NotFoundError('Kind nicht gefunden / child not found');
  return child;
}

/**
 * What an edit changes: withdrawing the consent, or emptying the notes, deletes notes and
 * consent together; new notes (the schema demands the consent with them) renew its time.
 */
function childChange(patch: ChildPatch, now: string): ChildChange {
  const { notesConsent, notes, ...fields } = patch;
  if (notesConsent === false || notes === '') return { set: fields, remove: ['notes', 'notesConsentAt'] };
  return { set: { ...fields, ...(notes !== undefined && { notes, notesConsentAt: now }) }, remove: [] };
}

/** Removes a child; one who still holds a booking must have it cancelled first. */
export async function deleteChild(ports: HouseholdPorts, householdId: string, childId: string): Promise<void> {
  const outcome = await ports.households.deleteChild(householdId, childId);
  if (outcome === 'missing') throw new NotFoundError('Kind nicht gefunden / child not found');
  if (outcome === 'booked') {
    throw new InvalidStateError('Das Kind hat noch aktive Anmeldungen / the child still has active bookings');
  }
}
