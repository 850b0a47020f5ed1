import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of a PDF as a reader gets it, parsed by PDF.js: the text items of every page in
 * order (a cell's text is one item; PDF.js puts blank items between cells) and the page count.
 * The names are embedded glyphs mapped back to Unicode by the font's ToUnicode table, so this
 * reads what a viewer shows and what search and copy find.
 */
export async function pdfText(pdf: Buffer): Promise<{ texts: string[]; pages: number }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  const texts: string[] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const { items } = await (await doc.getPage(number)).getTextContent();
    for (const item of items) if ('str' in item && item.str.trim()) texts.push(item.str);
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { texts, pages };
}
