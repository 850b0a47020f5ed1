import type { AttendanceRecord, AttendanceRepo } from '../ports/attendance.js';
import { queryAll, toItem, transactWrite, type Item, type TableRef } from './dynamo.js';
import { keys } from './keys.js';
import { statsUpdate } from './stats-repo.js';

/** Marks per offer session, in the offer's partition, moved together with its attendance counters. */
export function createAttendanceRepo(table: TableRef): AttendanceRepo {
  const { tableName: TableName } = table;

  return {
    async listMarks(offerId, sessionId) {
      const items = await queryAll<AttendanceRecord & Item>(table, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: toItem({ ':pk': keys.offer(offerId).pk, ':prefix': keys.attendancePrefix(sessionId) }),
        ConsistentRead: true,
      });
      return items.map(({ sessionId: s, registrationId, mark }) => ({ sessionId: s, registrationId, mark }));
    },

    // A mark changed since it was read means another phone ticked meanwhile: the caller reads
    // again, so the counters always equal the marks.
    async saveMarks(offerId, changes, now) {
      if (changes.length === 0) return true;
      const deltas: Record<string, number>[] = changes.map(({ from, mark }) => ({
        [`att:${mark}`]: 1,
        ...(from && { [`att:${from}`]: -1 }),
      }));
      const failures = await transactWrite(table, [
        ...changes.map(({ sessionId, registrationId, mark, from }) => ({
          item: {
            Put: {
              TableName,
              Item: toItem({ ...keys.attendance(offerId, sessionId, registrationId), sessionId, registrationId, mark, updatedAt: now }),
              // I5: the counters move by what the marks were; a mark changed meanwhile must be read again.
              ConditionExpression: from ? 'mark = :from' : 'attribute_not_exists(pk)',
              ...(from && { ExpressionAttributeValues: toItem({ ':from': from }) }),
            },
          },
          failure: () => 'mark changed' as const,
        })),
        { item: statsUpdate(table, offerId, deltas) },
      ]);
      return failures.length === 0;
    },
  };
}
