import { describe, expect, it } from 'vitest';
import type { AttendanceSheet } from '../../functions/domain/attendance.js';
import { attendancePdf } from '../../functions/formats/attendance-pdf.js';

/**
 * The text of every cell pdfkit wrote, in order: one string per text object (`BT … ET`), its
 * hex strings joined (kerning splits them) and read as WinAnsi, where 0x85 is the ellipsis a
 * cut-off text ends in. The PDF is written uncompressed, so its text can be read this way.
 */
function cellTexts(pdf: Buffer): string[] {
  const content = pdf.toString('latin1');
  return [...content.matchAll(/BT([\s\S]*?)ET/g)].map(([, block]) =>
    [...(block ?? '').matchAll(/<([0-9a-f]*)>/gi)].map(([, hex]) => Buffer.from(hex ?? '', 'hex').toString('latin1')).join(''),
  );
}
const ELLIPSIS = '\x85';
/** How many pages a PDF has. */
const pages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length;

/** A course of `count` weekly dates with two children, one excused on every date. */
function course(count: number): AttendanceSheet {
  const sessions = Array.from({ length: count }, (_, i) => ({ id: `s${i}`, day: new Date(Date.UTC(2026, 8, 7 + 7 * i)).toISOString().slice(0, 10) }));
  return {
    title: 'Schwimmkurs für Anfänger*innen',
    sessions,
    rows: [
      { child: 'Zoë', guardian: 'Jürgen Müller', phone: '+43 660 1234567', marks: sessions.map(() => 'excused' as const) },
      { child: 'Ömer', guardian: 'Ayşe Öztürk', phone: '+43 660 7654321', marks: sessions.map(() => undefined) },
    ],
  };
}

describe('attendance PDF layout', () => {
  it('prints every date header of a 10-date course whole, on one page', async () => {
    // Prepare
    const sheet = course(10);

    // Act
    const pdf = await attendancePdf(sheet);

    // Assess
    const texts = cellTexts(pdf);
    for (const { day } of sheet.sessions) expect(texts, day).toContain(day);
    expect(texts.filter((t) => t.includes(ELLIPSIS))).toEqual([]);
    expect(texts.filter((t) => t === 'entschuldigt')).toHaveLength(10);
    expect(pages(pdf)).toBe(1);
  });

  it('prints every date whole when a long course continues on further pages', async () => {
    // Prepare
    const sheet = course(25);

    // Act
    const pdf = await attendancePdf(sheet);

    // Assess
    const texts = cellTexts(pdf);
    for (const { day } of sheet.sessions) expect(texts, day).toContain(day);
    expect(texts.filter((t) => t.includes(ELLIPSIS))).toEqual([]);
    expect(pages(pdf)).toBe(3);
  });
});
