import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_BUDGETS_KB, measureBundleSizes, type BundleSize } from '../../infra/bundle-sizes.js';
import { lambdaEntries } from '../../infra/constructs/bundling.js';

let sizes: BundleSize[];
beforeAll(async () => {
  sizes = await measureBundleSizes(mkdtempSync(join(tmpdir(), 'bundles-')));
});

describe('Lambda bundle sizes', () => {
  it('measures every entry the stacks deploy', () => {
    expect(sizes.map((s) => s.name).sort()).toEqual(Object.keys(lambdaEntries).sort());
  });

  it.each(Object.entries(BUNDLE_BUDGETS_KB))('%s stays under %i kB minified', (name, budgetKb) => {
    const size = sizes.find((s) => s.name === name);
    expect(size?.bytes, `${name}: ${Math.round((size?.bytes ?? 0) / 1024)} kB`).toBeLessThan(budgetKb * 1024);
  });

  it('keeps the PDF library out of the API that bookings go through', () => {
    const api = sizes.find((s) => s.name === 'api')!;
    const exports = sizes.find((s) => s.name === 'exports')!;
    expect(exports.bytes - api.bytes).toBeGreaterThan(500 * 1024);
  });

  it('takes credentials from the environment only: no profile, SSO, process or web-identity code in any bundle', () => {
    for (const { name, file } of sizes) {
      const code = readFileSync(file, 'utf8');
      expect(
        ['credential_process', 'sso_session', 'web_identity_token_file'].filter((marker) => code.includes(marker)),
        name,
      ).toEqual([]);
    }
  });
});
