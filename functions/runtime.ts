import type { Config, EntryPoint } from './config.js';
import { createDynamoClient } from './db/client.js';
import type { TableRef } from './db/dynamo.js';
import { createTableOutboxMailer } from './db/mail-outbox.js';
import { createRepos } from './db/repos.js';
import type { RegistrationRepoOptions } from './db/registration-repo.js';
import { isTransient } from './db/transient.js';
import { Outbox } from './mail/local-outbox.js';
import { createSesMailer } from './mail/ses-mailer.js';
import type { Ports } from './ports/index.js';
import { systemClock, type Clock, type Mailer } from './ports/world.js';

/** One process's wiring: its configuration, the domain's ports over the real adapters, and the table behind them. */
export type Runtime = {
  config: Config;
  ports: Ports;
  /** The table the repositories use: the local start creates and seeds it, the health check asks it. */
  table: TableRef;
  /** Only in local mode: the e-mails sent, kept for `GET /api/dev/outbox`. */
  outbox?: Outbox;
};

/** Test seams; production entry points pass none. */
export type RuntimeOverrides = { clock?: Clock; registrations?: RegistrationRepoOptions };

/**
 * The composition root: every entry point (local server, API and exports Lambdas, stream,
 * scheduled jobs, tools) builds its ports here from its parsed configuration, and only here is
 * it decided which mailer sends. Locally every e-mail lands in the outbox; in the cloud the API
 * writes e-mails to the table and the stream function, the only one allowed to, sends them
 * through SES.
 */
export function buildRuntime(config: Config, entry: EntryPoint, overrides: RuntimeOverrides = {}): Runtime {
  const table = { client: createDynamoClient(config), tableName: config.TABLE_NAME };
  const clock = overrides.clock ?? systemClock;
  const outbox = config.APP_MODE === 'local' ? new Outbox() : undefined;
  const mailer: Mailer = outbox ?? (entry === 'stream' ? createSesMailer(config.MAIL_FROM ?? '') : createTableOutboxMailer(table, clock));
  const ports: Ports = {
    ...createRepos(table, overrides.registrations),
    mailer,
    clock,
    timeZone: config.TIME_ZONE,
    retry: { isTransient },
  };
  return { config, ports, table, outbox };
}
