import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runDraw } from '../../functions/domain/draw/run-draw.js';
import { snapshotOf } from '../support/draw-instances.js';

/** `npm run draw:replay`, run as a parent would: a file and the published randomness. */
const run = promisify(execFile);
const replay = (file: string, randomness: string) =>
  run(process.execPath, ['--import', 'tsx', 'functions/jobs/draw-replay.ts', file, randomness]).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

describe('draw:replay', () => {
  const dir = mkdtempSync(join(tmpdir(), 'draw-replay-'));
  const snapshot = snapshotOf({
    units: [{ key: 'kurs/a', seats: 1 }],
    families: [
      { id: 'famanna0', children: [{ id: 'kidanna0', wishes: ['kurs/a'] }] },
      { id: 'famben00', children: [{ id: 'kidben00', wishes: ['kurs/a'] }] },
    ],
  });

  it('prints the hashes the draw publishes and the fairness report', async () => {
    const file = join(dir, 'snapshot.json');
    writeFileSync(file, JSON.stringify(snapshot));
    const expected = runDraw(snapshot, '4-8-15');

    const { code, stdout } = await replay(file, '4-8-15');

    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^inputHash +${expected.inputHash}$`, 'm'));
    expect(stdout).toMatch(new RegExp(`^seed +${expected.seed}$`, 'm'));
    expect(stdout).toMatch(new RegExp(`^outputHash +${expected.outputHash}$`, 'm'));
    expect(stdout).toMatch(/^zeroPlaceShare +0\.5$/m);
  }, 60_000);

  it('names what is wrong with a file that is not a snapshot, and exits 1', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify({ ...snapshot, units: [{ ...snapshot.units[0], seats: -1 }] }));

    const { code, stderr } = await replay(file, '4-8-15');

    expect(code).toBe(1);
    expect(stderr).toContain('units.0.seats');
  }, 60_000);
});
