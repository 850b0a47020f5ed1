import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  AlreadyRegisteredError,
  BookingRuleError,
  BusyError,
  DomainError,
  ForbiddenError,
  IdempotencyMismatchError,
  InvalidInputError,
  InvalidLoginCodeError,
  InvalidStateError,
  NotFoundError,
  RateLimitedError,
  RefusedInputError,
  UnitFullError,
} from '../domain/errors.js';
import { pickLanguage } from '../../shared/validation-messages.js';
import type { Env } from './context.js';
import { requestLanguage } from './language.js';
import { problem } from './problem.js';

type ErrorClass = abstract new (...args: never[]) => DomainError;

/** Each domain error's HTTP status and problem slug; the one place that decides them. */
const statusOfError: [ErrorClass, ContentfulStatusCode, string][] = [
  [InvalidInputError, 400, 'validation'],
  [NotFoundError, 404, 'not-found'],
  [ForbiddenError, 403, 'forbidden'],
  [InvalidLoginCodeError, 401, 'invalid-code'],
  [RateLimitedError, 429, 'rate-limited'],
  [AlreadyRegisteredError, 409, 'already-registered'],
  [UnitFullError, 409, 'full'],
  [InvalidStateError, 409, 'invalid-state'],
  [BookingRuleError, 422, 'booking-rule'],
  [RefusedInputError, 422, 'refused'],
  [IdempotencyMismatchError, 422, 'idempotency-mismatch'],
  [BusyError, 503, 'busy'],
];

export function handleError(error: Error, c: Context<Env>) {
  if (error instanceof DomainError) {
    const [, status, slug] = statusOfError.find(([cls]) => error instanceof cls) ?? [DomainError, 400, 'bad-request'];
    const retryAfter = error instanceof RateLimitedError || error instanceof BusyError ? error.retryAfterSeconds : undefined;
    if (retryAfter !== undefined) c.header('Retry-After', String(retryAfter));
    // The domain writes its messages "Deutsch / English"; problem() answers the title in the request's language.
    const language = requestLanguage(c);
    const errors =
      error instanceof RefusedInputError
        ? error.refusals.map((r) => ({ ...r, message: pickLanguage(r.message, language) }))
        : error.field
          ? [{ path: error.field, code: slug.replaceAll('-', '_'), message: pickLanguage(error.message, language) }]
          : undefined;
    return problem(c, status, slug, error.message, undefined, errors);
  }
  if (error instanceof HTTPException && error.status < 500) {
    return problem(c, error.status as ContentfulStatusCode, 'bad-request', error.message || 'Bad request');
  }
  // Unknown errors are the server's fault: logged with the request id, answered without details.
  console.error(JSON.stringify({ level: 'error', requestId: c.get('requestId'), error: String(error), stack: error.stack }));
  return problem(c, 500, 'internal', 'Interner Fehler / internal error', `request ${c.get('requestId')}`);
}
