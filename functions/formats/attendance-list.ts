import type { AttendanceMark } from '../../shared/schemas/provider.js';
import type { AttendanceSheet } from '../domain/attendance.js';
import { toExcelCsv } from './excel-csv.js';

type SheetGroup = AttendanceSheet['groups'][number];

/** How a mark reads on a German list. */
const markLabel: Record<AttendanceMark, string> = { present: 'anwesend', absent: 'abwesend', excused: 'entschuldigt' };
const markText = (mark: AttendanceMark | undefined) => (mark ? markLabel[mark] : '');

/** One unit's table as printed: child, guardian, phone, then the days of its sessions; a row per child. */
export const groupTable = (group: SheetGroup) => ({
  header: ['Kind', 'Erziehungsberechtigte', 'Telefon', ...group.sessions.map((s) => s.day)],
  rows: group.rows.map((r) => [r.child, r.guardian, r.phone, ...r.marks.map(markText)]),
});

/**
 * The attendance list as one CSV table for a spreadsheet: child, the unit (when the offer has
 * several, so a filter shows one week), guardian, phone, then a column per session day of the
 * offer; a child's cells under another unit's sessions stay empty.
 */
export function attendanceCsv(sheet: AttendanceSheet): string {
  const byUnit = sheet.groups.some((g) => g.unitLabel !== undefined);
  const header = ['Kind', ...(byUnit ? ['Gruppe'] : []), 'Erziehungsberechtigte', 'Telefon', ...sheet.sessions.map((s) => s.day)];
  const rows = sheet.groups.flatMap((group) =>
    group.rows.map((r) => {
      const markAt = new Map(group.sessions.map((s, i) => [s.id, r.marks[i]]));
      return [r.child, ...(byUnit ? [group.unitLabel ?? ''] : []), r.guardian, r.phone, ...sheet.sessions.map((s) => markText(markAt.get(s.id)))];
    }),
  );
  return toExcelCsv(header, rows);
}
