import { Logger } from '@aws-lambda-powertools/logger';
import * as z from 'zod';
import { createDynamoClient } from '../db/client.js';
import { createRepos } from '../db/repos.js';
import { promoteWaiting } from '../domain/booking.js';
import { systemClock } from '../domain/ports.js';
import { createSesMailer } from '../mail/ses-mailer.js';
import { createStreamHandler } from './stream-records.js';

const env = z
  .object({
    TABLE_NAME: z.string().min(3),
    AWS_REGION: z.string().default('eu-central-1'),
    TIME_ZONE: z.enum(['Europe/Vienna', 'Europe/Berlin']),
    MAIL_FROM: z.email(),
  })
  .parse(process.env);
const table = { client: createDynamoClient({ ...env, FAULT_RATE: 0 }), tableName: env.TABLE_NAME };
const repos = createRepos(table);
const mailer = createSesMailer(env.MAIL_FROM);
const bookingPorts = { ...repos, mailer, clock: systemClock, timeZone: env.TIME_ZONE };

/** The DynamoDB Streams Lambda entry. */
export const handler = createStreamHandler({
  mailer,
  logger: new Logger(),
  promote: (offerId, unitId) => promoteWaiting(bookingPorts, offerId, unitId),
});
