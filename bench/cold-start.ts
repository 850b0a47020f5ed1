import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { measureBundleSizes } from '../infra/bundle-sizes.js';
import { round } from './meter.js';

/** What a Lambda's environment holds, so each bundle initialises as in the cloud (no AWS call is made). */
const lambdaEnv = {
  APP_MODE: 'cloud',
  TABLE_NAME: 'regiokurs-bench',
  AWS_REGION: 'eu-central-1',
  TIME_ZONE: 'Europe/Vienna',
  SESSION_SECRET: 'x'.repeat(64),
  MAIL_FROM: 'noreply@regiokurs.example',
  PUBLIC_URL: 'https://regiokurs.example',
};

/**
 * A first request that needs no AWS call, for the bundles that build their runtime on it (the
 * secrets extension answers only then): the web app's session check without a cookie, an empty
 * stream batch. The scheduled function builds its runtime inside the sweep, which needs the table.
 */
const firstRequest: Record<string, unknown> = {
  api: { version: '2.0', rawPath: '/api/auth/session', rawQueryString: '', headers: {}, requestContext: { http: { method: 'GET' } }, isBase64Encoded: false },
  exports: {
    version: '2.0',
    rawPath: '/api/auth/session',
    rawQueryString: '',
    headers: {},
    requestContext: { http: { method: 'GET' } },
    isBase64Encoded: false,
  },
  stream: { Records: [] },
};

/** Milliseconds to import `file` in a fresh Node process and answer its first request, if it has one here. */
function timeColdStart(name: string, file: string): number {
  const event = firstRequest[name];
  const call = event === undefined ? '' : `await m.handler(${JSON.stringify(event)});`;
  const script = `const t = performance.now(); const m = await import(${JSON.stringify(pathToFileURL(file).href)}); ${call} process.stdout.write(String(performance.now() - t));`;
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH, ...lambdaEnv },
    encoding: 'utf8',
  });
  if (out.status !== 0) throw new Error(`starting ${file} failed:\n${out.stderr.slice(-2000)}`);
  return Number(out.stdout);
}

/** Each Lambda bundle's minified size and the median of `runs` cold imports. */
export async function measureColdStarts(runs = 5) {
  const bundles = await measureBundleSizes(mkdtempSync(join(tmpdir(), 'rk-bundles-')));
  return bundles.map(({ name, bytes, file }) => {
    const times = Array.from({ length: runs }, () => timeColdStart(name, file)).sort((a, b) => a - b);
    return { name, kB: round(bytes / 1024), initMsMedian: round(times[Math.floor(runs / 2)]!) };
  });
}
