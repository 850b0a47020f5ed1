import { Logger } from '@aws-lambda-powertools/logger';
import { onFirstRequest, withRuntimeSecrets } from '../app-secret.js';
import { loadConfig } from '../config.js';
import { removeOutboxItem } from '../db/mail-outbox.js';
import { tellBooked } from '../domain/booking-confirmation.js';
import { attachingCalendars } from '../domain/sessions-ics.js';
import { offerFreedPlaces } from '../domain/waitlist.js';
import { createSesMailer } from '../mail/ses-mailer.js';
import { buildRuntime } from '../runtime.js';
import { createStreamHandler, type StreamEvent } from './stream-records.js';

const logger = new Logger();

const streamHandler = onFirstRequest(async () => {
  const config = loadConfig(await withRuntimeSecrets(process.env), 'stream');
  // The stream function is the one that delivers e-mails, so it alone carries the SES client.
  const runtime = buildRuntime(config, 'stream', { sender: config.MAIL_FROM === undefined ? undefined : createSesMailer(config.MAIL_FROM) });
  const { keys, table } = runtime;
  // Mails written elsewhere name their dates (`calendar`); the attachment is made here, where the iCalendar library is.
  const ports = { ...runtime.ports, mailer: attachingCalendars(runtime.ports.mailer, runtime.ports) };
  return createStreamHandler({
    mailer: ports.mailer,
    outboxKey: keys.outbox,
    removeSent: (key) => removeOutboxItem(table, key),
    tellBooked: (mail) => tellBooked(ports, mail),
    logger,
    offerPlaces: (offerId, unitId) => offerFreedPlaces(ports, offerId, unitId),
  });
});

/** The DynamoDB Streams Lambda entry. */
export const handler = async (event: StreamEvent) => (await streamHandler())(event);
