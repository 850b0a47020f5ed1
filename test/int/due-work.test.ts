import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, retryDelayMs, sweepDueWork, type DueJobs, type SweepLog, type SweepOutcome } from '../../functions/domain/due-work.js';
import { dueKinds, type DueKind, type DueWork } from '../../functions/ports/due-work.js';
import { createTestContext, testClock } from '../support/context.js';
import { retrySetup } from '../support/retry-setup.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Monday 4 May 2026, 08:00 UTC: where every test's clock starts. */
const T0 = new Date('2026-05-04T08:00:00.000Z');

const at = (ms: number) => new Date(T0.getTime() + ms).toISOString();
const keyOf = (kind: DueKind, subject: string) => `${kind}:${subject}`;

/**
 * Jobs for every kind that count their runs per (kind, subject). `behaviour` lets a test make a
 * job throw or reschedule its own work while it runs; by default every job succeeds.
 */
function countingJobs(behaviour: (kind: DueKind, subject: string, run: number) => Promise<void> | void = () => {}) {
  const runs = new Map<string, number>();
  const counting =
    (kind: DueKind) =>
    async (subject: string): Promise<void> => {
      const run = (runs.get(keyOf(kind, subject)) ?? 0) + 1;
      runs.set(keyOf(kind, subject), run);
      await behaviour(kind, subject, run);
    };
  const jobs: DueJobs = {
    'offer-expiry': counting('offer-expiry'),
    'registration-opening': counting('registration-opening'),
    reminders: counting('reminders'),
    retention: counting('retention'),
    'account-inactive': counting('account-inactive'),
    'offer-places': counting('offer-places'),
    'programme-freeze': counting('programme-freeze'),
    'programme-draw': counting('programme-draw'),
    'programme-retention': counting('programme-retention'),
  };
  /** How often the job of `kind` ran for `subject`. */
  const ran = (kind: DueKind, subject: string) => runs.get(keyOf(kind, subject)) ?? 0;
  /** Every (kind, subject) that ran, with how often, sorted. */
  const all = () => Object.fromEntries([...runs].sort(([a], [b]) => a.localeCompare(b)));
  return { jobs, ran, all };
}

/** A fresh table with its own test clock at T0. */
async function prepare() {
  const clock = testClock(T0);
  const t = await createTestContext({}, clock);
  const schedule = (work: DueWork) => retrySetup(() => t.ctx.ports.dueWork.schedule(work));
  return { ...t, clock, schedule };
}

/** The outcomes of one or more sweeps as "kind:subject" → outcome, sorted. */
const byWork = (outcomes: SweepOutcome[]) => outcomes.map((o) => `${keyOf(o.kind, o.subject)}=${o.outcome}`).sort();

