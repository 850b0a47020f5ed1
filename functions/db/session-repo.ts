import { DeleteItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { Session, SessionRepo } from '../ports/users.js';
import { batchGet, queryAll, toItem, type Item, type TableRef } from './dynamo.js';
import { keys, sortKey } from './keys.js';
import { userOf, type UserItem } from './user-repo.js';

type SessionItem = Session & { pk: string; sk: string };

/** Sessions in the account's partition; TTL removes them once past `expiresAt`. */
export function createSessionRepo(table: TableRef): SessionRepo {
  const { client, tableName: TableName } = table;
  const removeKey = (key: { pk: string; sk: string }) => client.send(new DeleteItemCommand({ TableName, Key: toItem(key) }));

  return {
    async create(userId, session) {
      await client.send(new PutItemCommand({ TableName, Item: toItem({ ...keys.session(userId, session.id), ...session }) }));
    },

    // Every request reads both: one strongly consistent call, so a sign-out is seen at once.
    async find(userId, sessionId) {
      const items = await batchGet<Item>(table, [keys.user(userId), keys.session(userId, sessionId)], true);
      const userItem = items.find((i) => i.sk === keys.user(userId).sk);
      const sessionItem = items.find((i) => i.sk === keys.session(userId, sessionId).sk) as SessionItem | undefined;
      if (!userItem || !sessionItem) return undefined;
      return {
        user: userOf(userItem as UserItem),
        session: { id: sessionItem.id, createdAt: sessionItem.createdAt, expiresAt: sessionItem.expiresAt },
      };
    },

    async remove(userId, sessionId) {
      await removeKey(keys.session(userId, sessionId));
    },

    async removeAll(userId) {
      const sessions = await queryAll<{ pk: string; sk: string }>(table, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: toItem({ ':pk': keys.user(userId).pk, ':prefix': sortKey.session }),
        ProjectionExpression: 'pk, sk',
        ConsistentRead: true,
      });
      await Promise.all(sessions.map(removeKey));
    },
  };
}
