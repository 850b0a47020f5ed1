import type { Ports } from '../ports/index.js';
import { sweepDueWork, type DueJobs, type SweepLog, type SweepOutcome } from './due-work.js';
import { publishDraw } from './draw-publication.js';
import { freezeProgramme } from './freeze.js';
import { eraseProgrammeData } from './programme-retention.js';
import { expireOfferedPlaces } from './offered-places.js';
import { announceOpening } from './opening-notices.js';
import { sendReminders } from './reminders.js';
import { checkInactiveAccount, eraseOfferData, type RetentionLog } from './retention.js';
import { offerFreedPlaces, settleAbandonedReservations } from './waitlist.js';

/**
 * Every kind of due work and the use case that does it; the sweep (due-work.ts) runs them. The
 * entry point that sweeps hands in where erasures are logged (ids and counts only).
 */
export const dueJobs = (ports: Ports, log: RetentionLog = () => {}): DueJobs => ({
  'offer-expiry': (registrationId) => expireOfferedPlaces(ports, registrationId),
  'registration-opening': (offerId) => announceOpening(ports, offerId),
  reminders: (offerId) => sendReminders(ports, offerId),
  retention: (offerId) => eraseOfferData(ports, offerId, log),
  'account-inactive': (userId) => checkInactiveAccount(ports, userId, log),
  'offer-places': (unit) => {
    const [offerId = '', unitId = ''] = unit.split('#');
    return offerFreedPlaces(ports, offerId, unitId);
  },
  'programme-freeze': (programmeId) => freezeProgramme(ports, programmeId),
  'programme-draw': (programmeId) => publishDraw(ports, programmeId),
  'programme-retention': (programmeId) => eraseProgrammeData(ports, programmeId),
});

/**
 * One sweep of timed work, as the scheduled function runs it every minute and `npm start` on its
 * timer: all due work, then the waitlist reservations that bookings cut off left behind.
 */
export async function sweepTimedWork(ports: Ports, log: { retention?: RetentionLog; sweep?: SweepLog } = {}): Promise<SweepOutcome[]> {
  const ran = await sweepDueWork(ports, dueJobs(ports, log.retention), log.sweep);
  await settleAbandonedReservations(ports);
  return ran;
}
