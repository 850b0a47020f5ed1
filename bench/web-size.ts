import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WEB_DIST } from '../functions/api/local-server.js';
import { calendarInitialJs } from '../test/e2e/bundle-size.js';

/**
 * What the calendar page makes a phone download first, gzipped as a server would send it:
 * the JavaScript of the entry and the calendar's lazy chunk (Vite's manifest, the same figure
 * the e2e budget test checks) and the stylesheets index.html names.
 */
export function measureInitialLoad(dist = WEB_DIST) {
  const js = calendarInitialJs(dist);
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const css = [...html.matchAll(/href="(\/assets\/[^"]+\.css)"/g)].map((m) => gzipSync(readFileSync(join(dist, m[1]!)), { level: 9 }).byteLength);
  return { jsGzipBytes: js.gzipBytes, jsFiles: js.files.length, cssGzipBytes: css.reduce((a, b) => a + b, 0) };
}
