import { Logger } from '@aws-lambda-powertools/logger';
import * as z from 'zod';
import { createSesMailer } from '../mail/ses-mailer.js';
import { createStreamHandler } from './stream-records.js';

const { MAIL_FROM } = z.object({ MAIL_FROM: z.email() }).parse(process.env);

/** The DynamoDB Streams Lambda entry. */
export const handler = createStreamHandler({ mailer: createSesMailer(MAIL_FROM), logger: new Logger() });
