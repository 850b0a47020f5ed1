import type { Ports } from '../ports/index.js';
import type { Clock } from '../ports/world.js';
import { RateLimitedError } from './errors.js';

/** The clock's time in whole seconds since the epoch: what TTLs and token claims count in. */
export const epochSeconds = (clock: Clock) => Math.floor(clock.now().getTime() / 1000);

/**
 * Counts one request under `name` in the current fixed window of `windowSeconds` and refuses it
 * with 429 (`message`, Retry-After until the window ends) once `limit` are counted. The count is
 * one conditional write, so requests at once cannot pass it together.
 */
export async function takeFromWindow(
  ports: Pick<Ports, 'logins' | 'clock'>,
  { name, limit, windowSeconds, message }: { name: string; limit: number; windowSeconds: number; message: string },
): Promise<void> {
  const now = epochSeconds(ports.clock);
  const window = Math.floor(now / windowSeconds);
  const windowEnds = (window + 1) * windowSeconds;
  if (!(await ports.logins.takeRateToken(name, window, limit, windowEnds))) throw new RateLimitedError(message, windowEnds - now);
}
