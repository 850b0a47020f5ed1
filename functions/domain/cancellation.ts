import type { User } from '../../shared/schemas/auth.js';
import { isActive } from '../../shared/registration-status.js';
import type { Ports } from '../ports/index.js';
import type { RegistrationItem } from '../ports/registrations.js';
import { tellCancelled } from './booking-mails.js';
import { NotFoundError } from './errors.js';
import { providerIdsOf } from './roles.js';
import { AGAIN, retryBounded } from './retry.js';
import { offerFreedPlacesAfterWrite, type WaitlistPorts } from './waitlist.js';

export type CancellationPorts = WaitlistPorts & Pick<Ports, 'offers'>;

/** A family cancels its own registrations; a provider those of its own offers. */
async function mayCancel(ports: Pick<Ports, 'offers'>, actor: User, registration: RegistrationItem) {
  if (actor.householdId !== undefined && actor.householdId === registration.householdId) return true;
  const providerIds = providerIdsOf(actor);
  if (providerIds.length === 0) return false;
  const offer = await ports.offers.getOffer(registration.offerId);
  return offer !== undefined && providerIds.includes(offer.providerId);
}

/**
 * Cancels a registration. A freed place goes back to the unit, and at once to the waitlist
 * (`offerFreedPlaces`); until then new bookings still queue, because someone waits (I3).
 * The family is told by e-mail (also when its provider cancelled), unless `tell` is false: a
 * cancelled offer tells each family once for all its registrations, an erasure tells nobody.
 * Cancelling again changes nothing and mails nothing. Others' registrations are "not found":
 * their existence is not the caller's business (I6).
 */
export async function cancelRegistration(ports: CancellationPorts, actor: User, registrationId: string, { tell = true } = {}): Promise<void> {
  let registration = await ports.registrations.getRegistration(registrationId);
  if (!registration || !(await mayCancel(ports, actor, registration))) {
    throw new NotFoundError('Anmeldung nicht gefunden / registration not found', 'id');
  }
  const { offerId, unitId } = registration;
  const cancelled = await retryBounded(async () => {
    if (!registration || !isActive(registration.status)) return undefined;
    if (await ports.registrations.cancel(registration, ports.clock.now().toISOString())) return registration;
    registration = await ports.registrations.getRegistration(registrationId);
    return AGAIN;
  }, ports.retry);
  if (cancelled && tell) {
    const offer = await ports.offers.getOffer(offerId);
    if (offer) await tellCancelled(ports, offer, cancelled, actor.householdId !== cancelled.householdId);
  }
  await offerFreedPlacesAfterWrite(ports, offerId, unitId);
}
