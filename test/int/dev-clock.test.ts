import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { createApp } from '../../functions/api/app.js';
import { createLocalApp } from '../../functions/api/local-server.js';
import { loadConfig } from '../../functions/config.js';
import { ensureTable } from '../../functions/db/bootstrap.js';
import type { SweepOutcome } from '../../functions/domain/due-work.js';
import { buildLocalRuntime } from '../../functions/local-runtime.js';
import { buildRuntime } from '../../functions/runtime.js';
import { checkedApp } from '../support/contract.js';
import { body } from '../support/provider.js';
import { retrySetup } from '../support/retry-setup.js';
import { fileTableCalls } from '../support/table-calls.js';
import { json } from '../support/users.js';

const HOUR_S = 3600;
const DAY_MS = 24 * HOUR_S * 1000;

type Problem = { type: string; status: number; errors?: { path: string; message: string }[] };
type ClockAnswer = { now: string };
type RunAnswer = { now: string; ran: SweepOutcome[] };

/**
 * A local runtime as `npm start` builds it: no test clock, so it keeps the DevClock the dev
 * routes move; a fresh table in the shared DynamoDB Local, and the local app over it.
 */
async function startLocal() {
  const config = loadConfig({ TABLE_NAME: `t-${randomUUID()}`, DYNAMODB_ENDPOINT: inject('dynamoEndpoint') });
  const ctx = buildLocalRuntime(config);
  fileTableCalls.attach(ctx.table.client);
  await retrySetup(() => ensureTable(ctx.table));
  // Held to the contract like the test context's app, as the clock's POST route is mounted only here.
  const app = checkedApp(createLocalApp(ctx));
  const readClock = async () => Date.parse((await body<ClockAnswer>(app.request('/api/dev/clock'))).now);
  const moveClock = (move: unknown) => app.request('/api/dev/clock', json('POST', move));
  return { ctx, app, readClock, moveClock };
}

/** The field paths a 400 problem names. */
async function problemPaths(res: Response): Promise<string[]> {
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return ((await res.json()) as Problem).errors?.map((e) => e.path) ?? [];
}

