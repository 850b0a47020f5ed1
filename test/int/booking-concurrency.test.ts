import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app.js';
import type { AppContext } from '../../functions/api/context.js';
import type { RuntimeOptions } from '../../functions/runtime.js';
import { checkConsistency } from '../../functions/db/consistency.js';
import type { Registration } from '../../shared/schemas/registration.js';
import { createTestContext, testClock } from '../support/context.js';
import { createOffer } from '../support/offers.js';
import { book, cancel, createFamily, expectConsistent, listRegistrations, unitOf, type Family } from '../support/booking.js';

type App = ReturnType<typeof createApp>;
const families = (ctx: AppContext, n: number) => Promise.all(Array.from({ length: n }, () => createFamily(ctx)));
/** `n` more apps over the context's table with its secret, as further Lambda instances are. */
const instances = (ctx: AppContext, n: number, options: RuntimeOptions = {}) =>
  Promise.all(
    Array.from(
      { length: n },
      async () => (await createTestContext({ TABLE_NAME: ctx.config.TABLE_NAME, SESSION_SECRET: ctx.config.SESSION_SECRET }, ctx.ports.clock, options)).app,
    ),
  );
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * Every family books its child into the offer's unit, all requests in flight at once, family i
 * through `apps[i mod n]` (several apps over one table: Lambda instances, each with its own
 * copy of the offer and its own bookings in flight); `afterEach` runs once an answer is in.
 */
async function rush(apps: App | App[], offerId: string, crowd: Family[], afterEach: () => Promise<unknown> = async () => undefined) {
  const through = [apps].flat();
  return Promise.all(
    crowd.map(async (f, i) => {
      const res = await book(through[i % through.length]!, f, { offerId, unitId: 'u1', childId: f.childIds[0] });
      const answer = { family: f, status: res.status, body: (await res.json()) as Registration };
      await afterEach();
      return answer;
    }),
  );
}