describe('due work: the sweep over the table', () => {
  it('runs each due item exactly once across four sweeps started at once, and the not-yet-due ones only once their time comes', async () => {
    // Prepare: 60 items over all kinds, 45 due by now (one exactly now), 15 due in one to two hours.
    const t = await prepare();
    const items = Array.from({ length: 60 }, (_, i): DueWork & { due: boolean } => {
      const kind = dueKinds[i % dueKinds.length] as DueKind;
      const due = i < 45;
      return { kind, subject: `s-${i}-${randomUUID().slice(0, 8)}`, dueAt: due ? at(-i * MINUTE_MS) : at(HOUR_MS + i * MINUTE_MS), due };
    });
    await Promise.all(items.map(({ kind, subject, dueAt }) => t.schedule({ kind, subject, dueAt })));
    const counter = countingJobs();
    const dueNow = items.filter((i) => i.due);
    const dueLater = items.filter((i) => !i.due);
    const once = (list: typeof items) => Object.fromEntries(list.map((i) => [keyOf(i.kind, i.subject), 1] as const).sort(([a], [b]) => a.localeCompare(b)));

    // Act: four sweeps at the same moment over the same table (overlapping schedule runs, or the local timer and the dev route).
    const sweeps = await Promise.all([1, 2, 3, 4].map(() => sweepDueWork(t.ctx.ports, counter.jobs)));
    const runsAfterConcurrentSweeps = counter.all();
    const laterSweep = await sweepDueWork(t.ctx.ports, counter.jobs);
    t.clock.set(new Date(at(2 * HOUR_MS)));
    const afterTheLaterTimes = await sweepDueWork(t.ctx.ports, counter.jobs);
    const oneMore = await sweepDueWork(t.ctx.ports, counter.jobs);

    // Assess: every due item ran once in all, and the sweeps together report each once as done.
    expect(runsAfterConcurrentSweeps).toEqual(once(dueNow));
    expect(byWork(sweeps.flat())).toEqual(dueNow.map((i) => `${keyOf(i.kind, i.subject)}=done`).sort());
    // A sweep after them finds nothing left to do.
    expect(laterSweep).toEqual([]);
    // Two hours on, the 15 later items ran, each once, and nothing ran twice.
    expect(byWork(afterTheLaterTimes)).toEqual(dueLater.map((i) => `${keyOf(i.kind, i.subject)}=done`).sort());
    expect(counter.all()).toEqual(once(items));
    expect(oneMore).toEqual([]);
  });

  it('retries a failing job after each back-off and not before, parks it after MAX_ATTEMPTS, never runs it again, and runs it once it is scheduled anew', async () => {
    // Prepare: a place offered to a family whose deadline job fails (the error names only ids).
    const t = await prepare();
    const subject = `reg-${randomUUID()}`;
    let failing = true;
    const counter = countingJobs((kind) => {
      if (kind === 'offer-expiry' && failing) throw new Error(`registration ${subject} could not be expired`);
    });
    const logged: Parameters<SweepLog>[] = [];
    const log: SweepLog = (event, fields) => void logged.push([event, fields]);
    const sweep = () => sweepDueWork(t.ctx.ports, counter.jobs, log);
    await t.schedule({ kind: 'offer-expiry', subject, dueAt: at(0) });
    const reason = `Error: registration ${subject} could not be expired`;

    // Act: the first run fails; then, for each retry, a sweep a millisecond before its time and one at it.
    const first = await sweep();
    const early: SweepOutcome[][] = [];
    const retries: SweepOutcome[][] = [];
    for (let attempts = 1; attempts < MAX_ATTEMPTS; attempts++) {
      const nextAt = t.clock.now().getTime() + retryDelayMs(attempts);
      t.clock.set(new Date(nextAt - 1));
      early.push(await sweep());
      t.clock.set(new Date(nextAt));
      retries.push(await sweep());
    }
    const runsWhenParked = counter.ran('offer-expiry', subject);
    t.clock.advance(30 * DAY_MS);
    const afterParking = [await sweep(), await sweep()];
    const runsAfterParkedSweeps = counter.ran('offer-expiry', subject);
    failing = false;
    await t.schedule({ kind: 'offer-expiry', subject, dueAt: t.clock.now().toISOString() });
    const rescheduled = await sweep();
    const afterRescheduledRun = await sweep();

    // Assess: one failed run, then a retry at each back-off and none a moment before it.
    expect(first).toEqual([{ kind: 'offer-expiry', subject, outcome: 'retry', error: reason }]);
    expect(early).toEqual([[], [], [], []]);
    expect(retries.slice(0, -1)).toEqual(Array.from({ length: MAX_ATTEMPTS - 2 }, () => [{ kind: 'offer-expiry', subject, outcome: 'retry', error: reason }]));
    // The last attempt parks it, and the alarm's log line names kind and subject (with the attempts and the ids-only reason).
    expect(retries.at(-1)).toEqual([{ kind: 'offer-expiry', subject, outcome: 'parked', error: reason }]);
    expect(runsWhenParked).toBe(MAX_ATTEMPTS);
    expect(logged.map(([event, fields]) => [event, fields.attempts])).toEqual([
      ...Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => ['job.failed', i + 1]),
      ['job.parked', MAX_ATTEMPTS],
    ]);
    expect(logged.at(-1)).toEqual(['job.parked', { kind: 'offer-expiry', subject, attempts: MAX_ATTEMPTS, error: reason }]);
    // Parked work stays out of every sweep, however late.
    expect(afterParking).toEqual([[], []]);
    expect(runsAfterParkedSweeps).toBe(MAX_ATTEMPTS);
    // Scheduled anew (a person fixed the cause) it runs, once, as fresh work.
    expect(rescheduled).toEqual([{ kind: 'offer-expiry', subject, outcome: 'done' }]);
    expect(afterRescheduledRun).toEqual([]);
    expect(counter.ran('offer-expiry', subject)).toBe(MAX_ATTEMPTS + 1);
    // No other kind ran.
    expect(Object.keys(counter.all())).toEqual([keyOf('offer-expiry', subject)]);
  });

  describe('rescheduling', () => {
    it('runs work scheduled twice once, at the later time it was moved to', async () => {
      // Prepare: a reminder scheduled for 10 minutes from now, then moved to 30 minutes from now.
      const t = await prepare();
      const subject = `offer-${randomUUID()}`;
      await t.schedule({ kind: 'reminders', subject, dueAt: at(10 * MINUTE_MS) });
      await t.schedule({ kind: 'reminders', subject, dueAt: at(30 * MINUTE_MS) });
      const counter = countingJobs();
      const sweep = () => sweepDueWork(t.ctx.ports, counter.jobs);

      // Act
      t.clock.set(new Date(at(10 * MINUTE_MS)));
      const atFirstTime = await sweep();
      t.clock.set(new Date(Date.parse(at(30 * MINUTE_MS)) - 1));
      const justBefore = await sweep();
      t.clock.set(new Date(at(30 * MINUTE_MS)));
      const atLaterTime = await sweep();
      t.clock.advance(DAY_MS);
      const dayLater = await sweep();

      // Assess
      expect(atFirstTime).toEqual([]);
      expect(justBefore).toEqual([]);
      expect(atLaterTime).toEqual([{ kind: 'reminders', subject, outcome: 'done' }]);
      expect(dayLater).toEqual([]);
      expect(counter.all()).toEqual({ [keyOf('reminders', subject)]: 1 });
    });

    it('runs work moved to an earlier time once, then, and not again at the time it first had', async () => {
      // Prepare: an erasure scheduled for tomorrow, then moved to one hour from now (the offer's end moved earlier).
      const t = await prepare();
      const subject = `offer-${randomUUID()}`;
      await t.schedule({ kind: 'retention', subject, dueAt: at(DAY_MS) });
      await t.schedule({ kind: 'retention', subject, dueAt: at(HOUR_MS) });
      const counter = countingJobs();
      const sweep = () => sweepDueWork(t.ctx.ports, counter.jobs);

      // Act
      t.clock.set(new Date(at(HOUR_MS)));
      const atNewTime = await sweep();
      t.clock.set(new Date(at(DAY_MS)));
      const atOldTime = await sweep();

      // Assess
      expect(atNewTime).toEqual([{ kind: 'retention', subject, outcome: 'done' }]);
      expect(atOldTime).toEqual([]);
      expect(counter.all()).toEqual({ [keyOf('retention', subject)]: 1 });
    });

    it('runs a job that moved its own work while running again at the new time, and not before (an extended deadline)', async () => {
      // Prepare: an offered place's deadline now; the first run extends it by a day instead of expiring the place.
      const t = await prepare();
      const subject = `reg-${randomUUID()}`;
      const extendedTo = at(DAY_MS);
      const counter = countingJobs(async (kind, s, run) => {
        if (kind === 'offer-expiry' && run === 1) await t.ctx.ports.dueWork.schedule({ kind, subject: s, dueAt: extendedTo });
      });
      const sweep = () => sweepDueWork(t.ctx.ports, counter.jobs);
      await t.schedule({ kind: 'offer-expiry', subject, dueAt: at(0) });

      // Act
      const first = await sweep();
      const sameMoment = await sweep();
      t.clock.set(new Date(Date.parse(extendedTo) - 1));
      const justBefore = await sweep();
      t.clock.set(new Date(extendedTo));
      const atExtendedDeadline = await sweep();
      t.clock.advance(DAY_MS);
      const dayAfter = await sweep();

      // Assess
      expect(first).toEqual([{ kind: 'offer-expiry', subject, outcome: 'done' }]);
      expect(sameMoment).toEqual([]);
      expect(justBefore).toEqual([]);
      expect(atExtendedDeadline).toEqual([{ kind: 'offer-expiry', subject, outcome: 'done' }]);
      expect(dayAfter).toEqual([]);
      expect(counter.all()).toEqual({ [keyOf('offer-expiry', subject)]: 2 });
    });
  });

  describe('after a restart', () => {
    it('runs the work that fell due while nothing swept, in a new runtime over the same table', async () => {
      // Prepare: one runtime schedules work and stops without sweeping.
      const before = await prepare();
      const openingAt = { kind: 'registration-opening' as const, subject: `offer-${randomUUID()}`, dueAt: at(5 * MINUTE_MS) };
      const inactive = { kind: 'account-inactive' as const, subject: `user-${randomUUID()}`, dueAt: at(HOUR_MS) };
      const notYet = { kind: 'reminders' as const, subject: `offer-${randomUUID()}`, dueAt: at(3 * HOUR_MS) };
      await Promise.all([openingAt, inactive, notYet].map((w) => before.schedule(w)));
      // Two hours later a new process starts over the same table.
      const clock = testClock(new Date(at(2 * HOUR_MS)));
      const after = await createTestContext({ TABLE_NAME: before.ctx.config.TABLE_NAME }, clock);
      const counter = countingJobs();

      // Act
      const firstSweep = await sweepDueWork(after.ctx.ports, counter.jobs);
      const secondSweep = await sweepDueWork(after.ctx.ports, counter.jobs);

      // Assess: the same table, and what fell due meanwhile ran once; what is not due yet waits.
      expect(after.ctx.config.TABLE_NAME).toBe(before.ctx.config.TABLE_NAME);
      expect(byWork(firstSweep)).toEqual([`${keyOf(inactive.kind, inactive.subject)}=done`, `${keyOf(openingAt.kind, openingAt.subject)}=done`].sort());
      expect(secondSweep).toEqual([]);
      expect(counter.ran(notYet.kind, notYet.subject)).toBe(0);
    });

    it('runs work a stopped sweep had claimed but not finished once its lease ran out, and not while the lease holds', async () => {
      // Prepare: a sweep of the first runtime claimed a reminder with a six-minute lease, then its process stopped.
      const before = await prepare();
      const work = { kind: 'reminders' as const, subject: `offer-${randomUUID()}`, dueAt: at(0) };
      await before.schedule(work);
      const leaseUntil = at(6 * MINUTE_MS);
      const claimed = await retrySetup(() => before.ctx.ports.dueWork.claim(work, at(0), leaseUntil));
      const clock = testClock(new Date(at(MINUTE_MS)));
      const after = await createTestContext({ TABLE_NAME: before.ctx.config.TABLE_NAME }, clock);
      const counter = countingJobs();
      const sweep = () => sweepDueWork(after.ctx.ports, counter.jobs);

      // Act
      const whileLeased = await sweep();
      clock.set(new Date(Date.parse(leaseUntil) + 1));
      const afterLease = await sweep();
      const again = await sweep();

      // Assess
      expect(claimed).toMatchObject({ ...work, attempts: 1, leaseUntil });
      expect(whileLeased).toEqual([]);
      expect(afterLease).toEqual([{ kind: work.kind, subject: work.subject, outcome: 'done' }]);
      expect(again).toEqual([]);
      expect(counter.all()).toEqual({ [keyOf(work.kind, work.subject)]: 1 });
    });
  });
});
