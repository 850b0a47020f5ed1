import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { AttendanceSheet } from '../../functions/domain/attendance.js';
import { attendancePdf } from '../../functions/formats/attendance-pdf.js';
import { attendanceCsv } from '../../functions/formats/attendance-list.js';
import { pdfText } from '../support/pdf-text.js';

const sessions = [
  { id: 's1', day: '2026-07-06' },
  { id: 's2', day: '2026-07-13' },
];
const rows: AttendanceSheet['groups'][number]['rows'] = [
  { child: 'Zoë', guardian: 'Jürgen Müller; Großvater', phone: '+43 660 1', marks: ['present', undefined] },
  { child: 'Ömer "Öme"', guardian: 'Ayşe Öztürk', phone: '+43 660 2', marks: ['excused', 'absent'] },
];
const sheet: AttendanceSheet = { title: 'Babyschwimmen „Seepferdchen“', sessions, groups: [{ sessions, rows }] };

/** Holiday care of two weeks of two days each: Zoë in both weeks, Ömer in week 2 only. */
const week1 = [
  { id: 's1', day: '2026-07-06' },
  { id: 's2', day: '2026-07-07' },
];
const week2 = [
  { id: 's3', day: '2026-07-13' },
  { id: 's4', day: '2026-07-14' },
];
const careWeeks: AttendanceSheet = {
  title: 'Ferienbetreuung',
  sessions: [...week1, ...week2],
  groups: [
    { unitLabel: 'Woche 1', sessions: week1, rows: [{ child: 'Zoë', guardian: 'Jürgen Müller', phone: '+43 660 1', marks: ['present', 'absent'] }] },
    {
      unitLabel: 'Woche 2',
      sessions: week2,
      rows: [
        { child: 'Zoë', guardian: 'Jürgen Müller', phone: '+43 660 1', marks: [undefined, undefined] },
        { child: 'Ömer', guardian: 'Ayşe Öztürk', phone: '+43 660 2', marks: ['excused', undefined] },
      ],
    },
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
    const long = { ...sheet, sessions: weeks, groups: [{ sessions: weeks, rows: rows.map((r) => ({ ...r, marks: weeks.map(() => undefined) })) }] };

    // Act
    const pdf = await attendancePdf(long);

    // Assess
    expect(pages(pdf)).toBe(3);
  });

  it('names the week of each child in the CSV, with nothing under the other week’s days', () => {
    // Act
    const table = parse(attendanceCsv(careWeeks), { bom: true, delimiter: ';' });

    // Assess
    expect(table).toEqual([
      ['Kind', 'Gruppe', 'Erziehungsberechtigte', 'Telefon', '2026-07-06', '2026-07-07', '2026-07-13', '2026-07-14'],
      ['Zoë', 'Woche 1', 'Jürgen Müller', "'+43 660 1", 'anwesend', 'abwesend', '', ''],
      ['Zoë', 'Woche 2', 'Jürgen Müller', "'+43 660 1", '', '', '', ''],
      ['Ömer', 'Woche 2', 'Ayşe Öztürk', "'+43 660 2", '', '', 'entschuldigt', ''],
    ]);
  });

  it('prints each week on its own page, titled with the week, with that week’s days and children only', async () => {
    // Act
    const { pageTexts } = await pdfText(await attendancePdf(careWeeks));

    // Assess
    expect(pageTexts).toHaveLength(2);
    expect(pageTexts[0]).toEqual(expect.arrayContaining(['Anwesenheitsliste / Attendance: Ferienbetreuung – Woche 1', '2026-07-06', '2026-07-07', 'Zoë']));
    expect(pageTexts[0]).not.toContain('Ömer');
    expect(pageTexts[0]).not.toContain('2026-07-13');
    expect(pageTexts[1]).toEqual(
      expect.arrayContaining(['Anwesenheitsliste / Attendance: Ferienbetreuung – Woche 2', '2026-07-13', 'Zoë', 'Ömer', 'entschuldigt']),
    );
    expect(pageTexts[1]).not.toContain('2026-07-06');
  });
});
