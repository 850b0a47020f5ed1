import type { AttendanceMark } from '../../shared/schemas/provider.js';
import { queryAll, toItem, transactWrite, withoutKeys, type Item, type TableRef } from './dynamo.js';
import { indexKeys, keys } from './keys.js';
import type { RegistrationItem } from './registration-repo.js';
import { statsUpdate } from './stats-repo.js';

export type AttendanceRecord = { sessionId: string; registrationId: string; mark: AttendanceMark };
/** One mark to set; `from` is the mark as read (undefined: none yet), checked in the transaction. */
export type MarkChange = AttendanceRecord & { from?: AttendanceMark };

/** Marks per offer session and the offer's participants as the attendance list needs them. */
export function createAttendanceRepo(table: TableRef) {
  const { tableName: TableName } = table;

  return {
    /** Every registration of an offer, any status, through the eventually consistent index. */
    async listOfferRegistrations(offerId: string): Promise<RegistrationItem[]> {
      const items = await queryAll<RegistrationItem & Item>(table, {
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: toItem({ ':pk': indexKeys.offerRegistration(offerId, '', '', '').gsi2pk }),
      });
      return items.map((item) => withoutKeys(item) as RegistrationItem);
    },

    /** The marks of one session, or of every session of the offer; strongly consistent. */
    async listMarks(offerId: string, sessionId?: string): Promise<AttendanceRecord[]> {
      const items = await queryAll<AttendanceRecord & Item>(table, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: toItem({ ':pk': keys.offer(offerId).pk, ':prefix': keys.attendancePrefix(sessionId) }),
        ConsistentRead: true,
      });
      return items.map(({ sessionId: s, registrationId, mark }) => ({ sessionId: s, registrationId, mark }));
    },

    /**
     * Sets the marks and moves the offer's attendance counters by the same amounts, all or
     * nothing. False when a mark changed since it was read (another phone ticked meanwhile):
     * the caller reads again, so the counters always equal the marks.
     */
    async saveMarks(offerId: string, changes: MarkChange[], now: string): Promise<boolean> {
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
export type AttendanceRepo = ReturnType<typeof createAttendanceRepo>;
