import { TransactWriteItemsCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { randomUUID } from 'node:crypto';
import { percentiles, round } from './meter.js';

/**
 * The database's own limit beside our booking: `n` concurrent TransactWriteItems of the
 * booking's shape (unit counter update, registration, guard, child counter, offer check,
 * idempotency record) straight to DynamoDB, with conditions that always hold.
 */
export async function runBareTransactions(client: DynamoDBClient, tableName: string, n: number) {
  const run = randomUUID().slice(0, 8);
  const pk = `BENCH#${run}`;
  await client.send(
    new TransactWriteItemsCommand({
      TransactItems: [
        { Put: { TableName: tableName, Item: marshall({ pk, sk: 'OFFER', status: 'published' }) } },
        { Put: { TableName: tableName, Item: marshall({ pk, sk: 'UNIT#u1', confirmed: 0, free: 1_000_000 }) } },
      ],
    }),
  );
  const one = async (i: number) => {
    const started = performance.now();
    const key = (sk: string) => marshall({ pk: `${pk}#${i}`, sk });
    await client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: marshall({ pk, sk: 'UNIT#u1' }),
              UpdateExpression: 'SET confirmed = confirmed + :one, #free = #free - :one',
              ConditionExpression: '#free >= :one',
              ExpressionAttributeNames: { '#free': 'free' },
              ExpressionAttributeValues: marshall({ ':one': 1 }),
            },
          },
          { Put: { TableName: tableName, Item: { ...key('REG'), status: { S: 'confirmed' } }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: tableName, Item: key('GUARD'), ConditionExpression: 'attribute_not_exists(pk)' } },
          {
            Update: {
              TableName: tableName,
              Key: key('CHILD'),
              UpdateExpression: 'ADD activeRegistrations :one',
              ExpressionAttributeValues: marshall({ ':one': 1 }),
            },
          },
          {
            ConditionCheck: {
              TableName: tableName,
              Key: marshall({ pk, sk: 'OFFER' }),
              ConditionExpression: '#s = :p',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: marshall({ ':p': 'published' }),
            },
          },
          { Put: { TableName: tableName, Item: key('IDEM'), ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }),
    );
    return performance.now() - started;
  };
  const started = performance.now();
  const durations = await Promise.all(Array.from({ length: n }, (_, i) => one(i)));
  const seconds = (performance.now() - started) / 1000;
  return {
    transactions: n,
    seconds: round(seconds, 2),
    throughputPerSecond: round(n / seconds),
    latencyMs: Object.fromEntries(Object.entries(percentiles(durations)).map(([k, v]) => [k, round(v)])),
  };
}
