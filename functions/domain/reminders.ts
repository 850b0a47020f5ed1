import type { Ports } from '../ports/index.js';

// TODO(helper): the reminder before the first session, with the sessions as .ics.
export async function sendReminders(_ports: Ports, _offerId: string): Promise<void> {
  throw new Error('reminders not built yet');
}
