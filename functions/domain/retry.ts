import type { RetryPolicy } from '../ports/index.js';
import { BusyError } from './errors.js';

/** Returned by an attempt that saw the world change under it and wants to decide again at once. */
export const AGAIN = Symbol('again');

/**
 * Runs `attempt` until it returns an answer, at most `attempts` times. A transient error waits
 * a jittered, exponentially growing pause ("full jitter": a uniform share of base·2ⁿ, capped),
 * so that writers who collided spread out; `AGAIN` retries at once. When the attempts are used
 * up, the caller gets a BusyError with Retry-After, never the raw conflict.
 */
export async function retryBounded<T>(
  attempt: (n: number) => Promise<T | typeof AGAIN>,
  { isTransient, attempts = 6, baseMs = 25, capMs = 800, random = Math.random, onTransient }: RetryPolicy,
): Promise<T> {
  let last: unknown;
  for (let n = 1; n <= attempts; n++) {
    try {
      const result = await attempt(n);
      if (result !== AGAIN) return result;
      last = undefined;
    } catch (error) {
      if (!isTransient(error)) throw error;
      last = error;
      onTransient?.(error, n);
      if (n < attempts) await new Promise((r) => setTimeout(r, random() * Math.min(capMs, baseMs * 2 ** n)));
    }
  }
  throw new BusyError('Gerade sehr viel Andrang, bitte gleich noch einmal / very busy right now, please try again', 1, {
    cause: last,
  });
}
