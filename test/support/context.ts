import { randomUUID } from 'node:crypto';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import type { AppContext } from '../../functions/api/context.js';
import { createLocalApp } from '../../functions/api/local-server.js';
import { loadConfig, type Config } from '../../functions/config.js';
import { ensureTable } from '../../functions/db/bootstrap.js';
import { createDynamoClient } from '../../functions/db/client.js';
import type { Clock } from '../../functions/ports/world.js';
import { buildLocalRuntime } from '../../functions/local-runtime.js';
import type { RuntimeOptions } from '../../functions/runtime.js';
import { checkedApp } from './contract.js';
import { retrySetup } from './retry-setup.js';
import { fileTableCalls } from './table-calls.js';

/** A clock a test can move. */
export function testClock(start = new Date()): Clock & { set(d: Date): void; advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    set: (d: Date) => (now = d),
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
  };
}

/** The tables this test file made (some tests open one table twice, as a restart does), dropped after it, with a configuration to reach them. */
const fileTables = new Map<string, Config>();

/**
 * Drops the tables this file made. DynamoDB Local keeps every table of the run in one in-memory
 * database, and with hundreds of them left behind each later request was several times slower.
 */
export async function dropFileTables() {
  const [config] = fileTables.values();
  if (!config) return;
  const tableNames = [...fileTables.keys()];
  fileTables.clear();
  // A client of its own: the file's clients record their calls for the grant check, and this is no function's call.
  const client = createDynamoClient({ ...config, FAULT_RATE: 0 });
  await Promise.all(tableNames.map((TableName) => retrySetup(() => client.send(new DeleteTableCommand({ TableName })))));
  client.destroy();
}

/**
 * A fresh table in the shared DynamoDB Local and an app over it, wired by the same composition
 * root as every entry point, so test files never see each other's data. `env` overrides
 * configuration (e.g. FAULT_RATE).
 */
export async function createTestContext(env: Record<string, string> = {}, clock: Clock = testClock(), options: RuntimeOptions = {}) {
  const config = loadConfig({ TABLE_NAME: `t-${randomUUID()}`, DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), ...env });
  const ctx: AppContext = buildLocalRuntime(config, { clock, ...options });
  fileTableCalls.attach(ctx.table.client);
  fileTables.set(config.TABLE_NAME, config);
  await retrySetup(() => ensureTable(ctx.table));
  const outbox = ctx.outbox;
  if (!outbox) throw new Error('a local runtime keeps an outbox');
  // Every answer a test sees is held to the OpenAPI document (./contract.ts): each integration test is a
  // contract test too. Not behind the origin lock, whose 403 to a caller that bypassed CloudFront no client of the document sees.
  const app = createLocalApp(ctx);
  return { ctx, app: config.ORIGIN_VERIFY_SECRET ? app : checkedApp(app), outbox, clock };
}
