import type { Config } from '../config.js';
import { createDynamoClient } from '../db/client.js';
import { createRepos } from '../db/repos.js';
import { systemClock } from '../domain/ports.js';
import { createTableOutboxMailer } from '../mail/table-outbox-mailer.js';
import type { AppContext } from './context.js';
import { Outbox } from './outbox.js';

/** Wires the real adapters for a configuration: the only place that chooses the local outbox or the table's. */
export function buildContext(config: Config): AppContext {
  const table = { client: createDynamoClient(config), tableName: config.TABLE_NAME };
  const outbox = config.APP_MODE === 'local' ? new Outbox() : undefined;
  return {
    config,
    table,
    repos: createRepos(table),
    mailer: outbox ?? createTableOutboxMailer(table, systemClock),
    clock: systemClock,
    outbox,
  };
}
