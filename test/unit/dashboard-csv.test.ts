import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { dashboardCsv } from '../../functions/formats/dashboard-csv.js';
import type { Dashboard } from '../../shared/schemas/dashboard.js';

const dashboard: Dashboard = {
  scope: { municipality: '*', from: '2026-07-01', to: '2026-08-31' },
  totals: { offers: 4, places: 60, confirmed: 45, waiting: '<3', fillRate: 0.75, children: 40, families: 31, attendanceRate: 0.875 },
  byCategory: [{ category: 'bewegung', offers: 2, places: 30, confirmed: 21, waiting: 5, fillRate: 0.7 }],
  byAgeBand: [{ band: '6-9', confirmed: 12, waiting: '<3' }],
  byResidence: [{ residence: 'other', children: 3, families: '<3' }],
  matrix: [{ residence: 'lindach', location: 'kirchau', children: 7 }],
  weekly: [{ week: '2026-07-06', offers: 1, places: 10, confirmed: 9, waiting: 0, fillRate: 0.9 }],
};

/** The CSV read the way German Excel opens it: UTF-8 with BOM, semicolon-separated. */
const asGermanExcel = (csv: string) => parse(csv, { bom: true, delimiter: ';', record_delimiter: '\r\n' }) as string[][];
/** A cell as German Excel reads a number: digits with an optional decimal comma, no dot. */
const GERMAN_NUMBER = /^\d+(,\d+)?$/;

describe('dashboard CSV', () => {
  it('has German headers, areas and figures', () => {
    // Act
    const [header, ...rows] = asGermanExcel(dashboardCsv(dashboard));

    // Assess
    expect(header).toEqual(['Bereich', 'Merkmal', 'Angebotsort', 'Kennzahl', 'Wert']);
    expect(rows).toContainEqual(['Gesamt', '', '', 'Plätze', '60']);
    expect(rows).toContainEqual(['Gesamt', '', '', 'Warteliste', '<3']);
    expect(rows).toContainEqual(['Kategorie', 'bewegung', '', 'Buchungen', '21']);
    expect(rows).toContainEqual(['Altersgruppe', '6–9 Jahre', '', 'Buchungen', '12']);
    expect(rows).toContainEqual(['Wohnort', 'außerhalb / unbekannt', '', 'Kinder erreicht', '3']);
    expect(rows).toContainEqual(['Wohnort × Angebotsort', 'lindach', 'kirchau', 'Kinder erreicht', '7']);
    expect(rows).toContainEqual(['Woche', '2026-07-06', '', 'Auslastung', '0,9']);
    const english = ['totals', 'category', 'ageBand', 'residence', 'matrix', 'week', 'places', 'confirmed', 'waiting', 'fillRate', 'children', 'families'];
    for (const row of rows) for (const cell of row) expect(english, `cell ${cell}`).not.toContain(cell);
  });

  it('writes rates with a decimal comma, so German Excel reads every figure as a number', () => {
    // Act
    const [, ...rows] = asGermanExcel(dashboardCsv(dashboard));

    // Assess
    expect(rows).toContainEqual(['Gesamt', '', '', 'Auslastung', '0,75']);
    expect(rows).toContainEqual(['Gesamt', '', '', 'Anwesenheit', '0,875']);
    for (const [, , , figure, value] of rows) {
      expect(value === '<3' || GERMAN_NUMBER.test(value ?? ''), `${figure}: ${value}`).toBe(true);
    }
  });

  it('leaves a rate without any mark empty', () => {
    // Act
    const [, ...rows] = asGermanExcel(dashboardCsv({ ...dashboard, totals: { ...dashboard.totals, attendanceRate: null } }));

    // Assess
    expect(rows).toContainEqual(['Gesamt', '', '', 'Anwesenheit', '']);
  });
});
