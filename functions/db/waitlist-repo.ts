import { ConditionalCheckFailedException, QueryCommand, UpdateItemCommand, type AttributeValue, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { UnitItem } from '../ports/offers.js';
import type { RegistrationItem, UnitCounters, WaitlistEntry, WaitlistRepo } from '../ports/registrations.js';
import { fromItem, getItem, namesIn, queryAll, toItem, transactAll, transactionItems, updateIf, type TableRef } from './dynamo.js';
import { dueWorkPut } from './due-work-repo.js';
import { indexKeys, keys, sortKey } from './keys.js';
import { registrationStatsUpdates } from './stats-repo.js';

/** The entry that holds a waiting registration's place in line, for the booking's transaction. */
export function waitlistEntryPut(tableName: string, r: RegistrationItem & { ticket: number }): TransactWriteItem {
  // I3: the ticket is the place in line; each is handed out once.
  return transactionItems(tableName).put(
    { ...keys.waitlistEntry(r.offerId, r.unitId, r.ticket), registrationId: r.id, ticket: r.ticket, householdId: r.householdId },
    'attribute_not_exists(pk)',
  );
}

/** Removes one entry and counts it out of the unit's `waiting` with `set` (I5). */
export function dequeueItems(tableName: string, offerId: string, unitId: string, ticket: number, set: string, condition?: string): TransactWriteItem[] {
  const { remove, update } = transactionItems(tableName);
  return [
    remove(keys.waitlistEntry(offerId, unitId, ticket), 'attribute_exists(pk)'),
    update(keys.unit(offerId, unitId), `SET ${set}`, ['#waiting > :zero', condition].filter(Boolean).join(' AND '), { ':one': 1, ':zero': 0 }),
  ];
}

/** Above every ticket a unit hands out (keys pad tickets to ten digits). */
const LAST_TICKET = 9_999_999_999;

const unitCountersOf = (unit: UnitCounters): UnitCounters => ({ capacity: unit.capacity, confirmed: unit.confirmed, waiting: unit.waiting, free: unit.free });

/** Each unit's line: entries keyed by zero-padded ticket, so key order is line order (see ./KEYS.md, "Offered places"). */
export function createWaitlistRepo(table: TableRef): WaitlistRepo {
  const { client, tableName: TableName } = table;
  const { update, remove } = transactionItems(TableName);

  return {
    async takeTickets(offerId, unitId, count) {
      const out = await client.send(
        new UpdateItemCommand({
          TableName,
          Key: toItem(keys.unit(offerId, unitId)),
          UpdateExpression: 'ADD waitTail :n',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: toItem({ ':n': count }),
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      const tail = fromItem<{ waitTail: number }>(out.Attributes ?? {}).waitTail;
      return Array.from({ length: count }, (_, i) => tail - count + 1 + i);
    },

    async grantPlaces(offerId, unitId, entries, grant, now) {
      const registrations = await Promise.all(entries.map((e) => getItem<RegistrationItem>(table, keys.registration(e.registrationId))));
      const group = entries.map((e) => e.registrationId);
      const [lead] = group;
      if (!lead || registrations.some((r, i) => r?.status !== 'waitlisted' || r.ticket !== entries[i]?.ticket)) return false;
      const k = entries.length;
      const offered = grant.status === 'offered';
      return transactAll(table, [
        ...registrationStatsUpdates(
          table,
          offerId,
          registrations.flatMap((r) => (r ? [{ ...r, from: 'waitlisted' as const, to: grant.status }] : [])),
        ),
        ...entries.flatMap((entry) => [
          update(
            keys.registration(entry.registrationId),
            `SET #status = :to, updatedAt = :now${offered ? ', offerExpiresAt = :expires, offerGroup = :group' : ''} REMOVE ticket`,
            '#status = :waitlisted AND ticket = :ticket',
            {
              ':to': grant.status,
              ':waitlisted': 'waitlisted',
              ':ticket': entry.ticket,
              ':now': now,
              ...(offered && { ':expires': grant.expiresAt, ':group': group }),
            },
          ),
          remove(keys.waitlistEntry(offerId, unitId, entry.ticket), 'attribute_exists(pk)'),
        ]),
        // I1: places move from free to taken only while that many are free; I5: the line shrinks by as many.
        update(keys.unit(offerId, unitId), 'SET #waiting = #waiting - :k, #confirmed = #confirmed + :k, #free = #free - :k', '#waiting >= :k AND #free >= :k', {
          ':k': k,
        }),
        ...(offered ? [dueWorkPut(TableName, { kind: 'offer-expiry', subject: lead, dueAt: grant.expiresAt })] : []),
      ]);
    },

    announceLastCall: (offerId, unitId, now) =>
      updateIf(table, keys.unit(offerId, unitId), 'SET lastCall = :now', 'attribute_exists(pk) AND attribute_not_exists(lastCall)', { ':now': now }),

    getUnit: (offerId, unitId) => getItem<UnitItem>(table, keys.unit(offerId, unitId)),

    async waitlistHeads(offerId, unitId, count) {
      const heads = await queryAll<WaitlistEntry>(
        table,
        {
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: toItem({ ':pk': keys.offer(offerId).pk, ':prefix': keys.waitlistPrefix(unitId) }),
          ConsistentRead: true,
          Limit: count,
        },
        count,
      );
      return heads.map(({ registrationId, ticket, householdId }) => ({ registrationId, ticket, householdId }));
    },

    async reserveTickets(offerId, unitId, count, at) {
      const update = 'SET #waiting = #waiting + :n, reservedAt = :at ADD waitTail :n';
      // I3: join the line only while there is no place for you.
      const condition = 'attribute_exists(pk) AND (#free <= :zero OR #waiting > :zero)';
      try {
        const out = await client.send(
          new UpdateItemCommand({
            TableName,
            Key: toItem(keys.unit(offerId, unitId)),
            UpdateExpression: update,
            ConditionExpression: condition,
            ExpressionAttributeNames: namesIn(update, condition),
            ExpressionAttributeValues: toItem({ ':n': count, ':at': at, ':zero': 0 }),
            ReturnValues: 'ALL_NEW',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        const unit = fromItem<UnitItem>(out.Attributes ?? {});
        // Everyone counted in `waiting` is ahead of these tickets, reservations in flight included.
        const first = (offset: number) => Array.from({ length: count }, (_, i) => offset - count + 1 + i);
        return { tickets: first(unit.waitTail), positions: first(unit.waiting), unit: unitCountersOf(unit) };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        return { refused: error.Item && unitCountersOf(fromItem<UnitItem>(error.Item)) };
      }
    },

    async voidReservation(offerId, unitId, count) {
      // Should this fail too, the unit keeps its reservation mark and the sweep settles it.
      await updateIf(table, keys.unit(offerId, unitId), 'SET #waiting = #waiting - :n', '#waiting >= :n', { ':n': count });
    },

    async reservedUnits(before) {
      // Units of offers that ended can no longer be booked, so upcoming ones are all there are to settle.
      const units = await queryAll<UnitItem & { sk: string }>(table, {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk >= :from',
        FilterExpression: 'begins_with(sk, :unit) AND reservedAt < :before',
        ExpressionAttributeValues: toItem({
          ':pk': indexKeys.catalogUnit('', '', '').gsi1pk,
          ':from': before.slice(0, 10),
          ':unit': sortKey.unit,
          ':before': before,
        }),
      });
      return units.map((u) => ({ offerId: u.offerId, unitId: u.id, reservedAt: u.reservedAt ?? before }));
    },

    async settleReservations(offerId, unitId, reservedAt) {
      // The unit first, then its entries: every change to the line but a completion's moves
      // `waiting` too, and the settling write's condition refuses any of them.
      const unit = await getItem<UnitItem>(table, keys.unit(offerId, unitId));
      if (unit?.reservedAt !== reservedAt) return undefined;
      const entries = await countEntries(offerId, unitId);
      const settled = await updateIf(table, keys.unit(offerId, unitId), 'SET #waiting = :entries REMOVE reservedAt', 'reservedAt = :at AND #waiting = :w', {
        ':entries': entries,
        ':at': reservedAt,
        ':w': unit.waiting,
      });
      return settled ? { ...unitCountersOf(unit), waiting: entries } : undefined;
    },

    waitlistPosition: async (offerId, unitId, ticket) => 1 + (await countEntries(offerId, unitId, ticket - 1)),
  };

  /** The committed entries of a unit's line, up to and including ticket `last` (all by default), counted strongly. */
  async function countEntries(offerId: string, unitId: string, last = LAST_TICKET) {
    let count = 0;
    let start: Record<string, AttributeValue> | undefined;
    do {
      const out = await client.send(
        new QueryCommand({
          TableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
          ExpressionAttributeValues: toItem({
            ':pk': keys.offer(offerId).pk,
            ':first': keys.waitlistPrefix(unitId),
            ':last': keys.waitlistUpTo(unitId, last),
          }),
          Select: 'COUNT',
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      count += out.Count ?? 0;
      start = out.LastEvaluatedKey;
    } while (start);
    return count;
  }
}
