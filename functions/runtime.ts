import { DevClock, systemClock } from './clock.js';
import { ConfigError, type Config, type EntryPoint } from './config.js';
import { createDynamoClient } from './db/client.js';
import type { TableRef } from './db/dynamo.js';
import { tableAnswers } from './db/health.js';
import { createTableOutboxMailer } from './db/mail-outbox.js';
import { createRepos } from './db/repos.js';
import type { RegistrationRepoOptions } from './db/registration-repo.js';
import { isTransient } from './db/transient.js';
import { Outbox } from './mail/local-outbox.js';
import type { BookedMailDelivery, Ports } from './ports/index.js';
import type { Clock, Mailer } from './ports/world.js';
import { purposeKeys, type PurposeKeys } from './purpose-keys.js';

/** One process's wiring: its configuration, the domain's ports over the real adapters, and the table behind them. */
export type Runtime = {
  config: Config;
  ports: Ports;
  /** The keys derived from the application secret, one per purpose. */
  keys: PurposeKeys;
  /** The table the repositories use: the local start creates and seeds it. */
  table: TableRef;
  /** True once the table answers: the health check. */
  tableAnswers(): Promise<boolean>;
  /** Only in local mode: the e-mails sent, kept for `GET /api/dev/outbox`. */
  outbox?: Outbox;
  /** Only in local mode: the clock `/api/dev/clock` moves (unless a test brought its own). */
  devClock?: DevClock;
};

export type RuntimeOptions = {
  /**
   * The mailer that really delivers, brought by the one entry point that sends in the cloud (the
   * stream function, with SES), so that no other bundle carries a mail client.
   */
  sender?: Mailer;
  /** Test seams: a clock the test moves; the booking write without a condition, for a control test. */
  clock?: Clock;
  registrations?: RegistrationRepoOptions;
  /** Who sends the e-mails bookings file: by default the stream function; the local runtime brings its own (local-runtime.ts). */
  bookedMails?: BookedMailDelivery;
};

/** In the cloud the stream function sends what a booking filed, from the item's insert. */
const sentByStream: BookedMailDelivery = { afterCommit: async () => undefined };

/**
 * The composition root: every entry point (local server, API and exports Lambdas, the stream
 * function, tools, tests) builds its ports here from its parsed configuration, and only here is
 * it decided where e-mails go: locally into the outbox; in the cloud the API writes them to the
 * table and the stream function, the only one allowed to, sends them.
 */
export function buildRuntime(config: Config, entry: EntryPoint, options: RuntimeOptions = {}): Runtime {
  const table = { client: createDynamoClient(config), tableName: config.TABLE_NAME };
  const local = config.APP_MODE === 'local';
  // Without a stream, nothing would ever send a booking's e-mail.
  if (entry === 'local' && !options.bookedMails) throw new ConfigError('The local entry point is built by buildLocalRuntime (functions/local-runtime.ts)');
  const devClock = local && !options.clock ? new DevClock() : undefined;
  const clock = options.clock ?? devClock ?? systemClock;
  const outbox = local ? new Outbox(clock) : undefined;
  const keys = purposeKeys(config.SESSION_SECRET);
  const ports: Ports = {
    ...createRepos(table, options.registrations),
    mailer: outbox ?? cloudMailer(entry, options.sender, table, clock, keys.outbox),
    clock,
    timeZone: config.TIME_ZONE,
    publicUrl: config.PUBLIC_URL,
    retry: { isTransient },
    bookedMails: options.bookedMails ?? sentByStream,
  };
  return { config, ports, keys, table, tableAnswers: () => tableAnswers(table), outbox, devClock };
}

function cloudMailer(entry: EntryPoint, sender: Mailer | undefined, table: TableRef, clock: Clock, outboxKey: Uint8Array): Mailer {
  if (entry !== 'stream') return createTableOutboxMailer(table, clock, outboxKey);
  // Writing its e-mails to the table would feed them back into its own stream.
  if (!sender) throw new ConfigError('The stream function delivers e-mails: it needs a sender (MAIL_FROM)');
  return sender;
}
