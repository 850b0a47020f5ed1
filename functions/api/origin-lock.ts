import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { problem } from './problem.js';

/** The header CloudFront sends to the API origin (infra/constructs/site.ts sets it). */
export const ORIGIN_VERIFY_HEADER = 'X-Origin-Verify';

/** Equal-length digests, so the comparison takes the same time whatever the header holds. */
const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * The origin lock: in the cloud CloudFront adds a secret header to every request it passes to
 * the HTTP API, and the API answers nothing without it, so the execute-api address is no way
 * around CloudFront and its WAF. Without a configured value (locally, tests) it lets everything by.
 */
export function originLock(secret: string | undefined): MiddlewareHandler {
  if (secret === undefined) return (_, next) => next();
  const expected = digest(secret);
  return async (c, next) => {
    const sent = c.req.header(ORIGIN_VERIFY_HEADER);
    if (sent === undefined || !timingSafeEqual(digest(sent), expected)) {
      return problem(c, 403, 'forbidden', 'Kein Zugang / forbidden', 'Nur über die Website erreichbar. / Only reachable through the website.');
    }
    await next();
  };
}
