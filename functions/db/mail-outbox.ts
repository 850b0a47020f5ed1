import { DeleteItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Clock, Mail, MailOutboxRepo, Mailer } from '../ports/world.js';
import { partitionKeys, toItem, type TableRef } from './dynamo.js';
import { keys, type Key } from './keys.js';

/**
 * An outbox item is needed only for the stream record its insert makes: the stream function sends
 * from that within seconds and then deletes the item. TTL removes whatever is left no later than
 * a login code would have expired anyway.
 */
const MAIL_TTL_SECONDS = 10 * 60;

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Addresses appear in keys (and so in stream records and metrics) only as this digest. */
const recipientDigest = (to: string) => createHash('sha256').update(to).digest('base64url');

/** The mail as one AES-256-GCM box (iv, tag, ciphertext; base64): readable only with the outbox key. */
export function sealMail(key: Uint8Array, mail: Mail): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(mail), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** The mail in a box `sealMail` made with the same key; undefined for anything else. */
export function openMail(key: Uint8Array, sealed: string): Mail | undefined {
  try {
    const box = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, box.subarray(0, IV_BYTES));
    decipher.setAuthTag(box.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const mail = JSON.parse(Buffer.concat([decipher.update(box.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8')) as Mail;
    return typeof mail.to === 'string' && typeof mail.subject === 'string' && typeof mail.text === 'string' ? mail : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The cloud mailer of the API and the scheduled jobs: it writes each e-mail, sealed, to the
 * table, and the stream function (functions/jobs/stream.ts) sends it through SES. The request
 * never waits for SES, a failed send is retried from the stream, and no other bundle carries an
 * SES client.
 */
export function createTableOutboxMailer(table: TableRef, clock: Clock, outboxKey: Uint8Array): Mailer {
  return {
    async send(mail: Mail) {
      const expiresAt = Math.floor(clock.now().getTime() / 1000) + MAIL_TTL_SECONDS;
      const item = { ...keys.mail(recipientDigest(mail.to), randomUUID()), sealed: sealMail(outboxKey, mail), expiresAt };
      await table.client.send(new PutItemCommand({ TableName: table.tableName, Item: toItem(item) }));
    },
  };
}

/** The e-mail an inserted outbox item carries, from its stream image. */
export function mailFromImage(outboxKey: Uint8Array, image: Record<string, { S?: string } | undefined>): Mail | undefined {
  const sealed = image.sealed?.S;
  return sealed === undefined ? undefined : openMail(outboxKey, sealed);
}

/** Deletes a sent outbox item: once delivered, the mail is kept nowhere. */
export async function removeOutboxItem(table: TableRef, key: Key): Promise<void> {
  await table.client.send(new DeleteItemCommand({ TableName: table.tableName, Key: toItem({ pk: key.pk, sk: key.sk }) }));
}

/** Mail to an address that is still waiting in the table: erasure takes it along. */
export function createMailOutboxRepo(table: TableRef): MailOutboxRepo {
  return {
    async forgetRecipient(to) {
      const waiting = await partitionKeys(table, keys.mail(recipientDigest(to), '').pk);
      await Promise.all(waiting.map((key) => removeOutboxItem(table, key)));
    },
  };
}
