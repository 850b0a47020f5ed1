import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WEB_DIST } from '../functions/api/local-server.js';

/**
 * What the calendar page makes a phone download first: the scripts, module preloads and
 * stylesheets its index.html names, each gzipped as a server would send it.
 */
export function measureInitialLoad(dist = WEB_DIST) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const files = [...new Set(assets)].map((asset) => {
    const bytes = readFileSync(join(dist, asset));
    return { asset, bytes: bytes.byteLength, gzipBytes: gzipSync(bytes, { level: 9 }).byteLength };
  });
  const sum = (kind: string) => files.filter((f) => f.asset.endsWith(kind)).reduce((n, f) => n + f.gzipBytes, 0);
  return { files, jsGzipBytes: sum('.js'), cssGzipBytes: sum('.css') };
}
