import { stringify } from 'csv-stringify/sync';

/**
 * A CSV German Excel opens right: a byte-order mark (else umlauts turn into mojibake) and `;`
 * between fields (Excel's German list separator; `,` is the decimal comma there).
 */
export const toExcelCsv = (header: string[], rows: (string | number)[][]): string =>
  stringify([header, ...rows], { bom: true, delimiter: ';', record_delimiter: 'windows' });
