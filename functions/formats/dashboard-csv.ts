import { OTHER_RESIDENCE, type Dashboard } from '../../shared/schemas/dashboard.js';
import { toExcelCsv } from './excel-csv.js';

/** The column headers, in German: the CSV is for coordinators opening it in German Excel. */
const HEADER = ['Bereich', 'Merkmal', 'Angebotsort', 'Kennzahl', 'Wert'];

const SECTIONS = {
  totals: 'Gesamt',
  category: 'Kategorie',
  ageBand: 'Altersgruppe',
  residence: 'Wohnort',
  matrix: 'Wohnort × Angebotsort',
  week: 'Woche',
} as const;

/** The figures as the dashboard page names them (web/src/i18n/catalog.ts, `dashboard`). */
const FIGURES: Record<string, string> = {
  offers: 'Angebote',
  places: 'Plätze',
  confirmed: 'Buchungen',
  waiting: 'Warteliste',
  fillRate: 'Auslastung',
  attendanceRate: 'Anwesenheit',
  children: 'Kinder erreicht',
  families: 'Familien erreicht',
};

/** A value as German Excel reads it: decimal comma, "<3" and empty (no figure yet) as they are. */
const excelValue = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'number' ? String(value).replace('.', ',') : String(value);

const residenceName = (residence: string) => (residence === OTHER_RESIDENCE ? 'außerhalb / unbekannt' : residence);
/** "6–9 Jahre", not "6-9", which Excel would turn into a date. */
const bandName = (band: string) => `${band.replace('-', '–')} Jahre`;

/** The dashboard as one long CSV table: area, key, location (for the matrix), figure, value. */
export function dashboardCsv(d: Dashboard): string {
  const rows: string[][] = [];
  const add = (section: keyof typeof SECTIONS, key: string, key2: string, values: Record<string, unknown>) => {
    for (const [name, value] of Object.entries(values)) rows.push([SECTIONS[section], key, key2, FIGURES[name] ?? name, excelValue(value)]);
  };
  const { scope: _scope, totals, byCategory, byAgeBand, byResidence, matrix, weekly } = d;
  add('totals', '', '', totals);
  for (const { category, ...v } of byCategory) add('category', category, '', v);
  for (const { band, ...v } of byAgeBand) add('ageBand', bandName(band), '', v);
  for (const { residence, ...v } of byResidence) add('residence', residenceName(residence), '', v);
  for (const { residence, location, ...v } of matrix) add('matrix', residenceName(residence), location, v);
  for (const { week, ...v } of weekly) add('week', week, '', v);
  return toExcelCsv(HEADER, rows);
}
