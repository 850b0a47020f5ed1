import type { Config } from './config.js';
import { createDynamoClient } from './db/client.js';
import { keys } from './db/keys.js';
import { removeOutboxItem } from './db/mail-outbox.js';
import { createRepos } from './db/repos.js';
import { tellBooked } from './domain/booking-confirmation.js';
import { attachingCalendars } from './domain/sessions-ics.js';
import type { BookedMail } from './ports/registrations.js';
import { buildRuntime, type Runtime, type RuntimeOptions } from './runtime.js';

/**
 * The runtime of the local server and the tests: the cloud's wiring plus, since no stream runs
 * here, the stream function's part in e-mail: the e-mail a booking filed is composed and sent
 * right after the commit, then its item deleted, as functions/jobs/stream-records.ts does in the
 * cloud, and every mail gets its calendar attachment made on the way to the outbox. Over a client of its own (without injected faults), so its reads count as the stream's
 * work, not the booking's (the benchmark meters the API's client). A separate module, so that no
 * Lambda bundle carries it.
 */
export function buildLocalRuntime(config: Config, options: Omit<RuntimeOptions, 'bookedMails'> = {}): Runtime {
  const streamTable = { client: createDynamoClient({ ...config, FAULT_RATE: 0 }), tableName: config.TABLE_NAME };
  const runtime = buildRuntime(config, 'local', { ...options, bookedMails: { afterCommit: (mail) => sendBooked(mail) } });
  const streamPorts = { ...runtime.ports, ...createRepos(streamTable) };
  // The local outbox gets its mails' calendar attachments made as SES does in the cloud (the stream function's part too).
  runtime.ports.mailer = attachingCalendars(runtime.ports.mailer, streamPorts);
  // One mailer for the API's mails and the confirmations: what a test watches sees both.
  streamPorts.mailer = runtime.ports.mailer;
  async function sendBooked(mail: BookedMail) {
    // The booking has committed: a failure here is the stream's to retry, never the family's error.
    try {
      await tellBooked(streamPorts, mail);
      await removeOutboxItem(streamTable, keys.bookedMail(mail.householdId, mail.id));
    } catch (error) {
      console.error(JSON.stringify({ event: 'booked-mail.failed', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }));
    }
  }
  return runtime;
}
