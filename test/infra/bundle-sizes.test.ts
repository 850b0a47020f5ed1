import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_BUDGET_BYTES, measureBundleSizes, type BundleSize } from '../../infra/bundle-sizes.js';
import { lambdaEntries } from '../../infra/constructs/bundling.js';

let sizes: BundleSize[];
beforeAll(async () => {
  sizes = await measureBundleSizes();
}, 60_000);

describe('Lambda bundle sizes', () => {
  it('measures every entry the stacks deploy', () => {
    expect(sizes.map((s) => s.name).sort()).toEqual(Object.keys(lambdaEntries).sort());
  });

  it.each(Object.keys(lambdaEntries))('%s stays under 300 kB minified', (name) => {
    const size = sizes.find((s) => s.name === name);
    expect(size?.bytes, `${name}: ${Math.round((size?.bytes ?? 0) / 1024)} kB`).toBeLessThan(BUNDLE_BUDGET_BYTES);
  });
});
