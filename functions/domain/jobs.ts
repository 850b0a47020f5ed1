import type { Ports } from '../ports/index.js';
import type { DueJobs } from './due-work.js';
import { expireOfferedPlaces } from './offered-places.js';
import { announceOpening } from './opening-notices.js';
import { sendReminders } from './reminders.js';
import { checkInactiveAccount, eraseOfferData } from './retention.js';

/** Every kind of due work and the use case that does it; the sweep (due-work.ts) runs them. */
export const dueJobs = (ports: Ports): DueJobs => ({
  'offer-expiry': (registrationId) => expireOfferedPlaces(ports, registrationId),
  'registration-opening': (offerId) => announceOpening(ports, offerId),
  reminders: (offerId) => sendReminders(ports, offerId),
  retention: (offerId) => eraseOfferData(ports, offerId),
  'account-inactive': (userId) => checkInactiveAccount(ports, userId),
});
