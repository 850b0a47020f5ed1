import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import type { Child, ChildInput, GuardianInput, Household } from '../../shared/schemas/household.js';
import { fromItem, queryAll, toItem, withoutKeys, type TableRef } from './dynamo.js';
import { keys } from './keys.js';

type HouseholdItem = { id: string; email: string; guardian: Partial<GuardianInput>; municipalityId?: string };
/** `activeRegistrations` is kept by the booking transactions, so a booked child cannot be deleted. */
export type ChildItem = Child & { activeRegistrations?: number };

const isConditionFailure = (error: unknown) => error instanceof ConditionalCheckFailedException;

const childFromItem = (item: Record<string, unknown>): Child => {
  const { activeRegistrations: _active, createdAt: _created, householdId: _household, ...child } = withoutKeys(item);
  return child as Child;
};

/** A household (guardian contact, residence) and its children, stored in one partition. */
export function createHouseholdRepo(table: TableRef) {
  const { client, tableName: TableName } = table;

  return {
    /** The household with its children, read in one strongly consistent query. */
    async getHousehold(householdId: string): Promise<(Household & { email: string }) | undefined> {
      const items = await queryAll<Record<string, unknown>>(table, {
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: toItem({ ':pk': keys.household(householdId).pk }),
        ConsistentRead: true,
      });
      const head = items.find((i) => i.sk === 'HH') as HouseholdItem | undefined;
      if (!head) return undefined;
      const children = items
        .filter((i) => String(i.sk).startsWith('CHILD#'))
        .map(childFromItem);
      return { id: head.id, email: head.email, guardian: head.guardian, municipalityId: head.municipalityId, children };
    },

    async updateGuardian(householdId: string, guardian: GuardianInput, municipalityId: string | undefined) {
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

    async addChild(householdId: string, child: Child, createdAt: string) {
      await client.send(
        new PutItemCommand({
          TableName,
          Item: toItem({ ...keys.child(householdId, child.id), ...child, householdId, createdAt }),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    /** Applies the given fields; undefined if the child is not in this household. */
    async updateChild(householdId: string, childId: string, patch: Partial<ChildInput>): Promise<Child | undefined> {
      const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
      if (entries.length === 0) return (await this.getHousehold(householdId))?.children.find((c) => c.id === childId);
      try {
        const out = await client.send(
          new UpdateItemCommand({
            TableName,
            Key: toItem(keys.child(householdId, childId)),
            UpdateExpression: `SET ${entries.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: Object.fromEntries(entries.map(([k], i) => [`#f${i}`, k])),
            ExpressionAttributeValues: toItem(Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v]))),
            ReturnValues: 'ALL_NEW',
          }),
        );
        return childFromItem(fromItem(out.Attributes ?? {}));
      } catch (error) {
        if (isConditionFailure(error)) return undefined;
        throw error;
      }
    },

    /** 'deleted', 'missing', or 'booked' when the child still holds active registrations. */
    async deleteChild(householdId: string, childId: string): Promise<'deleted' | 'missing' | 'booked'> {
      try {
        await client.send(
          new DeleteItemCommand({
            TableName,
            Key: toItem(keys.child(householdId, childId)),
            ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(activeRegistrations) OR activeRegistrations = :zero)',
            ExpressionAttributeValues: toItem({ ':zero': 0 }),
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return 'deleted';
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return error.Item ? 'booked' : 'missing';
        throw error;
      }
    },
  };
}
export type HouseholdRepo = ReturnType<typeof createHouseholdRepo>;
