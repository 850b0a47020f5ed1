import type { Dashboard } from '../../shared/schemas/dashboard.js';
import { toExcelCsv } from './excel-csv.js';

/** The dashboard as one long CSV table: section, key, second key, figure, value. */
export function dashboardCsv(d: Dashboard): string {
  const rows: (string | number)[][] = [];
  const add = (section: string, key: string, key2: string, values: Record<string, unknown>) => {
    for (const [name, value] of Object.entries(values)) rows.push([section, key, key2, name, value === null ? '' : String(value)]);
  };
  const { scope: _scope, totals, byCategory, byAgeBand, byResidence, matrix, weekly } = d;
  add('totals', '', '', totals);
  for (const { category, ...v } of byCategory) add('category', category, '', v);
  for (const { band, ...v } of byAgeBand) add('ageBand', band, '', v);
  for (const { residence, ...v } of byResidence) add('residence', residence, '', v);
  for (const { residence, location, ...v } of matrix) add('matrix', residence, location, v);
  for (const { week, ...v } of weekly) add('week', week, '', v);
  return toExcelCsv(['section', 'key', 'key2', 'figure', 'value'], rows);
}
