import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of a PDF as a reader gets it, parsed by PDF.js: the text items of every page in
 * order (a cell's text is one item; PDF.js puts blank items between cells), all pages' and each
 * page's, and the page count. The names are embedded glyphs mapped back to Unicode by the font's
 * ToUnicode table, so this reads what a viewer shows and what search and copy find.
 */
export async function pdfText(pdf: Buffer): Promise<{ texts: string[]; pageTexts: string[][]; pages: number }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  const pageTexts: string[][] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const { items } = await (await doc.getPage(number)).getTextContent();
    pageTexts.push(items.flatMap((item) => ('str' in item && item.str.trim() ? [item.str] : [])));
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { texts: pageTexts.flat(), pageTexts, pages };
}
