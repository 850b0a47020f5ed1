import { DeleteItemCommand } from '@aws-sdk/client-dynamodb';
import type { BookingFailure, BookingWrite, IdempotencyRecord, IdempotencyRepo } from '../ports/registrations.js';
import { partitionKeys, toItem, transactionItems, type TableRef, type TransactEntry } from './dynamo.js';
import { keys } from './keys.js';

/**
 * The booking's claim on its Idempotency-Key, for its transaction: written once per key (I4);
 * a refused claim returns the stored answer. An expired record no longer counts.
 */
export function idempotencyClaim(tableName: string, write: BookingWrite): TransactEntry<BookingFailure> {
  const { idempotency } = write;
  return {
    item: transactionItems(tableName).put(
      {
        ...keys.idempotency(idempotency.userId, idempotency.key),
        fingerprint: idempotency.fingerprint,
        answer: idempotency.answer,
        expiresAt: idempotency.expiresAt,
      },
      'attribute_not_exists(pk) OR expiresAt < :now',
      { ':now': write.nowSeconds },
    ),
    failure: (old) => ({ kind: 'replay', record: old as IdempotencyRecord }),
  };
}

/** The stored answers of a user's requests, one partition per user so erasure finds them all. */
export function createIdempotencyRepo(table: TableRef): IdempotencyRepo {
  return {
    async deleteUserRecords(userId) {
      for (const key of await partitionKeys(table, keys.idempotency(userId, '').pk)) {
        await table.client.send(new DeleteItemCommand({ TableName: table.tableName, Key: toItem({ pk: key.pk, sk: key.sk }) }));
      }
    },
  };
}