describe('the 8 o’clock rush', () => {
  it('200 families through 8 instances, 10 places: exactly 10 confirmed, 190 waitlisted at positions 1..190, no 5xx', async () => {
    // Prepare
    const { ctx, app } = await createTestContext();
    const offer = await createOffer(ctx);
    const crowd = await families(ctx, 200);
    const apps = [app, ...(await instances(ctx, 7))];

    // Act
    const started = Date.now();
    const answers = await rush(apps, offer.id, crowd);
    console.info(`200 concurrent bookings took ${Date.now() - started} ms`);

    // Assess
    expect(answers.map((a) => a.status)).toEqual(crowd.map(() => 201));
    expect(answers.filter((a) => a.body.status === 'confirmed')).toHaveLength(10);
    expect(answers.filter((a) => a.body.status === 'waitlisted')).toHaveLength(190);
    expect(await unitOf(app, offer.id)).toMatchObject({ capacity: 10, confirmed: 10, waiting: 190 });
    const listed = await Promise.all(crowd.map(async (f) => (await listRegistrations(app, f))[0]));
    const positions = listed.flatMap((r) => (r?.status === 'waitlisted' ? [r.waitlistPosition] : []));
    expect(positions.sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(range(1, 190));
    // Each family was told its true place in line at once: the answers' positions are 1..190,
    // each once, and each is the one its bookings page shows afterwards.
    const told = answers.flatMap((a) => (a.body.status === 'waitlisted' ? [a.body.waitlistPosition] : []));
    expect(told.sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(range(1, 190));
    for (const [i, a] of answers.entries()) {
      if (a.body.status === 'waitlisted') expect(a.body.waitlistPosition).toBe(listed[i]?.waitlistPosition);
    }
    await expectConsistent(ctx);
  });

  it('control: without the capacity condition the same rush overbooks, and the check names the unit', async () => {
    // Prepare
    const { ctx, app } = await createTestContext({}, testClock(), { registrations: { capacityCondition: false } });
    const offer = await createOffer(ctx);
    const crowd = await families(ctx, 200);
    const apps = [app, ...(await instances(ctx, 7, { registrations: { capacityCondition: false } }))];

    // Act
    const answers = await rush(apps, offer.id, crowd);

    // Assess
    const confirmed = answers.filter((a) => a.body.status === 'confirmed').length;
    console.info(`without the capacity condition: ${confirmed} confirmed for 10 places`);
    expect(confirmed).toBeGreaterThan(10);
    const { problems } = await checkConsistency(ctx.table);
    expect(problems).toContainEqual(
      expect.objectContaining({ invariant: 'I1', item: `OFFER#${offer.id} / UNIT#u1`, message: `confirmed ${confirmed} above capacity 10` }),
    );
  });
});

describe('cancellations during bookings', () => {
  it('50 cancellations with 20 new bookings in flight: never above capacity, every freed place offered in line order, newcomers behind', async () => {
    // Prepare: 50 families hold the 50 places, 60 wait, 20 newcomers are ready to book.
    const { ctx, app, outbox } = await createTestContext();
    const offer = await createOffer(ctx, { units: [{ id: 'u1', label: 'Gruppe', capacity: 50, confirmed: 0, waiting: 0 }] });
    const holders = await families(ctx, 50);
    const held = await rush(app, offer.id, holders);
    const waiting = await families(ctx, 60);
    await rush(app, offer.id, waiting);
    // The line as the families see it, first to last.
    const line = (await Promise.all(waiting.map(async (f) => ({ f, r: (await listRegistrations(app, f))[0] }))))
      .sort((a, b) => (a.r?.waitlistPosition ?? 0) - (b.r?.waitlistPosition ?? 0))
      .map((x) => x.f);
    const newcomers = await families(ctx, 20);
    // The unit's confirmed count, read once after each of the 70 answers, while the others are still in flight.
    const confirmedSeen: number[] = [];
    const confirmedNow = async () => (await ctx.ports.offers.getOffer(offer.id))?.units[0]?.confirmed ?? 0;
    const lookAtUnit = async () => confirmedSeen.push(await confirmedNow());
    // And a watcher reading it back to back while everything is in flight, bounded by a count.
    let acting = true;
    const watched: number[] = [];
    const watch = (async () => {
      for (let i = 0; acting && i < 5_000; i++) watched.push(await confirmedNow());
    })();

    // Act
    const [cancelled, newcomerAnswers] = await Promise.all([
      Promise.all(
        held.map(async (h) => {
          const { status } = await cancel(app, h.family, h.body.id);
          await lookAtUnit();
          return status;
        }),
      ),
      rush(app, offer.id, newcomers, lookAtUnit),
    ]);
    acting = false;
    await watch;
    // The sweep finishes any offer that a busy moment left to it (each cancellation filed one).
    expect((await app.request('/api/dev/jobs/run', { method: 'POST' })).status).toBe(200);

    // Assess
    expect(cancelled).toEqual(held.map(() => 204));
    expect(newcomerAnswers.map((a) => [a.status, a.body.status])).toEqual(newcomers.map(() => [201, 'waitlisted']));
    expect(confirmedSeen).toHaveLength(70);
    expect(Math.max(...confirmedSeen)).toBeLessThanOrEqual(50);
    expect(watched.length).toBeGreaterThan(0);
    expect(Math.max(...watched)).toBeLessThanOrEqual(50);
    const status = async (f: Family) => (await listRegistrations(app, f))[0];
    const offered = await Promise.all(line.slice(0, 50).map(status));
    expect(offered.map((r) => r?.status)).toEqual(line.slice(0, 50).map(() => 'offered'));
    const stillWaiting = await Promise.all(line.slice(50).map(status));
    expect(stillWaiting.map((r) => r?.waitlistPosition)).toEqual(range(1, 10));
    const newcomerPositions = (await Promise.all(newcomers.map(status))).map((r) => r?.waitlistPosition ?? 0);
    expect(newcomerPositions.sort((a, b) => a - b)).toEqual(range(11, 30));
    expect(await unitOf(app, offer.id)).toMatchObject({ confirmed: 50, waiting: 30 });
    for (const f of line.slice(0, 50)) expect(outbox.list(f.email)[0]?.subject).toContain('Platz frei für Sie');
    await expectConsistent(ctx);

    // Act: all 50 accept at once.
    const accepted = await Promise.all(
      line.slice(0, 50).map((f, i) => app.request(`/api/registrations/${offered[i]?.id}/accept`, { method: 'POST', headers: f.headers })),
    );

    // Assess
    expect(accepted.map((r) => r.status)).toEqual(line.slice(0, 50).map(() => 200));
    expect((await Promise.all(line.slice(0, 50).map(status))).map((r) => r?.status)).toEqual(line.slice(0, 50).map(() => 'confirmed'));
    expect(await unitOf(app, offer.id)).toMatchObject({ confirmed: 50, waiting: 30 });
    await expectConsistent(ctx);
  });
});

describe('the same Idempotency-Key sent 20 times at once', () => {
  it.each([
    ['a free place', 10],
    ['a full unit', 0],
  ])('with %s: one registration, twenty identical answers', async (_name, capacity) => {
    // Prepare
    const { ctx, app } = await createTestContext();
    const offer = await createOffer(ctx, { units: [{ id: 'u1', label: 'Gruppe', capacity, confirmed: 0, waiting: 0 }] });
    const family = await createFamily(ctx);
    const body = { offerId: offer.id, unitId: 'u1', childId: family.childIds[0] };

    // Act
    const answers = await Promise.all(
      range(1, 20).map(async () => {
        const res = await book(app, family, body, 'same-key-123');
        return { status: res.status, body: await res.json() };
      }),
    );

    // Assess
    expect(answers.map((a) => a.status)).toEqual(range(1, 20).map(() => 201));
    // The same registration every time. A place in line is reported as it is at each answer:
    // the first may count its own repeats' reservations, which they give back once refused.
    const { waitlistPosition: _position, ...first } = answers[0]?.body as Registration;
    for (const a of answers) expect(a.body).toMatchObject(first);
    expect(new Set(answers.map((a) => (a.body as Registration).id)).size).toBe(1);
    const listed = await listRegistrations(app, family);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject(capacity > 0 ? { status: 'confirmed' } : { status: 'waitlisted', waitlistPosition: 1 });
    expect(await unitOf(app, offer.id)).toMatchObject(capacity > 0 ? { confirmed: 1, waiting: 0 } : { confirmed: 0, waiting: 1 });
    await expectConsistent(ctx);
  });
});
