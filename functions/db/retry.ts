import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BusyError } from '../domain/errors.js';

/** Errors the SDK raises for a call that may succeed if simply made again a moment later. */
const transientNames = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
  'TransactionInProgressException',
]);
/** Cancellation reasons that decide nothing: the transaction lost a race or was throttled. */
const transientReasons = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded', 'RequestLimitExceeded']);

/**
 * True when `error` says "try again" rather than "no": a conflict or throttling. A cancelled
 * transaction counts only if no condition of it failed, since a failed condition is an answer.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof TransactionCanceledException) {
    const codes = (error.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
    return !codes.includes('ConditionalCheckFailed') && codes.some((c) => transientReasons.has(c));
  }
  return error instanceof Error && transientNames.has(error.name);
}

/** Returned by an attempt that saw the world change under it and wants to decide again at once. */
export const AGAIN = Symbol('again');

export type RetryOptions = {
  /** Attempts in all, the first included. */
  attempts?: number;
  baseMs?: number;
  capMs?: number;
  random?: () => number;
  /** Called before each backoff; tests count retries with it. */
  onTransient?: (error: unknown, attempt: number) => void;
};

/**
 * Runs `attempt` until it returns an answer, at most `attempts` times. A transient error waits
 * a jittered, exponentially growing pause ("full jitter": a uniform share of base·2ⁿ, capped),
 * so that writers who collided spread out; `AGAIN` retries at once. When the attempts are used
 * up, the caller gets a BusyError with Retry-After, never the raw conflict.
 */
export async function retryBounded<T>(
  attempt: (n: number) => Promise<T | typeof AGAIN>,
  { attempts = 6, baseMs = 25, capMs = 800, random = Math.random, onTransient }: RetryOptions = {},
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
