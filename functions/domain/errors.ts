/**
 * Domain errors say what went wrong in the domain's words; functions/api/errors.ts maps each
 * to an HTTP status. `field` names the input the error is about, for the problem's `errors[]`.
 */
export abstract class DomainError extends Error {
  constructor(
    message: string,
    readonly field?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Input that passed the schema but means nothing here, e.g. a cursor from elsewhere. */
export class InvalidInputError extends DomainError {
  override name = 'InvalidInputError';
}
export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
}
export class ForbiddenError extends DomainError {
  override name = 'ForbiddenError';
}
export class InvalidLoginCodeError extends DomainError {
  override name = 'InvalidLoginCodeError';
}
export class RateLimitedError extends DomainError {
  override name = 'RateLimitedError';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
export class AlreadyRegisteredError extends DomainError {
  override name = 'AlreadyRegisteredError';
}
export class UnitFullError extends DomainError {
  override name = 'UnitFullError';
}
/** The request is well-formed but breaks a rule of the offer: age, registration window, status. */
export class BookingRuleError extends DomainError {
  override name = 'BookingRuleError';
}
/** The same Idempotency-Key was sent with a different request. */
/** Input that breaks several rules at once (a wish list): each refusal with its path, code and "Deutsch / English" message. */
export class RefusedInputError extends DomainError {
  override name = 'RefusedInputError';
  constructor(
    message: string,
    readonly refusals: { path: string; code: string; message: string }[],
  ) {
    super(message);
  }
}
export class IdempotencyMismatchError extends DomainError {
  override name = 'IdempotencyMismatchError';
}
export class InvalidStateError extends DomainError {
  override name = 'InvalidStateError';
}
/** Contention that bounded retries could not resolve; the client may try again shortly. */
export class BusyError extends DomainError {
  override name = 'BusyError';
  constructor(
    message: string,
    readonly retryAfterSeconds = 1,
    options?: ErrorOptions,
  ) {
    super(message, undefined, options);
  }
}
