import { DeleteItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { conditionHolds, getItem, toItem, type TableRef } from './dynamo.js';
import { keys } from './keys.js';

export type LoginCode = { codeHash: string; attempts: number; expiresAt: number };

/** One-time login codes and the per-address rate limit; TTL removes both once stale. */
export function createLoginRepo(table: TableRef) {
  const { client, tableName: TableName } = table;

  return {
    /** A new code replaces any earlier one for the address. */
    async saveCode(email: string, code: LoginCode): Promise<void> {
      await client.send(new PutItemCommand({ TableName, Item: toItem({ ...keys.loginCode(email), ...code }) }));
    },

    getCode: (email: string) => getItem<LoginCode>(table, keys.loginCode(email)),

    /** Counts a wrong guess; false when the code is gone or out of attempts. */
    async countFailedAttempt(email: string, maxAttempts: number): Promise<boolean> {
      return conditionHolds(
        client.send(
          new UpdateItemCommand({
            TableName,
            Key: toItem(keys.loginCode(email)),
            UpdateExpression: 'ADD attempts :one',
            ConditionExpression: 'attribute_exists(pk) AND attempts < :max',
            ExpressionAttributeValues: toItem({ ':one': 1, ':max': maxAttempts }),
          }),
        ),
      );
    },

    /** Deletes the code if it is still the one checked; true for exactly one caller. */
    async consumeCode(email: string, codeHash: string): Promise<boolean> {
      return conditionHolds(
        client.send(
          new DeleteItemCommand({
            TableName,
            Key: toItem(keys.loginCode(email)),
            // A code works once, even when two sign-ins with it race.
            ConditionExpression: 'codeHash = :hash',
            ExpressionAttributeValues: toItem({ ':hash': codeHash }),
          }),
        ),
      );
    },

    /** Counts a code request in its time window; false once the window's limit is reached. */
    async takeRateToken(email: string, window: number, limit: number, expiresAt: number): Promise<boolean> {
      return conditionHolds(
        client.send(
          new UpdateItemCommand({
            TableName,
            Key: toItem(keys.loginRate(email, window)),
            UpdateExpression: 'ADD requests :one SET expiresAt = :exp',
            ConditionExpression: 'attribute_not_exists(requests) OR requests < :limit',
            ExpressionAttributeValues: toItem({ ':one': 1, ':limit': limit, ':exp': expiresAt }),
          }),
        ),
      );
    },
  };
}
export type LoginRepo = ReturnType<typeof createLoginRepo>;
