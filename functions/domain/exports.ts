import { stringify } from 'csv-stringify/sync';
import PDFDocument from 'pdfkit';
import type { AttendanceMark } from '../../shared/schemas/provider.js';
import type { AttendanceSheet } from './attendance.js';

/** How a mark reads on a German list. */
const markLabel: Record<AttendanceMark, string> = { present: 'anwesend', absent: 'abwesend', excused: 'entschuldigt' };

/**
 * A CSV German Excel opens right: a byte-order mark (else umlauts turn into mojibake) and `;`
 * between fields (Excel's German list separator; `,` is the decimal comma there).
 */
export const toExcelCsv = (header: string[], rows: (string | number)[][]): string =>
  stringify([header, ...rows], { bom: true, delimiter: ';', record_delimiter: 'windows' });

const sheetHeader = (sheet: AttendanceSheet) => ['Kind', 'Erziehungsberechtigte', 'Telefon', ...sheet.sessions.map((s) => s.day)];
const sheetRows = (sheet: AttendanceSheet) =>
  sheet.rows.map((r) => [r.child, r.guardian, r.phone, ...r.marks.map((m) => (m ? markLabel[m] : ''))]);

/** The attendance list as CSV: child, guardian, phone, then one column per session day. */
export const attendanceCsv = (sheet: AttendanceSheet): string => toExcelCsv(sheetHeader(sheet), sheetRows(sheet));

/**
 * The attendance list as a printable A4 landscape PDF, session days as columns and empty cells
 * to tick by hand. Text stays uncompressed: the file is small and its names can be searched.
 * The standard Helvetica covers WinAnsi (German umlauts and ß); other scripts need an embedded font.
 */
export function attendancePdf(sheet: AttendanceSheet): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 36, compress: false });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const header = sheetHeader(sheet);
  const fixed = [110, 130, 100];
  const left = doc.page.margins.left;
  const usable = doc.page.width - left - doc.page.margins.right;
  const rest = Math.max(40, (usable - fixed.reduce((a, b) => a + b, 0)) / Math.max(1, sheet.sessions.length));
  const widths = header.map((_, i) => fixed[i] ?? rest);
  const rowHeight = 20;

  const drawRow = (cells: string[], bold: boolean) => {
    if (doc.y + rowHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    let x = left;
    cells.forEach((cell, i) => {
      const w = widths[i] ?? rest;
      doc.rect(x, y, w, rowHeight).stroke();
      doc.text(cell, x + 3, y + 6, { width: w - 6, height: rowHeight - 6, lineBreak: false, ellipsis: true });
      x += w;
    });
    doc.x = left;
    doc.y = y + rowHeight;
  };

  doc.font('Helvetica-Bold').fontSize(14).text(`Anwesenheitsliste / Attendance: ${sheet.title}`);
  doc.moveDown();
  drawRow(header, true);
  for (const row of sheetRows(sheet)) drawRow(row.map(String), false);
  doc.end();
  return done;
}
