import { describe, expect, it } from 'vitest';
import type { AttendanceSheet } from '../../functions/domain/attendance.js';
import { attendancePdf } from '../../functions/formats/attendance-pdf.js';
import { pdfText } from '../support/pdf-text.js';

const ELLIPSIS = '\u2026';

/** A course of `count` weekly dates with two children, one excused on every date. */
function course(count: number): AttendanceSheet {
  const sessions = Array.from({ length: count }, (_, i) => ({ id: `s${i}`, day: new Date(Date.UTC(2026, 8, 7 + 7 * i)).toISOString().slice(0, 10) }));
  const rows = [
    { child: 'Zoë', guardian: 'Jürgen Müller', phone: '+43 660 1234567', marks: sessions.map(() => 'excused' as const) },
    { child: 'Ömer', guardian: 'Ayşe Öztürk', phone: '+43 660 7654321', marks: sessions.map(() => undefined) },
  ];
  return { title: 'Schwimmkurs für Anfänger*innen', sessions, groups: [{ sessions, rows }] };
}

describe('attendance PDF layout', () => {
  it('prints every date header of a 10-date course whole, on one page', async () => {
    // Prepare
    const sheet = course(10);

    // Act
    const { texts, pages } = await pdfText(await attendancePdf(sheet));

    // Assess
    for (const { day } of sheet.sessions) expect(texts, day).toContain(day);
    expect(texts.filter((t) => t.includes(ELLIPSIS))).toEqual([]);
    expect(texts.filter((t) => t === 'entschuldigt')).toHaveLength(10);
    expect(pages).toBe(1);
  });

  it('prints every date whole when a long course continues on further pages', async () => {
    // Prepare
    const sheet = course(25);

    // Act
    const { texts, pages } = await pdfText(await attendancePdf(sheet));

    // Assess
    for (const { day } of sheet.sessions) expect(texts, day).toContain(day);
    expect(texts.filter((t) => t.includes(ELLIPSIS))).toEqual([]);
    expect(pages).toBe(3);
  });
});

describe('attendance PDF names', () => {
  it('prints names outside WinAnsi exactly as written', async () => {
    // Prepare: letters Helvetica's WinAnsi lacks (ğ, Ł, ś, Đ, đ) beside ones it has (Ç, Ö, ü, ë).
    const sessions = [{ id: 's1', day: '2026-09-07' }];
    const rows: AttendanceSheet['groups'][number]['rows'] = [
      { child: 'Çağla Öztürk', guardian: 'Zoë Öztürk', phone: '+43 660 1234567', marks: ['present'] },
      { child: 'Łukasz Wiśniewski', guardian: 'Đorđe Wiśniewski', phone: '+43 660 7654321', marks: [undefined] },
    ];
    const sheet: AttendanceSheet = { title: 'Schwimmkurs Çağla', sessions, groups: [{ sessions, rows }] };

    // Act
    const pdf = await attendancePdf(sheet);
    const { texts } = await pdfText(pdf);

    // Assess
    expect(texts).toContain('Çağla Öztürk');
    expect(texts).toContain('Łukasz Wiśniewski');
    expect(texts).toContain('Đorđe Wiśniewski');
    expect(texts).toContain('Anwesenheitsliste / Attendance: Schwimmkurs Çağla');
    // Only the embedded fonts: a standard one (Helvetica) is not in the Lambda bundle.
    expect([...pdf.toString('latin1').matchAll(/\/BaseFont \/\w+\+([\w-]+)/g)].map(([, name]) => name).sort()).toEqual([
      'Arimo-Bold',
      'Arimo-Bold',
      'Arimo-Regular',
      'Arimo-Regular',
    ]);
    expect(pdf.toString('latin1')).not.toContain('/Helvetica');
  });
});
