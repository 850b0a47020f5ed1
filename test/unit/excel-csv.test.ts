import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toExcelCsv } from '../../functions/formats/excel-csv.js';

describe('the Excel CSV', () => {
  it('shows a name a spreadsheet would run as a formula as text, with a leading quote', () => {
    // Act
    const csv = toExcelCsv(['Name'], [['=HYPERLINK("https://evil.example","x")'], ['+1'], ['-2'], ['@SUM(A1)'], ['\tTab'], ['\rCR']]);

    // Assess
    const cells = parse(csv, { bom: true, delimiter: ';', relax_quotes: true })
      .slice(1)
      .map((row: string[]) => row[0]);
    expect(cells).toEqual(['\'=HYPERLINK("https://evil.example","x")', "'+1", "'-2", "'@SUM(A1)", "'\tTab", "'\rCR"]);
  });

  it('leaves ordinary names and numbers as they are', () => {
    // Act
    const csv = toExcelCsv(['Name', 'Alter'], [['Anna-Lena', -3]]);

    // Assess
    expect(parse(csv, { bom: true, delimiter: ';' })[1]).toEqual(['Anna-Lena', '-3']);
  });
});
