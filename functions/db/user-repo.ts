import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { Role, User } from '../../shared/schemas/auth.js';
import { getItem, toItem, transactWrite, type TableRef } from './dynamo.js';
import { keys } from './keys.js';

type UserItem = User & { createdAt: string };

/** Accounts and the e-mail address each belongs to. */
export function createUserRepo(table: TableRef) {
  const { client, tableName: TableName } = table;

  return {
    async getUser(userId: string): Promise<User | undefined> {
      const item = await getItem<UserItem>(table, keys.user(userId));
      return item && { id: item.id, email: item.email, roles: item.roles, householdId: item.householdId };
    },

    async findUserIdByEmail(email: string): Promise<string | undefined> {
      return (await getItem<{ userId: string }>(table, keys.userByEmail(email)))?.userId;
    },

    /**
     * Creates the user, its e-mail claim and (for families) an empty household in one
     * transaction. Returns false when another request claimed the address first.
     */
    async createUser(user: User, createdAt: string): Promise<boolean> {
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

    /** Sets the roles of an existing user (region administration, demo seed). */
    async setRoles(userId: string, roles: Role[]): Promise<void> {
      const item = await getItem<UserItem>(table, keys.user(userId));
      if (!item) throw new Error(`no user ${userId}`);
      await client.send(new PutItemCommand({ TableName, Item: toItem({ ...item, roles }) }));
    },
  };
}
export type UserRepo = ReturnType<typeof createUserRepo>;
