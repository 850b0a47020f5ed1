import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { AttendanceSheet } from '../../functions/domain/attendance.js';
import { attendancePdf } from '../../functions/formats/attendance-pdf.js';
import { attendanceCsv } from '../../functions/formats/attendance-list.js';

const sheet: AttendanceSheet = {
  title: 'Babyschwimmen „Seepferdchen“',
  sessions: [
    { id: 's1', day: '2026-07-06' },
    { id: 's2', day: '2026-07-13' },
  ],
  rows: [
    { child: 'Zoë', guardian: 'Jürgen Müller; Großvater', phone: '+43 660 1', marks: ['present', undefined] },
    { child: 'Ömer "Öme"', guardian: 'Ayşe Öztürk', phone: '+43 660 2', marks: ['excused', 'absent'] },
  ],
};

/** How many pages a PDF has. */
const pages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length;

describe('attendance exports', () => {
  it('writes CSV for German Excel: BOM, semicolons, CRLF, quoting where a field needs it', () => {
    // Act
    const csv = attendanceCsv(sheet);

    // Assess
    expect(csv.startsWith('\ufeffKind;Erziehungsberechtigte;Telefon;2026-07-06;2026-07-13\r\n')).toBe(true);
    expect(parse(csv, { bom: true, delimiter: ';' })).toEqual([
      ['Kind', 'Erziehungsberechtigte', 'Telefon', '2026-07-06', '2026-07-13'],
      // A phone's leading + would start a formula in Excel: the apostrophe keeps it text.
      ['Zoë', 'Jürgen Müller; Großvater', "'+43 660 1", 'anwesend', ''],
      ['Ömer "Öme"', 'Ayşe Öztürk', "'+43 660 2", 'entschuldigt', 'abwesend'],
    ]);
  });

  it('writes a PDF of one page when the sessions fit its width', async () => {
    // Act
    const pdf = await attendancePdf(sheet);

    // Assess
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect(pages(pdf)).toBe(1);
  });

  it('continues the PDF on further pages when the sessions do not fit one width', async () => {
    // Prepare: 25 sessions.
    const weeks = Array.from({ length: 25 }, (_, i) => ({ id: `s${i}`, day: `2026-07-${String(i + 1).padStart(2, '0')}` }));
    const long = { ...sheet, sessions: weeks, rows: sheet.rows.map((r) => ({ ...r, marks: weeks.map(() => undefined) })) };

    // Act
    const pdf = await attendancePdf(long);

    // Assess
    expect(pages(pdf)).toBe(3);
  });
});
