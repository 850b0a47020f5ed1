import type { Config } from '../config.js';
import { createDynamoClient } from '../db/client.js';
import { createRepos } from '../db/repos.js';
import { systemClock } from '../domain/ports.js';
import { createSesMailer } from '../mail/ses-mailer.js';
import type { AppContext } from './context.js';
import { Outbox } from './outbox.js';

/** Wires the real adapters for a configuration: the only place that chooses outbox or SES. */
export function buildContext(config: Config): AppContext {
  const table = { client: createDynamoClient(config), tableName: config.TABLE_NAME };
  const outbox = config.APP_MODE === 'local' ? new Outbox() : undefined;
  return {
    config,
    table,
    repos: createRepos(table),
    mailer: outbox ?? createSesMailer(config.MAIL_FROM),
    clock: systemClock,
    outbox,
  };
}