describe('dev routes, locally', () => {
  it('GET /api/dev/clock answers the server clock, which starts at the real time', async () => {
    // Prepare
    const t = await startLocal();
    const before = Date.now();

    // Act
    const res = await t.app.request('/api/dev/clock');
    const after = Date.now();

    // Assess
    expect(res.status).toBe(200);
    const { now } = await body<ClockAnswer>(res);
    expect(t.ctx.devClock).toBeDefined();
    expect(Date.parse(now)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(now)).toBeLessThanOrEqual(after);
    expect(new Date(now).toISOString()).toBe(now);
  });

  it('POST {"advanceSeconds": 3600} moves the clock an hour on, and the whole server sees it', async () => {
    // Prepare
    const t = await startLocal();
    const shown = await t.readClock();

    // Act
    const res = await t.moveClock({ advanceSeconds: HOUR_S });
    const realAfter = Date.now();

    // Assess: an hour past what it showed, and at most an hour past the real time.
    expect(res.status).toBe(200);
    const moved = Date.parse((await body<ClockAnswer>(res)).now);
    expect(moved).toBeGreaterThanOrEqual(shown + HOUR_S * 1000);
    expect(moved).toBeLessThanOrEqual(realAfter + HOUR_S * 1000);
    expect(await t.readClock()).toBeGreaterThanOrEqual(moved);
    expect(t.ctx.ports.clock.now().getTime()).toBeGreaterThanOrEqual(moved);
  });

  it('POST {"now": <later instant>} moves the clock there', async () => {
    // Prepare
    const t = await startLocal();
    const target = new Date(Date.now() + 30 * DAY_MS);
    const realBefore = Date.now();

    // Act
    const res = await t.moveClock({ now: target.toISOString() });
    const realAfter = Date.now();

    // Assess: at the target (plus at most the real time the request took).
    expect(res.status).toBe(200);
    const moved = Date.parse((await body<ClockAnswer>(res)).now);
    expect(moved).toBeGreaterThanOrEqual(target.getTime());
    expect(moved).toBeLessThanOrEqual(target.getTime() + (realAfter - realBefore));
    expect(await t.readClock()).toBeGreaterThanOrEqual(target.getTime());
  });

  it('refuses to move the clock back before a time it reached: 400 naming now, and the clock stays', async () => {
    // Prepare: the clock moved a week on.
    const t = await startLocal();
    const reached = Date.parse((await body<ClockAnswer>(t.moveClock({ now: new Date(Date.now() + 7 * DAY_MS).toISOString() }))).now);
    const earlier = new Date(reached - HOUR_S * 1000).toISOString();

    // Act
    const res = await t.moveClock({ now: earlier });

    // Assess
    expect(await problemPaths(res)).toContain('now');
    expect(await t.readClock()).toBeGreaterThanOrEqual(reached);
  });

  /** POSTs `move` to a fresh local server: the clock must not move, and the problem must name a field at fault. */
  async function expectRefusedNaming(move: unknown, fields: string[]) {
    // Prepare
    const t = await startLocal();
    const before = await t.readClock();

    // Act
    const res = await t.moveClock(move);

    // Assess: a problem naming (one of) the field(s) at fault; the clock still shows the real time (it never moved).
    const paths = await problemPaths(res);
    const after = await t.readClock();
    expect(after).toBeGreaterThanOrEqual(before);
    expect(after).toBeLessThanOrEqual(Date.now());
    expect(
      paths.filter((p) => fields.includes(p)),
      `paths named: ${JSON.stringify(paths)}`,
    ).not.toEqual([]);
  }

  it.each([
    ['an instant that is none', { now: 'morgen früh' }, ['now']],
    ['an instant without offset', { now: '2030-01-01T08:00:00' }, ['now']],
    ['negative seconds', { advanceSeconds: -60 }, ['advanceSeconds']],
  ])('POST /api/dev/clock with %s → 400 naming the field, clock unmoved', async (_name, move, fields) => {
    await expectRefusedNaming(move, fields);
  });

  // Neither or both fields, or a bad value: the problem names the field, the clock stays.
  it.each([
    ['{}', {}, ['now', 'advanceSeconds']],
    ['both fields', { now: new Date(Date.now() + DAY_MS).toISOString(), advanceSeconds: 60 }, ['now', 'advanceSeconds']],
    ['fractional seconds', { advanceSeconds: 1.5 }, ['advanceSeconds']],
  ])('POST /api/dev/clock with %s → 400 naming the field', async (_name, move, fields) => {
    await expectRefusedNaming(move, fields);
  });

  it('POST /api/dev/jobs/run runs the work due at the server clock and answers what ran; work due later waits until the clock is moved', async () => {
    // Prepare: two erasures of offers that no longer exist, one due now and one due in two days.
    const t = await startLocal();
    const dueNow = `offer-${randomUUID()}`;
    const dueLater = `offer-${randomUUID()}`;
    const now = t.ctx.ports.clock.now();
    await retrySetup(() => t.ctx.ports.dueWork.schedule({ kind: 'retention', subject: dueNow, dueAt: now.toISOString() }));
    await retrySetup(() => t.ctx.ports.dueWork.schedule({ kind: 'retention', subject: dueLater, dueAt: new Date(now.getTime() + 2 * DAY_MS).toISOString() }));

    // Act
    const first = await t.app.request('/api/dev/jobs/run', { method: 'POST' });
    const firstAnswer = await body<RunAnswer>(first);
    const second = await body<RunAnswer>(t.app.request('/api/dev/jobs/run', { method: 'POST' }));
    const moved = await t.moveClock({ advanceSeconds: 3 * 24 * HOUR_S });
    const third = await body<RunAnswer>(t.app.request('/api/dev/jobs/run', { method: 'POST' }));

    // Assess: the run answers the clock it ran at and each piece of work with its outcome.
    expect(first.status).toBe(200);
    expect(Date.parse(firstAnswer.now)).toBeGreaterThanOrEqual(now.getTime());
    expect(firstAnswer.ran).toEqual([{ kind: 'retention', subject: dueNow, outcome: 'done' }]);
    expect(second.ran).toEqual([]);
    expect(moved.status).toBe(200);
    expect(Date.parse(third.now)).toBeGreaterThanOrEqual(now.getTime() + 3 * DAY_MS);
    expect(third.ran).toEqual([{ kind: 'retention', subject: dueLater, outcome: 'done' }]);
  });
});

describe('dev routes, in the cloud', () => {
  /** The API as its Lambda builds it (functions/api/lambda.ts): cloud configuration, no outbox, no dev clock. */
  function cloudApp() {
    const config = loadConfig(
      {
        APP_MODE: 'cloud',
        TABLE_NAME: `t-${randomUUID()}`,
        TIME_ZONE: 'Europe/Vienna',
        SESSION_SECRET: 'dev-clock-test-secret-0123456789abcdef',
        PUBLIC_URL: 'https://regiokurs.test.example',
        DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
      },
      'api',
    );
    const runtime = buildRuntime(config, 'api');
    fileTableCalls.attach(runtime.table.client);
    return { runtime, app: createApp(runtime) };
  }

  it.each([
    ['GET', '/api/dev/clock', undefined],
    ['POST', '/api/dev/clock', { advanceSeconds: HOUR_S }],
    ['POST', '/api/dev/jobs/run', undefined],
    ['GET', '/api/dev/outbox', undefined],
  ])('%s %s answers 404', async (method, path, payload) => {
    // Prepare
    const { runtime, app } = cloudApp();

    // Act
    const res = await app.request(path, payload === undefined ? { method } : json(method, payload));

    // Assess: not found, and the cloud's clock is the real one, unmoved.
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(runtime.devClock).toBeUndefined();
    expect(runtime.outbox).toBeUndefined();
    expect(runtime.ports.clock.now().getTime()).toBeLessThanOrEqual(Date.now());
  });
});
