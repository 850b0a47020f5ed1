import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { AppContext } from '../../functions/api/context.js';
import { createLocalApp } from '../../functions/api/local-server.js';
import { loadConfig } from '../../functions/config.js';
import { ensureTable } from '../../functions/db/bootstrap.js';
import type { Clock } from '../../functions/ports/world.js';
import { buildRuntime, type RuntimeOptions } from '../../functions/runtime.js';
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

/**
 * A fresh table in the shared DynamoDB Local and an app over it, wired by the same composition
 * root as every entry point, so test files never see each other's data. `env` overrides
 * configuration (e.g. FAULT_RATE).
 */
export async function createTestContext(env: Record<string, string> = {}, clock: Clock = testClock(), options: RuntimeOptions = {}) {
  const config = loadConfig({ TABLE_NAME: `t-${randomUUID()}`, DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), ...env });
  const ctx: AppContext = buildRuntime(config, 'local', { clock, ...options });
  fileTableCalls.attach(ctx.table.client);
  await retrySetup(() => ensureTable(ctx.table));
  const outbox = ctx.outbox;
  if (!outbox) throw new Error('a local runtime keeps an outbox');
  return { ctx, app: createLocalApp(ctx), outbox, clock };
}
