import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { User } from '../../shared/schemas/auth.js';
import type { UserRepo } from '../ports/users.js';
import { getItem, toItem, transactWrite, updateIf, type TableRef } from './dynamo.js';
import { keys } from './keys.js';

export type UserItem = User & { createdAt: string; lastActiveAt?: string; inactivityWarnedAt?: string };

/** The user as the rest of the code sees it, without the bookkeeping of its item. */
export const userOf = (item: UserItem): User => ({ id: item.id, email: item.email, roles: item.roles, householdId: item.householdId });

/** Accounts and the e-mail address each belongs to. */
export function createUserRepo(table: TableRef): UserRepo {
  const { client, tableName: TableName } = table;

  return {
    async getUser(userId) {
      const item = await getItem<UserItem>(table, keys.user(userId));
      return item && userOf(item);
    },

    async findUserIdByEmail(email) {
      return (await getItem<{ userId: string }>(table, keys.userByEmail(email)))?.userId;
    },

    // One transaction, so two first logins of one address cannot both create an account.
    async createUser(user, createdAt) {
      const failures = await transactWrite(table, [
        {
          item: {
            Put: {
              TableName,
              Item: toItem({ ...keys.userByEmail(user.email), userId: user.id }),
              // One account per address, even when two first logins race.
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          failure: () => 'address taken' as const,
        },
        { item: { Put: { TableName, Item: toItem({ ...keys.user(user.id), ...user, createdAt }) } } },
        ...(user.householdId
          ? [
              {
                item: {
                  Put: {
                    TableName,
                    Item: toItem({
                      ...keys.household(user.householdId),
                      id: user.householdId,
                      email: user.email,
                      guardian: {},
                      createdAt,
                    }),
                  },
                },
              },
            ]
          : []),
      ]);
      return failures.length === 0;
    },

    async setRoles(userId, roles) {
      const item = await getItem<UserItem>(table, keys.user(userId));
      if (!item) throw new Error(`no user ${userId}`);
      await client.send(new PutItemCommand({ TableName, Item: toItem({ ...item, roles }) }));
    },

    async getActivity(userId) {
      const item = await getItem<UserItem>(table, keys.user(userId));
      return item && { lastActiveAt: item.lastActiveAt ?? item.createdAt, inactivityWarnedAt: item.inactivityWarnedAt };
    },

    recordActivity: (userId, at) =>
      updateIf(table, keys.user(userId), 'SET lastActiveAt = :at REMOVE inactivityWarnedAt', 'attribute_exists(pk)', { ':at': at }),

    recordInactivityWarning: (userId, at) => updateIf(table, keys.user(userId), 'SET inactivityWarnedAt = :at', 'attribute_exists(pk)', { ':at': at }),
  };
}
