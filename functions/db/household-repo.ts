import { ConditionalCheckFailedException, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { MAX_CHILDREN, type Child, type GuardianInput } from '../../shared/schemas/household.js';
import type { HouseholdRepo } from '../ports/households.js';
import { fromItem, partitionKeys, queryAll, toItem, transactionItems, transactWrite, withoutKeys, type TableRef } from './dynamo.js';
import { keys, sortKey } from './keys.js';

type HouseholdItem = { id: string; email: string; guardian: Partial<GuardianInput>; municipalityId?: string };
const isConditionFailure = (error: unknown) => error instanceof ConditionalCheckFailedException;

const childFromItem = (item: Record<string, unknown>): Child => {
  const { activeRegistrations: _active, createdAt: _created, householdId: _household, ...child } = withoutKeys(item);
  return child as Child;
};

/** A household (guardian contact, residence) and its children, stored in one partition. */
export function createHouseholdRepo(table: TableRef): HouseholdRepo {
  const { client, tableName: TableName } = table;
  const { put, remove, update } = transactionItems(TableName);

  return {
    async getHousehold(householdId) {
      const items = await queryAll<Record<string, unknown>>(table, {
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: toItem({ ':pk': keys.household(householdId).pk }),
        ConsistentRead: true,
      });
      const head = items.find((i) => i.sk === sortKey.household) as HouseholdItem | undefined;
      if (!head) return undefined;
      const children = items.filter((i) => String(i.sk).startsWith(sortKey.child)).map(childFromItem);
      return { id: head.id, email: head.email, guardian: head.guardian, municipalityId: head.municipalityId, children };
    },

    async updateGuardian(householdId, guardian, municipalityId) {
      await client.send(
        new UpdateItemCommand({
          TableName,
          Key: toItem(keys.household(householdId)),
          UpdateExpression: municipalityId ? 'SET guardian = :g, municipalityId = :m' : 'SET guardian = :g REMOVE municipalityId',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: toItem({ ':g': guardian, ...(municipalityId && { ':m': municipalityId }) }),
        }),
      );
    },

    async addChild(householdId, child, createdAt) {
      // The household's childCount moves in the same transaction as the child is written, and
      // only below the limit: parallel requests cannot pass a check they all read before writing.
      const failures = await transactWrite<'full' | 'missing'>(table, [
        {
          item: update(
            keys.household(householdId),
            'SET childCount = if_not_exists(childCount, :zero) + :one',
            'attribute_exists(pk) AND (attribute_not_exists(childCount) OR childCount < :max)',
            { ':zero': 0, ':one': 1, ':max': MAX_CHILDREN },
          ),
          failure: (old) => (old ? 'full' : 'missing'),
        },
        { item: put({ ...keys.child(householdId, child.id), ...child, householdId, createdAt }, 'attribute_not_exists(pk)') },
      ]);
      return failures[0] ?? 'added';
    },

    async updateChild(householdId, childId, { set, remove: removed }) {
      const entries = Object.entries(set).filter(([, v]) => v !== undefined);
      if (entries.length === 0 && removed.length === 0) return (await this.getHousehold(householdId))?.children.find((c) => c.id === childId);
      const setClause = entries.length > 0 ? `SET ${entries.map((_, i) => `#f${i} = :v${i}`).join(', ')}` : '';
      const removeClause = removed.length > 0 ? `REMOVE ${removed.map((_, i) => `#r${i}`).join(', ')}` : '';
      try {
        const out = await client.send(
          new UpdateItemCommand({
            TableName,
            Key: toItem(keys.child(householdId, childId)),
            UpdateExpression: `${setClause} ${removeClause}`.trim(),
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: Object.fromEntries([...entries.map(([k], i) => [`#f${i}`, k]), ...removed.map((k, i) => [`#r${i}`, k])]),
            ...(entries.length > 0 && { ExpressionAttributeValues: toItem(Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v]))) }),
            ReturnValues: 'ALL_NEW',
          }),
        );
        return childFromItem(fromItem(out.Attributes ?? {}));
      } catch (error) {
        if (isConditionFailure(error)) return undefined;
        throw error;
      }
    },

    async deleteChild(householdId, childId) {
      const failures = await transactWrite<'booked' | 'missing'>(table, [
        {
          item: remove(
            keys.child(householdId, childId),
            'attribute_exists(pk) AND (attribute_not_exists(activeRegistrations) OR activeRegistrations = :zero)',
            {
              ':zero': 0,
            },
          ),
          failure: (old) => (old ? 'booked' : 'missing'),
        },
        // Frees the child's place under the limit, in the same write as the child goes.
        { item: update(keys.household(householdId), 'ADD childCount :minus', 'attribute_exists(pk)', { ':minus': -1 }) },
      ]);
      return failures[0] ?? 'deleted';
    },

    async eraseHousehold(household) {
      const emailItems = await partitionKeys(table, keys.userByEmail(household.email).pk);
      const failures = await transactWrite<true>(table, [
        ...household.childIds.map((childId) => ({
          // A child with an active booking is not deleted (same rule as deleting one child).
          item: remove(keys.child(household.id, childId), 'attribute_not_exists(activeRegistrations) OR activeRegistrations = :zero', { ':zero': 0 }),
          failure: () => true as const,
        })),
        ...[keys.household(household.id), keys.user(household.userId), ...emailItems].map((key) => ({
          item: remove({ pk: key.pk, sk: key.sk }),
        })),
      ]);
      return failures.length === 0;
    },
  };
}
