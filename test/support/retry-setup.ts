import { setTimeout as pause } from 'node:timers/promises';

/**
 * DynamoDB Local serialises the writes to a table behind a lock and gives up on a request that
 * waited 10 s for it: HTTP 500, `InternalServerError`, "This action timed out because it too long
 * waiting for a lock. This request will succeed in actual DynamoDB API". The request changed
 * nothing. The SDK retries a 500, but only while its client's retry quota lasts (500 tokens, 14 a
 * retry), and a rush on busy cores uses that up, so the answer reaches the caller.
 */
function isLockTimeout(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== 'InternalServerError') return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return status === 500 && error.message.includes('waiting for a lock');
}

export type SetupRetryOptions = { attempts?: number; baseMs?: number; capMs?: number; random?: () => number };

/**
 * Runs one test data write, again after a jittered, exponentially growing pause ("full jitter":
 * a uniform share of base·2ⁿ, capped) each time DynamoDB Local answers that it waited too long
 * for a lock, at most `attempts` times in all. Any other error, and the last lock timeout, fail
 * the setup. Only for writes that are safe to repeat once they did nothing (fresh ids, conditions).
 */
export async function retrySetup<T>(
  write: () => Promise<T>,
  { attempts = 8, baseMs = 100, capMs = 5_000, random = Math.random }: SetupRetryOptions = {},
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await write();
    } catch (error) {
      if (!isLockTimeout(error)) throw error;
      if (n >= attempts) throw new Error(`DynamoDB Local still waiting for a lock after ${attempts} attempts`, { cause: error });
      await pause(random() * Math.min(capMs, baseMs * 2 ** n));
    }
  }
}
