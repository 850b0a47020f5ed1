/**
 * Run as a child process by booking-crash.test.ts: books one child the way the API does, and
 * kills its own process with SIGKILL the moment the booking's completion would be sent, so the
 * booking's first write (the waitlist reservation) is all that reaches the table.
 * Argument: JSON of { tableName, endpoint, now, caller, request }.
 */
import { loadConfig } from '../../functions/config.js';
import { bookRegistrations, type Caller } from '../../functions/domain/booking.js';
import { buildLocalRuntime } from '../../functions/local-runtime.js';
import type { BookingRequest } from '../../shared/schemas/registration.js';

const { tableName, endpoint, now, caller, request } = JSON.parse(process.argv[2] ?? '{}') as {
  tableName: string;
  endpoint: string;
  now: string;
  caller: Caller;
  request: BookingRequest;
};
const { ports } = buildLocalRuntime(loadConfig({ TABLE_NAME: tableName, DYNAMODB_ENDPOINT: endpoint }), { clock: { now: () => new Date(now) } });
const dying = {
  ...ports,
  registrations: {
    ...ports.registrations,
    book: () => {
      process.kill(process.pid, 'SIGKILL');
      return new Promise<never>(() => {});
    },
  },
};
await bookRegistrations(dying, caller, request, 'cut-off');
