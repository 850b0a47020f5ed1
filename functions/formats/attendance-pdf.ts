import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { AttendanceSheet } from '../domain/attendance.js';
import { groupTable } from './attendance-list.js';

// pdfkit and its fonts weigh about 900 kB bundled, the two Arimo fonts another 850 kB: this
// module is served by its own Lambda (functions/api/exports-lambda.ts), so the API that
// families book through stays small.

/** The package the fonts come from: Google Fonts' Arimo as TrueType files (OFL-1.1). */
const FONT_PACKAGE = '@expo-google-fonts/arimo';

/**
 * The bytes of an Arimo file: a Unicode TrueType font (Latin Extended, Greek, Cyrillic, …), so
 * names such as "Łukasz Wiśniewski" or "Đorđe" print as written, which the standard Helvetica
 * (WinAnsi only) cannot. Arimo has Helvetica's (Arial's) widths, so the layout is unchanged.
 * In the Lambda bundle esbuild has inlined the file (loader '.ttf': 'binary' in
 * infra/constructs/bundling.ts) and the import yields its bytes; under tsx (npm start), which
 * cannot import a .ttf, and under vitest, which yields its URL, it is read from node_modules.
 * TTF, not WOFF: fontkit inflates a WOFF's glyph table anew for every glyph (seconds a list).
 */
async function fontBytes(file: string, load: () => Promise<{ default: Uint8Array | string }>): Promise<Uint8Array> {
  const loaded = await load().then(
    (module) => module.default,
    () => undefined,
  );
  return loaded instanceof Uint8Array ? loaded : readFileSync(createRequire(import.meta.url).resolve(`${FONT_PACKAGE}/${file}`));
}
let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;
const loadFonts = () =>
  (fonts ??= Promise.all([
    fontBytes('400Regular/Arimo_400Regular.ttf', () => import('@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf')),
    fontBytes('700Bold/Arimo_700Bold.ttf', () => import('@expo-google-fonts/arimo/700Bold/Arimo_700Bold.ttf')),
  ]).then(([regular, bold]) => ({ regular, bold })));
const REGULAR = 'Arimo';
const BOLD = 'Arimo-Bold';

/** Widths of the name, guardian and phone columns, and the narrowest a session column gets. */
const FIXED_WIDTHS = [100, 120, 90];
const MIN_SESSION_WIDTH = 44;
const ROW_HEIGHT = 20;
/** A cell's text keeps this far from its borders, left and right. */
const CELL_PADDING = 2;
/** The table's font size, and the smallest it shrinks to so that more sessions share a page. */
const FONT_SIZE = 9;
const MIN_FONT_SIZE = 7.5;

/**
 * How the session columns share the width `room`: the fewest pages on which every session's
 * day and mark fits its column whole (never cut), and on that many pages the largest font.
 * `widthAt(size)` is the widest text of a session column at that font size.
 */
function sessionLayout(room: number, sessionCount: number, widthAt: (fontSize: number) => number) {
  const sizes: number[] = [];
  for (let size = FONT_SIZE; size >= MIN_FONT_SIZE; size -= 0.5) sizes.push(size);
  const options = sizes.map((fontSize) => {
    const width = Math.max(MIN_SESSION_WIDTH, widthAt(fontSize) + 2 * CELL_PADDING);
    const perPage = Math.max(1, Math.floor(room / width));
    return { fontSize, perPage, pages: Math.ceil(Math.max(1, sessionCount) / perPage) };
  });
  const fewest = Math.min(...options.map((o) => o.pages));
  return options.find((o) => o.pages === fewest) ?? { fontSize: FONT_SIZE, perPage: 1, pages: sessionCount };
}

/**
 * The attendance list as a printable A4 landscape PDF, one table per unit, its session days as
 * columns with the marks so far and room to tick by hand. Sessions that do not fit the width continue on further
 * pages (names repeated), and the header repeats on every page. Text stays uncompressed: the
 * file is small and its names can be searched. All text is set in the embedded Arimo
 * (subset to the glyphs used), so every name prints as written, whatever its script.
 */
export async function attendancePdf(sheet: AttendanceSheet): Promise<Buffer> {
  const fontFiles = await loadFonts();
  // font '': no standard font at all. pdfkit loads those through a require() esbuild cannot bundle,
  // so the Lambda bundle has none of them; the text is set in the embedded fonts only.
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 36, compress: false, font: '' });
  doc.registerFont(REGULAR, fontFiles.regular);
  doc.registerFont(BOLD, fontFiles.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const left = doc.page.margins.left;
  const room = doc.page.width - left - doc.page.margins.right - FIXED_WIDTHS.reduce((a, b) => a + b, 0);
  const sessionCells = (cells: (string | number)[]) => cells.slice(FIXED_WIDTHS.length).map(String);
  const widest = (font: string, size: number, texts: string[]) => Math.max(0, ...texts.map((text) => doc.font(font).fontSize(size).widthOfString(text)));

  // One table per unit (week 1, week 2), each starting on a page of its own.
  for (const [g, group] of sheet.groups.entries()) {
    const { header, rows } = groupTable(group);
    const title = `Anwesenheitsliste / Attendance: ${sheet.title}${group.unitLabel ? ` – ${group.unitLabel}` : ''}`;
    const marks = [...new Set(rows.flatMap(sessionCells))];
    const { fontSize, perPage } = sessionLayout(room, group.sessions.length, (size) =>
      Math.max(widest(BOLD, size, sessionCells(header)), widest(REGULAR, size, marks)),
    );

    const drawRow = (cells: string[], widths: number[], bold: boolean) => {
      const y = doc.y;
      doc.font(bold ? BOLD : REGULAR).fontSize(fontSize);
      let x = left;
      cells.forEach((cell, i) => {
        const w = widths[i] ?? MIN_SESSION_WIDTH;
        doc.rect(x, y, w, ROW_HEIGHT).stroke();
        doc.text(cell, x + CELL_PADDING, y + 6, { width: w - 2 * CELL_PADDING, height: ROW_HEIGHT - 6, lineBreak: false, ellipsis: true });
        x += w;
      });
      doc.x = left;
      doc.y = y + ROW_HEIGHT;
    };

    for (let first = 0; first < Math.max(1, group.sessions.length); first += perPage) {
      const columns = [0, 1, 2, ...Array.from({ length: Math.min(perPage, group.sessions.length - first) }, (_, i) => 3 + first + i)];
      const sessionWidth = Math.max(MIN_SESSION_WIDTH, room / Math.max(1, columns.length - 3));
      const widths = columns.map((c) => FIXED_WIDTHS[c] ?? sessionWidth);
      const pick = (cells: string[]) => columns.map((c) => cells[c] ?? '');
      const startPage = () => {
        doc.font(BOLD).fontSize(14).text(title);
        doc.moveDown();
        drawRow(pick(header), widths, true);
      };
      if (g > 0 || first > 0) doc.addPage();
      startPage();
      for (const row of rows) {
        if (doc.y + ROW_HEIGHT > doc.page.height - doc.page.margins.bottom) {
          doc.addPage();
          startPage();
        }
        drawRow(pick(row.map(String)), widths, false);
      }
    }
  }
  doc.end();
  return done;
}
