import { Logger } from '@aws-lambda-powertools/logger';
import { loadConfig } from '../config.js';
import { offerFreedPlaces } from '../domain/waitlist.js';
import { createSesMailer } from '../mail/ses-mailer.js';
import { buildRuntime } from '../runtime.js';
import { createStreamHandler } from './stream-records.js';

const config = loadConfig(process.env, 'stream');
// The stream function is the one that delivers e-mails, so it alone carries the SES client.
const { ports } = buildRuntime(config, 'stream', { sender: config.MAIL_FROM === undefined ? undefined : createSesMailer(config.MAIL_FROM) });

/** The DynamoDB Streams Lambda entry. */
export const handler = createStreamHandler({
  mailer: ports.mailer,
  logger: new Logger(),
  offerPlaces: (offerId, unitId) => offerFreedPlaces(ports, offerId, unitId),
});
