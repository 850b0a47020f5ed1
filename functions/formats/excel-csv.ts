import { stringify } from 'csv-stringify/sync';

/** Characters with which Excel and LibreOffice start a formula (OWASP "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell a spreadsheet shows as text: a name like `=HYPERLINK(…)` a family typed in would
 * otherwise run as a formula on the provider's computer, so it gets a leading `'`. Numbers stay numbers.
 */
const asInertCell = (cell: string | number): string | number => (typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell);

/**
 * A CSV German Excel opens right: a byte-order mark (else umlauts turn into mojibake) and `;`
 * between fields (Excel's German list separator; `,` is the decimal comma there).
 */
export const toExcelCsv = (header: string[], rows: (string | number)[][]): string =>
  stringify(
    [header, ...rows].map((row) => row.map(asInertCell)),
    { bom: true, delimiter: ';', record_delimiter: 'windows' },
  );
