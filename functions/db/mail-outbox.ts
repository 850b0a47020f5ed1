import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import type { Clock, Mail, Mailer } from '../ports/world.js';
import { toItem, type TableRef } from './dynamo.js';
import { keys } from './keys.js';

/** Unsent mail older than this is dropped by TTL; the stream sends within seconds or fails to the DLQ. */
const MAIL_TTL_SECONDS = 7 * 24 * 3600;

/**
 * The cloud mailer of the API: it writes each e-mail to the table, and the stream function
 * (functions/jobs/stream.ts) sends it through SES. The request never waits for SES, a failed
 * send is retried from the stream, and the API bundle carries no SES client.
 */
export function createTableOutboxMailer(table: TableRef, clock: Clock): Mailer {
  return {
    async send(mail: Mail) {
      const expiresAt = Math.floor(clock.now().getTime() / 1000) + MAIL_TTL_SECONDS;
      await table.client.send(new PutItemCommand({ TableName: table.tableName, Item: toItem({ ...keys.mail(randomUUID()), ...mail, expiresAt }) }));
    },
  };
}

/** The e-mail an inserted outbox item carries, from its stream image (string attributes). */
export function mailFromImage(image: Record<string, { S?: string } | undefined>): Mail | undefined {
  const to = image.to?.S;
  const subject = image.subject?.S;
  const text = image.text?.S;
  if (!to || !subject || !text) return undefined;
  return { to, subject, text, ...(image.ics?.S && { ics: image.ics.S }) };
}
