import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { IsTransient } from '../ports/world.js';

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
export const isTransient: IsTransient = (error) => {
  if (error instanceof TransactionCanceledException) {
    const codes = (error.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
    return !codes.includes('ConditionalCheckFailed') && codes.some((c) => transientReasons.has(c));
  }
  return error instanceof Error && transientNames.has(error.name);
};
