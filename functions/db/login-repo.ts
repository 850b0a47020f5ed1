import { ConditionalCheckFailedException, DeleteItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { conditionHolds, fromItem, toItem, type TableRef } from './dynamo.js';
import { keys } from './keys.js';
import type { LoginCode, LoginRepo } from '../ports/users.js';

/** One-time login codes and the per-address rate limit; TTL removes both once stale. */
export function createLoginRepo(table: TableRef): LoginRepo {
  const { client, tableName: TableName } = table;

  return {
    async saveCode(email, code) {
      await client.send(new PutItemCommand({ TableName, Item: toItem({ ...keys.loginCode(email), ...code }) }));
    },

    async takeAttempt(email, maxAttempts, now) {
      try {
        const { Attributes } = await client.send(
          new UpdateItemCommand({
            TableName,
            Key: toItem(keys.loginCode(email)),
            UpdateExpression: 'ADD attempts :one',
            // Counted before the code is compared: concurrent guesses cannot all pass one check.
            ConditionExpression: 'attribute_exists(pk) AND attempts < :max AND expiresAt > :now',
            ExpressionAttributeValues: toItem({ ':one': 1, ':max': maxAttempts, ':now': now }),
            ReturnValues: 'ALL_NEW',
          }),
        );
        return Attributes && fromItem<LoginCode>(Attributes);
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return undefined;
        throw error;
      }
    },

    async consumeCode(email, codeHash) {
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

    async takeRateToken(email, window, limit, expiresAt) {
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
