import { UpdateItemCommand, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { isActive } from '../../shared/registration-status.js';
import type { RegistrationItem } from '../ports/registrations.js';
import type { RegistrationErasure, RetentionRepo } from '../ports/retention.js';
import {
  conditionHolds,
  namesIn,
  queryAll,
  toItem,
  transactAll,
  transactionItems,
  transactWrite,
  type Item,
  type TableRef,
  type TransactEntry,
} from './dynamo.js';
import { keys, sortKey, type Key } from './keys.js';

/**
 * The offer item's mark that its personal data is erased (see ./KEYS.md, "Retention"): from
 * then on the consistency check no longer compares its units' `confirmed`/`waiting` and its
 * dashboard counters with registrations and marks, which are gone.
 */
export const ERASED_AT = 'personalDataErasedAt';

/** Deletes per transaction: well inside DynamoDB's 100 items and 4 MB, whatever an offer holds. */
const BATCH = 25;

type Failure = 'gone' | 'changed' | 'child';

/** The offer's personal data, erased in bounded writes, each safe to repeat. Counters stay. */
export function createRetentionRepo(table: TableRef): RetentionRepo {
  const { client, tableName: TableName } = table;
  const { update } = transactionItems(TableName);

  /** Deletes `key` unless it belongs to a registration other than `registrationId` (absent is fine: a repeat). */
  const removeOwned = (key: Key, registrationId: string): TransactWriteItem => ({
    Delete: {
      TableName,
      Key: toItem(key),
      ConditionExpression: 'attribute_not_exists(pk) OR registrationId = :id',
      ExpressionAttributeValues: toItem({ ':id': registrationId }),
    },
  });

  const eraseOnce = async (r: RegistrationItem, returnChildCounter: boolean): Promise<Failure[]> => {
    const active = isActive(r.status);
    // Registrations of an erased family carry neither household nor child (see anonymiseHousehold).
    const householdId = r.householdId as string | undefined;
    const childId = r.childId as string | undefined;
    const entries: TransactEntry<Failure>[] = [
      {
        item: {
          Delete: {
            TableName,
            Key: toItem(keys.registration(r.id)),
            // As read: a repeat finds it gone and gives nothing back twice.
            ConditionExpression: '#status = :was',
            ExpressionAttributeNames: namesIn('#status'),
            ExpressionAttributeValues: toItem({ ':was': r.status }),
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        failure: (old) => (old ? 'changed' : 'gone'),
      },
      // I2: the guard goes with the registration it belongs to.
      ...(active && childId ? [{ item: removeOwned(keys.childInUnit(r.offerId, r.unitId, childId), r.id) }] : []),
      ...(r.ticket === undefined ? [] : [{ item: removeOwned(keys.waitlistEntry(r.offerId, r.unitId, r.ticket), r.id) }]),
      ...(active && returnChildCounter && householdId && childId
        ? [
            {
              // I5: the child's counter counts its active registrations; this one goes.
              item: update(keys.child(householdId, childId), 'ADD activeRegistrations :minus', 'attribute_exists(pk) AND activeRegistrations > :zero', {
                ':minus': -1,
                ':zero': 0,
              }),
              failure: () => 'child' as const,
            },
          ]
        : []),
    ];
    return transactWrite(table, entries);
  };

  /** Deletes every item of the offer's partition whose sort key begins with `prefix`, BATCH at a time. */
  const erasePrefix = async (offerId: string, prefix: string): Promise<number> => {
    const found = await queryAll<Key>(table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: toItem({ ':pk': keys.offer(offerId).pk, ':prefix': prefix }),
      ProjectionExpression: 'pk, sk',
      ConsistentRead: true,
    });
    for (let i = 0; i < found.length; i += BATCH) {
      const batch = found.slice(i, i + BATCH).map(({ pk, sk }): TransactWriteItem => ({ Delete: { TableName, Key: toItem({ pk, sk }) } }));
      await transactAll(table, batch);
    }
    return found.length;
  };

  return {
    markOfferErased: (offerId, at) =>
      conditionHolds(
        client.send(
          new UpdateItemCommand({
            TableName,
            Key: toItem(keys.offer(offerId)),
            UpdateExpression: `SET #erased = if_not_exists(#erased, :at)`,
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#erased': ERASED_AT },
            ExpressionAttributeValues: toItem({ ':at': at } satisfies Item),
          }),
        ),
      ),

    async eraseRegistration(r): Promise<RegistrationErasure> {
      let failures = await eraseOnce(r, true);
      // The child is gone (or holds nothing): the registration still goes, without giving back.
      const childOnly = failures.length > 0 && failures.every((f) => f === 'child');
      if (childOnly) failures = await eraseOnce(r, false);
      const [failure] = failures.filter((f) => f !== 'child');
      if (failure) return { outcome: failure, childCounterReturned: false };
      return { outcome: 'erased', childCounterReturned: isActive(r.status) && !childOnly && Boolean(r.householdId && r.childId) };
    },

    eraseAttendanceMarks: (offerId) => erasePrefix(offerId, keys.attendancePrefix()),

    eraseOpeningNotices: (offerId) => erasePrefix(offerId, sortKey.openingNotice),
  };
}
