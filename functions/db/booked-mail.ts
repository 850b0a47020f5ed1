import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { Registration } from '../../shared/schemas/registration.js';
import type { BookedMail } from '../ports/registrations.js';
import { transactionItems } from './dynamo.js';
import { keys, partition, sortKey, type Key } from './keys.js';

/**
 * The stream function sends a booked mail within seconds of its insert and then deletes it; TTL
 * removes whatever a failing stream left, after a day in which a late confirmation still helps.
 */
const BOOKED_MAIL_TTL_SECONDS = 24 * 60 * 60;

/** The booking transaction's item for the e-mail it owes; the places as one JSON string, so a stream image reads it back whole. */
export const bookedMailPut = (tableName: string, mail: BookedMail, nowSeconds: number): TransactWriteItem =>
  transactionItems(tableName).put(
    {
      ...keys.bookedMail(mail.householdId, mail.id),
      offerId: mail.offerId,
      registrations: JSON.stringify(mail.registrations),
      expiresAt: nowSeconds + BOOKED_MAIL_TTL_SECONDS,
    },
    'attribute_not_exists(pk)',
  );

/** The booked mail an inserted item carries, from its stream image; undefined for any other item. */
export function bookedMailFromImage(key: Partial<Key>, image: Record<string, { S?: string } | undefined>): BookedMail | undefined {
  const { pk, sk } = key;
  if (!pk?.startsWith(partition.bookedMail) || !sk?.startsWith(sortKey.bookedMail)) return undefined;
  const offerId = image.offerId?.S;
  const registrations = image.registrations?.S;
  if (offerId === undefined || registrations === undefined) return undefined;
  return {
    id: sk.slice(sortKey.bookedMail.length),
    householdId: pk.slice(partition.bookedMail.length),
    offerId,
    registrations: JSON.parse(registrations) as Registration[],
  };
}
