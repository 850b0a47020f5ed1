import { Logger } from '@aws-lambda-powertools/logger';
import { loadConfig } from '../config.js';
import { promoteWaiting } from '../domain/waitlist.js';
import { buildRuntime } from '../runtime.js';
import { createStreamHandler } from './stream-records.js';

const { ports } = buildRuntime(loadConfig(process.env, 'stream'), 'stream');

/** The DynamoDB Streams Lambda entry. */
export const handler = createStreamHandler({
  mailer: ports.mailer,
  logger: new Logger(),
  promote: (offerId, unitId) => promoteWaiting(ports, offerId, unitId),
});
