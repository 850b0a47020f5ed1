import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { DrawnFamilyOffer, ProgrammeRepo, StoredProgramme, StoredResult, StoredWishes } from '../ports/programmes.js';
import {
  conditionHolds,
  getItem,
  partitionKeys,
  updateIf,
  queryAll,
  toItem,
  transactionItems,
  transactWrite,
  withoutKeys,
  type Item,
  type TableRef,
} from './dynamo.js';
import { keys, partition, sortKey } from './keys.js';
import { registrationItem } from './registration-repo.js';
import { registrationStatsUpdates } from './stats-repo.js';
import { waitlistEntryPut } from './waitlist-repo.js';

const refused = () => 'refused' as const;

/** DynamoDB's item limit is 400 KB; a compressed snapshot of a large region is about 100 KB, so one or two chunks. */
const CHUNK_BYTES = 300_000;

/**
 * Holiday programmes (in the region partition, read together), and per programme one partition
 * with every family's wish list, the frozen snapshot and the results (see ./KEYS.md).
 */
export function createProgrammeRepo(table: TableRef): ProgrammeRepo {
  const { client, tableName: TableName } = table;
  const { put, update } = transactionItems(TableName);

  const inPartition = <T>(programmeId: string, prefix: string) =>
    queryAll<T & Item>(table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: toItem({ ':pk': `${partition.programme}${programmeId}`, ':prefix': prefix }),
      ConsistentRead: true,
    });

  const programmeWrite = (programme: StoredProgramme, condition: string, values?: Item) =>
    conditionHolds(
      client.send(
        new PutItemCommand({
          TableName,
          Item: toItem({ ...keys.programme(programme.id), ...programme }),
          ConditionExpression: condition,
          ...(values && { ExpressionAttributeValues: toItem(values) }),
        }),
      ),
    );

  return {
    createProgramme: (programme) => programmeWrite(programme, 'attribute_not_exists(pk)'),
    // Nobody changed it since it was read: status moves (publish, freeze, draw) never cross.
    replaceProgramme: (programme, readUpdatedAt) => programmeWrite(programme, 'updatedAt = :read', { ':read': readUpdatedAt }),
    async getProgramme(id) {
      const item = await getItem(table, keys.programme(id));
      return item && (withoutKeys(item) as StoredProgramme);
    },
    async listProgrammes() {
      const items = await queryAll(table, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: toItem({ ':pk': partition.region, ':prefix': sortKey.programme }),
        ConsistentRead: true,
      });
      return items.map((i) => withoutKeys(i) as StoredProgramme).sort((a, b) => a.wishOpens.localeCompare(b.wishOpens));
    },

    async getWishes(programmeId, householdId) {
      const item = await getItem(table, keys.programmeWishes(programmeId, householdId));
      return item && (withoutKeys(item) as StoredWishes);
    },
    async putWishes(wishes) {
      const failures = await transactWrite(table, [
        { item: put({ ...keys.programmeWishes(wishes.programmeId, wishes.householdId), ...wishes }, 'attribute_exists(pk) OR attribute_not_exists(pk)') },
        {
          // Only while wishing: a list sent as the freeze happens is either in the snapshot or refused.
          item: {
            ConditionCheck: {
              TableName,
              Key: toItem(keys.programme(wishes.programmeId)),
              ConditionExpression: '#status = :wishing',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: toItem({ ':wishing': 'wishing' }),
            },
          },
          failure: () => 'closed' as const,
        },
      ]);
      return failures.length === 0;
    },
    listWishes: async (programmeId) => (await inPartition<StoredWishes>(programmeId, sortKey.wishes)).map((i) => withoutKeys(i) as StoredWishes),
    async deleteProgrammeData(programmeId, what) {
      const prefixes = what === 'results' ? [sortKey.drawResult] : [sortKey.snapshot, sortKey.wishes];
      const doomed = (await partitionKeys(table, `${partition.programme}${programmeId}`)).filter((k) => prefixes.some((p) => k.sk.startsWith(p)));
      const { remove } = transactionItems(TableName);
      for (let i = 0; i < doomed.length; i += 25) {
        await transactWrite(
          table,
          doomed.slice(i, i + 25).map((key) => ({ item: remove(key) })),
        );
      }
    },
    async deleteFamilyEntries(householdId, programmeIds) {
      const { remove } = transactionItems(TableName);
      for (const id of programmeIds) {
        await transactWrite(table, [{ item: remove(keys.programmeWishes(id, householdId)) }, { item: remove(keys.drawResult(id, householdId)) }]);
      }
    },

    async putSnapshot(programmeId, json) {
      const zipped = gzipSync(Buffer.from(json, 'utf8'));
      const count = Math.max(1, Math.ceil(zipped.length / CHUNK_BYTES));
      for (let n = 0; n < count; n++) {
        const data = zipped.subarray(n * CHUNK_BYTES, (n + 1) * CHUNK_BYTES);
        await client.send(new PutItemCommand({ TableName, Item: toItem({ ...keys.snapshotChunk(programmeId, n), count, data: new Uint8Array(data) }) }));
      }
      // Chunks of an earlier, longer snapshot would be read as part of this one.
      const stale = (await partitionKeys(table, `${partition.programme}${programmeId}`)).filter((k) => {
        if (!k.sk.startsWith(sortKey.snapshot)) return false;
        return Number(k.sk.slice(sortKey.snapshot.length)) >= count;
      });
      const { remove } = transactionItems(TableName);
      for (const key of stale) await transactWrite(table, [{ item: remove(key) }]);
    },
    async getSnapshot(programmeId) {
      const chunks = await inPartition<{ count: number; data: Uint8Array }>(programmeId, sortKey.snapshot);
      if (chunks.length === 0 || chunks.length !== chunks[0]?.count) return undefined;
      return gunzipSync(Buffer.concat(chunks.map((c) => c.data))).toString('utf8');
    },

    async writeDrawn(write: DrawnFamilyOffer) {
      const [first] = write.registrations;
      if (!first) return 'written';
      const failures = await transactWrite(table, [
        ...write.registrations.flatMap((r) => [
          {
            // Registration ids come from the draw: one that exists means this write committed before.
            item: put(registrationItem(r), 'attribute_not_exists(pk)'),
            failure: () => 'before' as const,
          },
          // I2: one active registration per child and unit.
          { item: put({ ...keys.childInUnit(r.offerId, r.unitId, r.childId), registrationId: r.id }, 'attribute_not_exists(pk)'), failure: refused },
          ...(r.ticket === undefined ? [] : [{ item: waitlistEntryPut(TableName, { ...r, ticket: r.ticket }), failure: refused }]),
        ]),
        ...write.units.map((u) => ({
          // I1: never above capacity. The draw's tickets are the line (I3); later bookings queue behind `waitTail`.
          item: update(
            keys.unit(write.offerId, u.unitId),
            'SET #confirmed = #confirmed + :c, #free = #free - :c, #waiting = #waiting + :w, waitTail = :tail',
            '#free >= :c',
            { ':c': u.confirm, ':w': u.wait, ':tail': u.waitTail },
          ),
          failure: refused,
        })),
        ...write.children.map((c) => ({
          item: update(keys.child(write.householdId, c.childId), 'ADD activeRegistrations :n', 'attribute_exists(pk)', { ':n': c.count }),
          failure: () => 'child-gone' as const,
        })),
        ...registrationStatsUpdates(
          table,
          write.offerId,
          write.registrations.map((r) => ({ ...r, to: r.status })),
        ).map((item) => ({ item })),
      ]);
      if (failures.includes('before')) return 'before';
      if (failures.includes('child-gone')) return 'child-gone';
      return failures.length > 0 ? 'refused' : 'written';
    },
    async openForFirstCome(offerId, now) {
      // Only a lottery offer switches, so a repeat (or an offer gone meanwhile) changes nothing.
      await updateIf(table, keys.offer(offerId), 'SET bookingMode = :fcfs, updatedAt = :now, version = version + :one', 'bookingMode = :lottery', {
        ':fcfs': 'fcfs',
        ':lottery': 'lottery',
        ':now': now,
        ':one': 1,
      });
    },

    async putResult(programmeId, result) {
      // Fixed once drawn: a second run neither changes it nor clears its mailed mark.
      await conditionHolds(
        client.send(
          new PutItemCommand({
            TableName,
            Item: toItem({ ...keys.drawResult(programmeId, result.householdId), ...result }),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
    },
    async getResult(programmeId, householdId) {
      const item = await getItem(table, keys.drawResult(programmeId, householdId));
      return item && (withoutKeys(item) as StoredResult);
    },
    listResults: async (programmeId) => (await inPartition<StoredResult>(programmeId, sortKey.drawResult)).map((i) => withoutKeys(i) as StoredResult),
    // The claim of the one e-mail: only the first caller gets true.
    markResultMailed: (programmeId, householdId, now) =>
      updateIf(table, keys.drawResult(programmeId, householdId), 'SET mailedAt = :now', 'attribute_exists(pk) AND attribute_not_exists(mailedAt)', {
        ':now': now,
      }),
  };
}
