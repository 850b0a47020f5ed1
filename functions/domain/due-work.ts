import type { ClaimedWork, DueKind, DueWork } from '../ports/due-work.js';
import type { Ports } from '../ports/index.js';

/** A timed job: runs one piece of due work through the domain, at the clock's time. Throwing means "try again later". */
type DueJob = (subject: string) => Promise<unknown>;
export type DueJobs = Readonly<Record<DueKind, DueJob>>;

/** What one sweep did with one piece of work. */
export type SweepOutcome = Pick<DueWork, 'kind' | 'subject'> & { outcome: 'done' | 'retry' | 'parked'; error?: string };

/** After this many failed runs work is parked and an alarm names it: retrying more would only repeat the failure. */
export const MAX_ATTEMPTS = 5;
/** How long a claim holds: longer than the longest job (the scheduled function's timeout is 5 minutes). */
const LEASE_MS = 6 * 60 * 1000;
/** How many items a sweep reads at a time. */
const PAGE = 50;
/** A sweep stops after this many rounds, so work that keeps making due work cannot keep one run going forever. */
const MAX_ROUNDS = 20;

/** The pause before retry n (1-based): 1, 2, 4, 8 minutes. */
export const retryDelayMs = (attempts: number) => 60_000 * 2 ** Math.max(0, attempts - 1);

/** Where a failed job's trace goes: the scheduled function logs it (the parked alarm reads `job.parked`). */
export type SweepLog = (event: 'job.failed' | 'job.parked', fields: Pick<ClaimedWork, 'kind' | 'subject' | 'attempts'> & { error: string }) => void;

/**
 * Runs all work due at the clock's time: claims each item (a conditional write, so concurrent
 * sweeps never run one twice), runs its job, and marks it done; a job that throws is due again
 * after a pause, and parked after MAX_ATTEMPTS. Work due while nothing ran (a stopped server, a
 * missed schedule) is simply due now. Local and cloud run exactly this.
 */
export async function sweepDueWork(ports: Pick<Ports, 'dueWork' | 'clock'>, jobs: DueJobs, log: SweepLog = () => {}): Promise<SweepOutcome[]> {
  const outcomes: SweepOutcome[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const now = ports.clock.now();
    const due = await ports.dueWork.listDue(now.toISOString(), PAGE);
    let claimedAny = false;
    for (const work of due) {
      const claimed = await ports.dueWork.claim(work, now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString());
      if (!claimed) continue;
      claimedAny = true;
      outcomes.push(await runClaimed(ports, jobs, claimed, log));
    }
    // Nothing left that this sweep could claim: the rest (if any) is another sweep's.
    if (!claimedAny || due.length < PAGE) break;
  }
  return outcomes;
}

async function runClaimed(ports: Pick<Ports, 'dueWork' | 'clock'>, jobs: DueJobs, work: ClaimedWork, log: SweepLog): Promise<SweepOutcome> {
  const { kind, subject } = work;
  try {
    await jobs[kind](subject);
    await ports.dueWork.complete(work, ports.clock.now().toISOString());
    return { kind, subject, outcome: 'done' };
  } catch (error) {
    // The reason is kept with the work for support; jobs put no personal data in their errors.
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const now = ports.clock.now();
    if (work.attempts >= MAX_ATTEMPTS) {
      await ports.dueWork.park(work, now.toISOString(), reason);
      log('job.parked', { kind, subject, attempts: work.attempts, error: reason });
      return { kind, subject, outcome: 'parked', error: reason };
    }
    await ports.dueWork.retryLater(work, new Date(now.getTime() + retryDelayMs(work.attempts)).toISOString(), reason);
    log('job.failed', { kind, subject, attempts: work.attempts, error: reason });
    return { kind, subject, outcome: 'retry', error: reason };
  }
}
