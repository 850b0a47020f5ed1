import { ConditionalCheckFailedException, DeleteItemCommand, PutItemCommand, UpdateItemCommand, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { ClaimedWork, DueKind, DueWork, DueWorkRepo } from '../ports/due-work.js';
import { queryAll, toItem, updateIf, type Item, type TableRef } from './dynamo.js';
import { indexKeys, keys } from './keys.js';

/** Done work stays a week for support to read, then TTL removes it. */
const DONE_KEPT_SECONDS = 7 * 24 * 60 * 60;

const dueItem = (work: DueWork): Item => ({
  ...keys.dueWork(work.kind, work.subject),
  ...indexKeys.dueWork(work.dueAt, work.kind, work.subject),
  kind: work.kind,
  subject: work.subject,
  dueAt: work.dueAt,
});

/** Schedules (or moves) work inside another transaction, e.g. an offered place and its deadline together. */
export const dueWorkPut = (tableName: string, work: DueWork): TransactWriteItem => ({ Put: { TableName: tableName, Item: toItem(dueItem(work)) } });

/** Forgets work inside another transaction, e.g. an accepted offer's deadline. */
export const dueWorkDelete = (tableName: string, kind: DueKind, subject: string): TransactWriteItem => ({
  Delete: { TableName: tableName, Key: toItem(keys.dueWork(kind, subject)) },
});

/**
 * Due work in the table (see ./KEYS.md, "Due work"): pending items sit in the `DUE` partition
 * of gsi1 by due time; claiming is a conditional write on the item itself, so two sweeps never
 * run one item at once, and an item whose due time moved is not claimed at the old one.
 */
export function createDueWorkRepo(table: TableRef): DueWorkRepo {
  const { client, tableName: TableName } = table;

  /** An update of claimed work, only while this claim still holds it as claimed. */
  const updateClaimed = (work: ClaimedWork, expression: string, values: Item) =>
    updateIf(table, keys.dueWork(work.kind, work.subject), expression, 'leaseUntil = :lease AND dueAt = :claimedAt', {
      ...values,
      ':lease': work.leaseUntil,
      ':claimedAt': work.dueAt,
    });

  return {
    async schedule(work) {
      await client.send(new PutItemCommand({ TableName, Item: toItem(dueItem(work)) }));
    },

    async unschedule(kind, subject) {
      await client.send(new DeleteItemCommand({ TableName, Key: toItem(keys.dueWork(kind, subject)) }));
    },

    async listDue(now, limit) {
      const upTo = indexKeys.dueUpTo(now);
      const items = await queryAll<DueWork>(
        table,
        {
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :upTo',
          ExpressionAttributeValues: toItem({ ':pk': upTo.gsi1pk, ':upTo': upTo.gsi1sk }),
          ProjectionExpression: 'kind, subject, dueAt',
          Limit: limit,
        },
        limit,
      );
      return items.map(({ kind, subject, dueAt }) => ({ kind, subject, dueAt }));
    },

    async claim(work, now, leaseUntil) {
      try {
        const out = await client.send(
          new UpdateItemCommand({
            TableName,
            Key: toItem(keys.dueWork(work.kind, work.subject)),
            UpdateExpression: 'SET leaseUntil = :lease ADD attempts :one',
            // Still pending, still due at the time listed, and not held by a live claim.
            ConditionExpression: 'attribute_exists(gsi1pk) AND dueAt = :dueAt AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
            ExpressionAttributeValues: toItem({ ':lease': leaseUntil, ':one': 1, ':dueAt': work.dueAt, ':now': now }),
            ReturnValues: 'ALL_NEW',
          }),
        );
        const attempts = Number(out.Attributes?.attempts?.N ?? 1);
        return { ...work, attempts, leaseUntil };
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return undefined;
        throw error;
      }
    },

    async complete(work, now) {
      await updateClaimed(work, 'SET doneAt = :now, expiresAt = :expires REMOVE gsi1pk, gsi1sk, leaseUntil', {
        ':now': now,
        ':expires': Math.floor(Date.parse(now) / 1000) + DONE_KEPT_SECONDS,
      });
    },

    async retryLater(work, dueAt, reason) {
      const index = indexKeys.dueWork(dueAt, work.kind, work.subject);
      await updateClaimed(work, 'SET dueAt = :next, gsi1sk = :sk, lastError = :reason REMOVE leaseUntil', {
        ':next': dueAt,
        ':sk': index.gsi1sk,
        ':reason': reason,
      });
    },

    async park(work, now, reason) {
      await updateClaimed(work, 'SET parkedAt = :now, lastError = :reason REMOVE gsi1pk, gsi1sk, leaseUntil', { ':now': now, ':reason': reason });
    },
  };
}
