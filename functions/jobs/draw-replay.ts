import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { drawSnapshotSchema } from '../../shared/schemas/draw-snapshot.js';
import type { FairnessReport } from '../../shared/schemas/programme.js';
import { runDraw } from '../domain/draw/run-draw.js';

/**
 * `npm run draw:replay <snapshot.json> <randomness>`: re-runs a draw from its stored snapshot and
 * the published randomness, so that anyone can compare the hashes with the programme page.
 * A file that is not a snapshot stops with a message naming what is wrong, exit code 1.
 */
const { positionals } = parseArgs({ allowPositionals: true, options: {} });
const [file, randomness] = positionals;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (!file || randomness === undefined || positionals.length !== 2) fail('Aufruf / usage: npm run draw:replay <snapshot.json> <randomness>');

let json: unknown;
try {
  json = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  fail(`${file}: ${error instanceof Error ? error.message : String(error)}`);
}
const parsed = drawSnapshotSchema.safeParse(json);
if (!parsed.success) {
  const issues = parsed.error.issues.map((i) => `  ${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`);
  fail(`${file} is not a draw snapshot:\n${issues.join('\n')}`);
}

let outcome;
try {
  outcome = runDraw(parsed.data, randomness);
} catch (error) {
  fail(`${file}: ${error instanceof Error ? error.message : String(error)}`);
}

const line = (label: string, value: unknown) =>
  console.log(`${label.padEnd(24)} ${typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`);
const printReport = (report: FairnessReport) => {
  const { groups, ...figures } = report;
  for (const [key, value] of Object.entries(figures)) line(key, value);
  console.log(`groups${''.padEnd(24)}${['children', 'zero', 'mean', 'first', 'top3'].map((h) => h.padStart(8)).join('')}`);
  for (const g of groups) {
    const cells = [g.children, g.zeroPlaceShare, g.meanPlaces, g.firstWishShare, g.topThreeShare].map((v) => String(v ?? '–').padStart(8));
    console.log(`  ${`${g.dimension}=${g.value}`.padEnd(28)}${cells.join('')}`);
  }
};

line('algorithm', outcome.algorithm);
line('inputHash', outcome.inputHash);
line('randomness', JSON.stringify(outcome.randomness));
line('seed', outcome.seed);
line('outputHash', outcome.outputHash);
line('tickets', outcome.ticketCount);
printReport(outcome.report);
