import { defineConfig } from 'vitest/config';

// The SDK warns on every process that Node 20 will lose support in 2027; the Lambdas run
// Node 22, and this machine's Node 20 is known. Silenced for tests only, where it is noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * Time limits for the slowest machine CI may run on (4× slower than a developer's, two busy
 * cores), not for this one: a limit is a guard against a hang, never a check of speed. The
 * tests' work is bounded by counts (families, requests, attempts), not by time.
 */
const SLOW_MACHINE_MS = 10 * 60_000;

/** One run, four tiers: pure unit tests, DynamoDB Local integration, infrastructure, browser. */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'int',
          include: ['test/int/**/*.test.ts'],
          globalSetup: ['test/support/dynamo-global-setup.ts'],
          // After each file: every table action its tests sent is one some function is granted.
          setupFiles: ['test/support/table-calls-setup.ts'],
          testTimeout: SLOW_MACHINE_MS,
          hookTimeout: SLOW_MACHINE_MS,
        },
      },
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: SLOW_MACHINE_MS, hookTimeout: SLOW_MACHINE_MS } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/server-global-setup.ts'],
          testTimeout: SLOW_MACHINE_MS,
          hookTimeout: SLOW_MACHINE_MS,
          fileParallelism: false,
        },
      },
    ],
  },
});
