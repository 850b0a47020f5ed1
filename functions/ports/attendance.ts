import type { AttendanceMark } from '../../shared/schemas/provider.js';

export type AttendanceRecord = { sessionId: string; registrationId: string; mark: AttendanceMark };
/** One mark to set; `from` is the mark as read (undefined: none yet), checked when saving. */
type MarkChange = AttendanceRecord & { from?: AttendanceMark };

/** Attendance marks per offer session. */
export interface AttendanceRepo {
  /** The marks of one session, or of every session of the offer; strongly consistent. */
  listMarks(offerId: string, sessionId?: string): Promise<AttendanceRecord[]>;
  /**
   * Sets the marks and moves the offer's attendance counters by the same amounts, all or
   * nothing. False when a mark changed since it was read: the caller reads again.
   */
  saveMarks(offerId: string, changes: MarkChange[], now: string): Promise<boolean>;
}
