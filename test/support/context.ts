import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { AppContext } from '../../functions/api/context.js';
import { createLocalApp } from '../../functions/api/local-server.js';
import { Outbox } from '../../functions/api/outbox.js';
import { loadConfig } from '../../functions/config.js';
import { ensureTable } from '../../functions/db/bootstrap.js';
import { createDynamoClient } from '../../functions/db/client.js';
import { createRepos } from '../../functions/db/repos.js';
import type { Clock } from '../../functions/domain/ports.js';

/** A clock a test can move. */
export function testClock(start = new Date()): Clock & { set(d: Date): void; advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    set: (d) => (now = d),
    advance: (ms) => (now = new Date(now.getTime() + ms)),
  };
}

/**
 * A fresh table in the shared DynamoDB Local and an app over it, so test files never see
 * each other's data. `env` overrides configuration (e.g. FAULT_RATE).
 */
export async function createTestContext(env: Record<string, string> = {}, clock: Clock = testClock()) {
  const config = loadConfig({ TABLE_NAME: `t-${randomUUID()}`, DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), ...env });
  const table = { client: createDynamoClient(config), tableName: config.TABLE_NAME };
  await ensureTable(table);
  const outbox = new Outbox();
  const ctx: AppContext = { config, table, repos: createRepos(table), mailer: outbox, clock, outbox };
  return { ctx, app: createLocalApp(ctx), outbox, clock };
}
