import type { Clock } from './ports/world.js';

/** The real time: the cloud's clock. */
export const systemClock: Clock = { now: () => new Date() };

/** Instants from here on no longer sort as ISO strings (`+010000-…`), which stored times rely on. */
const LATEST = Date.UTC(10000, 0, 1);

/** Why the dev clock refused to move. */
export class ClockBackwardsError extends Error {
  override name = 'ClockBackwardsError';
}

/**
 * The local clock: real time plus an offset that only grows, so demos and end-to-end tests can
 * jump to a registration opening, a deadline or past a retention period (`/api/dev/clock`).
 * It never goes back before a time it already showed: due work that ran stays in the past.
 */
export class DevClock implements Clock {
  private offsetMs = 0;
  private reached = 0;

  now(): Date {
    this.reached = Math.max(this.reached, Date.now() + this.offsetMs);
    return new Date(this.reached);
  }

  /** Moves to `target`; throws ClockBackwardsError when it lies before a time already reached. */
  set(target: Date): Date {
    const current = this.now();
    if (!(target.getTime() < LATEST)) throw new ClockBackwardsError(`${target.toISOString()} liegt nach dem Jahr 9999 / lies after the year 9999`);
    if (target.getTime() < current.getTime()) {
      throw new ClockBackwardsError(`${target.toISOString()} liegt vor ${current.toISOString()} / lies before the time already reached`);
    }
    this.offsetMs = target.getTime() - Date.now();
    return this.now();
  }

  advance(seconds: number): Date {
    return this.set(new Date(this.now().getTime() + seconds * 1000));
  }
}
