import {
  BatchGetItemCommand,
  ConditionalCheckFailedException,
  GetItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
  TransactionCanceledException,
  UpdateItemCommand,
  type TransactWriteItem,
  type DynamoDBClient,
  type QueryCommandInput,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { Key } from './keys.js';

export type Item = Record<string, unknown>;

/** The table as the repositories see it: a client, a name and the marshalling they all need. */
export type TableRef = { client: DynamoDBClient; tableName: string };

export const toItem = (value: Item): Record<string, AttributeValue> => marshall(value, { removeUndefinedValues: true, convertClassInstanceToMap: false });
export const fromItem = <T = Item>(item: Record<string, AttributeValue>): T => unmarshall(item) as T;

/** Awaits a conditional write: true if written, false if its condition did not hold. */
export async function conditionHolds(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** A conditional UpdateItem on one item: true if written, false if its condition did not hold. */
export function updateIf(table: TableRef, key: Key, expression: string, condition: string, values: Item): Promise<boolean> {
  const names = namesIn(expression, condition);
  return conditionHolds(
    table.client.send(
      new UpdateItemCommand({
        TableName: table.tableName,
        Key: toItem(key),
        UpdateExpression: expression,
        ConditionExpression: condition,
        // DynamoDB refuses an empty map of names.
        ...(Object.keys(names).length > 0 && { ExpressionAttributeNames: names }),
        ExpressionAttributeValues: toItem(values),
      }),
    ),
  );
}

/** One item of a transaction and, if its condition can fail, what that failure means (given the item as it was). */
export type TransactEntry<F> = { item: TransactWriteItem; failure?: (old: Item | undefined) => F };

/**
 * Runs the entries as one transaction: [] when it committed, else what each failed condition
 * means. Conflicts, throttling and any other error are thrown: they decide nothing (transient.ts
 * treats them as transient).
 */
export async function transactWrite<F>(table: TableRef, entries: TransactEntry<F>[]): Promise<F[]> {
  try {
    await table.client.send(new TransactWriteItemsCommand({ TransactItems: entries.map((e) => e.item) }));
    return [];
  } catch (error) {
    const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
    const failed = reasons.flatMap((reason, i) => {
      const failure = entries[i]?.failure;
      return reason.Code === 'ConditionalCheckFailed' && failure ? [failure(reason.Item && fromItem(reason.Item))] : [];
    });
    if (failed.length === 0) throw error;
    return failed;
  }
}

/** The `#name` placeholders of expressions, each for the attribute of that name (reserved words included). */
export const namesIn = (...expressions: (string | undefined)[]) =>
  Object.fromEntries([...new Set(expressions.join(' ').match(/#\w+/g))].map((n) => [n, n.slice(1)]));

/** Transaction items over one table; a failed condition returns the item as it was, for the failure's meaning. */
export function transactionItems(tableName: string) {
  const names = (...expressions: (string | undefined)[]) => {
    const found = namesIn(...expressions);
    return Object.keys(found).length > 0 ? { ExpressionAttributeNames: found } : {};
  };
  return {
    put: (item: Item, condition: string, values?: Item): TransactWriteItem => ({
      Put: {
        TableName: tableName,
        Item: toItem(item),
        ConditionExpression: condition,
        ...(values && { ExpressionAttributeValues: toItem(values) }),
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    }),
    update: (key: Key, expression: string, condition: string | undefined, values: Item): TransactWriteItem => ({
      Update: {
        TableName: tableName,
        Key: toItem(key),
        UpdateExpression: expression,
        ConditionExpression: condition,
        ExpressionAttributeValues: toItem(values),
        ...names(expression, condition),
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    }),
    remove: (key: Key, condition?: string, values?: Item): TransactWriteItem => ({
      Delete: {
        TableName: tableName,
        Key: toItem(key),
        ConditionExpression: condition,
        ...(values && { ExpressionAttributeValues: toItem(values) }),
        ...names(condition),
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    }),
  };
}

/** Runs items that must all hold as one transaction: true when it committed, false when any condition failed. */
export const transactAll = async (table: TableRef, items: TransactWriteItem[]): Promise<boolean> =>
  (
    await transactWrite(
      table,
      items.map((item) => ({ item, failure: () => true })),
    )
  ).length === 0;

/** Strongly consistent read: the repositories read what they are about to decide on. */
export async function getItem<T = Item>(table: TableRef, key: Key): Promise<T | undefined> {
  const out = await table.client.send(new GetItemCommand({ TableName: table.tableName, Key: toItem(key), ConsistentRead: true }));
  return out.Item ? fromItem<T>(out.Item) : undefined;
}

/** BatchGetItem reads at most this many keys per call. */
const BATCH_GET_LIMIT = 100;

/**
 * Reads many items by key, in calls of at most 100 keys and again for what DynamoDB left
 * unprocessed; the items come back in no particular order. `consistent` for what a decision rests on.
 */
export async function batchGet<T = Item>(table: TableRef, itemKeys: Key[], consistent = false): Promise<T[]> {
  const items: T[] = [];
  for (let i = 0; i < itemKeys.length; i += BATCH_GET_LIMIT) {
    let pending: Record<string, AttributeValue>[] = itemKeys.slice(i, i + BATCH_GET_LIMIT).map((key) => toItem({ pk: key.pk, sk: key.sk }));
    while (pending.length > 0) {
      const out = await table.client.send(new BatchGetItemCommand({ RequestItems: { [table.tableName]: { Keys: pending, ConsistentRead: consistent } } }));
      for (const raw of out.Responses?.[table.tableName] ?? []) items.push(fromItem<T>(raw));
      pending = out.UnprocessedKeys?.[table.tableName]?.Keys ?? [];
    }
  }
  return items;
}

/** Runs a query to the end (or `max` items) and returns the items unmarshalled. */
export async function queryAll<T = Item>(table: TableRef, input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>, max = Infinity): Promise<T[]> {
  const items: T[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const out = await table.client.send(new QueryCommand({ ...input, TableName: table.tableName, ExclusiveStartKey: start }));
    for (const item of out.Items ?? []) items.push(fromItem<T>(item));
    start = out.LastEvaluatedKey;
  } while (start && items.length < max);
  return items.slice(0, max);
}

/** The keys of every item in a partition, strongly consistent. */
export const partitionKeys = (table: TableRef, pk: string) =>
  queryAll<Key>(table, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: toItem({ ':pk': pk }),
    ProjectionExpression: 'pk, sk',
    ConsistentRead: true,
  });

/** Strips the key attributes a repository wrote, leaving the entity. */
export function withoutKeys<T extends Item>(item: T): Omit<T, 'pk' | 'sk' | `gsi${number}pk` | `gsi${number}sk`> {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, expiresAt: _e, ...rest } = item;
  return rest as never;
}
