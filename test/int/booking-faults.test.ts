import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app.js';
import type { AppContext } from '../../functions/api/context.js';
import { createDynamoClient } from '../../functions/db/client.js';
import { addFaultInjection } from '../../functions/db/fault-injection.js';
import { createRepos } from '../../functions/db/repos.js';
import type { Registration } from '../../shared/schemas/registration.js';
import { createTestContext } from '../support/context.js';
import { fileTableCalls } from '../support/table-calls.js';
import { createOffer } from '../support/offers.js';
import { book, cancel, createFamily, expectConsistent, listRegistrations, unitOf, type Family } from '../support/booking.js';

type App = ReturnType<typeof createApp>;

/** The app over the test's table, its transactions failing at `rate`; test data goes through the sound `ctx`. */
function faultyApp(ctx: AppContext, rate: number) {
  const faults = { injected: 0 };
  const client = createDynamoClient({ ...ctx.config, FAULT_RATE: 0 });
  addFaultInjection(client, rate, () => {
    const r = Math.random();
    if (r < rate) faults.injected++;
    return r;
  });
  fileTableCalls.attach(client);
  const table = { client, tableName: ctx.table.tableName };
  return { app: createApp({ ...ctx, table, ports: { ...ctx.ports, ...createRepos(table) } }), faults };
}

const DEFINITE_BOOKING = [201, 409, 422, 503];
const DEFINITE_CANCEL = [204, 503];

type Answer = { status: number; allowed: number[]; retryAfter: string | null };

/**
 * A client of `app` that honours 503 + Retry-After by retrying with the same key, at most 5 times,
 * and keeps every answer it got (with the statuses that would have been definite) for the assessment.
 */
function persistentClient(app: App) {
  const answers: Answer[] = [];
  const persist = async (send: () => Promise<Response>, allowed: number[]) => {
    for (let i = 0; ; i++) {
      const res = await send();
      answers.push({ status: res.status, allowed, retryAfter: res.headers.get('Retry-After') });
      if (res.status !== 503 || i === 5) return res;
    }
  };
  const bookAll = (offerId: string, families: Family[]) =>
    Promise.all(
      families.map(async (f) => {
        const key = `k-${f.id}-${offerId}`;
        const res = await persist(() => book(app, f, { offerId, unitId: 'u1', childId: f.childIds[0] }, key), DEFINITE_BOOKING);
        return { f, status: res.status, body: (await res.json()) as Registration };
      }),
    );
  return { answers, persist, bookAll };
}

/** Every answer was one the client can act on, and every 503 said when to come back. */
function expectDefinite(answers: Answer[]) {
  for (const a of answers) expect(a.allowed).toContain(a.status);
  for (const a of answers.filter((x) => x.status === 503)) expect(a.retryAfter).toBeTruthy();
}

describe('with 20% of transactions failing as conflicts (fault injector)', () => {
  it('every request gets a definite answer, and the invariants hold', async () => {
    // Prepare: through the faulty app, 60 families book an open offer (10 confirmed, 50 waiting) and 20 of them a
    // 5-place offer without a waitlist; 20 more families are ready to book.
    const { ctx } = await createTestContext();
    const { app, faults } = faultyApp(ctx, 0.2);
    const client = persistentClient(app);
    const open = await createOffer(ctx);
    const noWaitlist = await createOffer(ctx, { waitlist: false, units: [{ id: 'u1', label: 'G', capacity: 5, confirmed: 0, waiting: 0 }] });
    const crowd = await Promise.all(Array.from({ length: 60 }, () => createFamily(ctx)));
    const later = await Promise.all(Array.from({ length: 20 }, () => createFamily(ctx)));
    const first = await client.bookAll(open.id, crowd);
    const full = await client.bookAll(noWaitlist.id, crowd.slice(0, 20));
    const leaving = [...first.filter((a) => a.body.status === 'confirmed').slice(0, 5), ...first.filter((a) => a.body.status === 'waitlisted').slice(0, 10)];
    const stays = first.filter((a) => a.body.status === 'waitlisted').at(-1)?.f as Family;

    // Act: half the confirmed and ten waiting families cancel while twenty newcomers book and one child is booked twice.
    const [, , twice] = await Promise.all([
      Promise.all(leaving.map((a) => client.persist(() => cancel(app, a.f, a.body.id), DEFINITE_CANCEL))),
      client.bookAll(open.id, later),
      client.persist(() => book(app, stays, { offerId: open.id, unitId: 'u1', childId: stays.childIds[0] }), DEFINITE_BOOKING),
    ]);

    // Assess
    const statuses = client.answers.map((a) => a.status);
    console.info(
      `fault injector: ${faults.injected} transactions failed, ${statuses.filter((s) => s === 503).length} answers were 503, ${statuses.length} answers in all`,
    );
    expectDefinite(client.answers);
    expect(full.filter((a) => a.status === 201)).toHaveLength(5);
    expect(full.filter((a) => a.status === 409)).toHaveLength(15);
    expect(twice.status).toBe(409);
    // The faults counted are those of the whole run, preparation included: enough of them to have tested something.
    expect(faults.injected).toBeGreaterThan(20);
    expect(await unitOf(app, open.id)).toMatchObject({ capacity: 10, confirmed: 10, waiting: 50 - 5 - 10 + 20 });
    const waiting = (await Promise.all([...crowd, ...later].map((f) => listRegistrations(app, f))))
      .flat()
      .filter((r) => r.offerId === open.id && r.status === 'waitlisted')
      .map((r) => r.waitlistPosition ?? 0);
    expect(waiting.sort((a, b) => a - b)).toEqual(Array.from({ length: 55 }, (_, i) => i + 1));
    await expectConsistent(ctx);
  });

  it('ends in 503 with Retry-After when conflicts never stop, and nothing is written', async () => {
    // Prepare
    const { ctx } = await createTestContext();
    const { app } = faultyApp(ctx, 1);
    const offer = await createOffer(ctx);
    const family = await createFamily(ctx);

    // Act
    const res = await book(app, family, { offerId: offer.id, unitId: 'u1', childId: family.childIds[0] });

    // Assess
    expect(res.status).toBe(503);
    expect(res.headers.get('Retry-After')).toBe('1');
    expect(await listRegistrations(app, family)).toEqual([]);
    expect(await unitOf(app, offer.id)).toMatchObject({ confirmed: 0, waiting: 0 });
  });
});
