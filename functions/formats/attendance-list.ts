import type { AttendanceMark } from '../../shared/schemas/provider.js';
import type { AttendanceSheet } from '../domain/attendance.js';
import { toExcelCsv } from './excel-csv.js';

/** How a mark reads on a German list. */
const markLabel: Record<AttendanceMark, string> = { present: 'anwesend', absent: 'abwesend', excused: 'entschuldigt' };

/** The attendance list's header row: child, guardian, phone, then each session's day. */
export const sheetHeader = (sheet: AttendanceSheet) => ['Kind', 'Erziehungsberechtigte', 'Telefon', ...sheet.sessions.map((s) => s.day)];
/** One row per participant, marks as German words. */
export const sheetRows = (sheet: AttendanceSheet) => sheet.rows.map((r) => [r.child, r.guardian, r.phone, ...r.marks.map((m) => (m ? markLabel[m] : ''))]);

/** The attendance list as CSV: child, guardian, phone, then one column per session day. */
export const attendanceCsv = (sheet: AttendanceSheet): string => toExcelCsv(sheetHeader(sheet), sheetRows(sheet));
