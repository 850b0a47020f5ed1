import type { Ports } from '../ports/index.js';
import { bilingualMail } from './mails/bilingual.js';
import { retryBounded, AGAIN } from './retry.js';

export type WaitlistPorts = Pick<Ports, 'registrations' | 'waitlists' | 'households' | 'mailer' | 'clock' | 'retry'>;

/** How far into the line concurrent promoters spread, so they do not all fight over the head. */
const PROMOTION_SPREAD = 16;

/**
 * Gives the unit's free places to the families waiting longest (I3), one transaction each, and
 * e-mails them. With `free` places and families waiting, the first `free` in line are all owed
 * a place, so concurrent promoters (several cancellations at once) each take a different one of
 * them at random instead of all fighting over the head; every place still goes to the front.
 * Runs after every cancellation, when capacity is raised, and whenever a booking or the stream
 * finds a place free while families wait.
 */
export async function promoteWaiting(ports: WaitlistPorts, offerId: string, unitId: string): Promise<void> {
  const random = ports.retry.random ?? Math.random;
  for (;;) {
    const promoted = await retryBounded(async () => {
      // The line first, then the free places: entries can only move forward in between, so
      // each of the first `free` read here is owed a place (reading the other way round, the
      // places could shrink under a line read later and the pick land behind someone owed).
      const line = await ports.waitlists.waitlistHeads(offerId, unitId, PROMOTION_SPREAD);
      const unit = await ports.waitlists.getUnit(offerId, unitId);
      const owed = line.slice(0, Math.max(0, unit?.free ?? 0));
      const entry = owed[Math.floor(random() * owed.length)];
      if (!entry) return undefined;
      const done = await ports.waitlists.promote(offerId, unitId, entry, ports.clock.now().toISOString());
      return done ? entry : AGAIN;
    }, ports.retry);
    if (!promoted) return;
    await notifyPromotion(ports, promoted.registrationId);
  }
}

/** Tells the family that its waiting registration now has a place. */
async function notifyPromotion(ports: WaitlistPorts, registrationId: string): Promise<void> {
  const registration = await ports.registrations.getRegistration(registrationId);
  const household = registration && (await ports.households.getHousehold(registration.householdId));
  if (!registration || !household) return;
  const child = household.children.find((c) => c.id === registration.childId)?.firstName ?? '';
  await ports.mailer.send(bilingualMail(household.email, 'promoted', { child, offerTitle: registration.offerTitle, unitLabel: registration.unitLabel }));
}
