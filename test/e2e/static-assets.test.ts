import { readFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { WEB_CACHE_CONTROL, WEB_DIST } from '../../functions/api/local-server.js';
import { baseUrl } from './browser';

type Answer = { status: number; headers: IncomingHttpHeaders; body: Buffer };

/** A GET through node:http, which (unlike fetch) sends no Accept-Encoding of its own and hands the bytes over as they came. */
const fetchRaw = (path: string, headers: Record<string, string> = {}) =>
  new Promise<Answer>((resolve, reject) => {
    get(`${baseUrl()}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });

/** The entry script index.html names: hashed, and large enough to be worth compressing. */
const entryScript = () => {
  const src = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(readFileSync(join(WEB_DIST, 'index.html'), 'utf8'))?.[1];
  if (!src) throw new Error(`${WEB_DIST}/index.html names no entry script`);
  return { path: src, bytes: readFileSync(join(WEB_DIST, src)) };
};

/** Chromium's own Accept-Encoding. */
const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd';

/** The local server serves the web app as CloudFront does: text compressed, hashed files kept a year, the shell asked for again. */
describe('the built web app over HTTP', () => {
  it('sends a hashed script gzipped to a browser that accepts it, kept for a year, and its bytes unchanged', async () => {
    // Prepare
    const script = entryScript();

    // Act
    const answer = await fetchRaw(script.path, { 'Accept-Encoding': BROWSER_ENCODINGS });

    // Assess
    expect({ status: answer.status, encoding: answer.headers['content-encoding'], cache: answer.headers['cache-control'] }).toEqual({
      status: 200,
      encoding: 'gzip',
      cache: WEB_CACHE_CONTROL.hashed,
    });
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(answer.body.length).toBeLessThan(script.bytes.length / 2);
    expect(gunzipSync(answer.body).equals(script.bytes)).toBe(true);
  });

  it('sends the script as it is to a client that accepts no encoding', async () => {
    // Prepare
    const script = entryScript();

    // Act
    const answer = await fetchRaw(script.path);

    // Assess
    expect({ status: answer.status, encoding: answer.headers['content-encoding'], cache: answer.headers['cache-control'] }).toEqual({
      status: 200,
      encoding: undefined,
      cache: WEB_CACHE_CONTROL.hashed,
    });
    expect(answer.body.equals(script.bytes)).toBe(true);
  });

  it.each([
    ['/index.html', 200],
    ['/', 200],
    ['/offers/kinderturnen-kirchau', 200],
    ['/no-such-page', 404],
    ['/favicon.svg', 200],
    ['/assets/no-such-file.js', 404],
  ])('%s answers %i, to be asked for again every time', async (path, status) => {
    // Act
    const answer = await fetchRaw(path, { 'Accept-Encoding': BROWSER_ENCODINGS });

    // Assess
    expect({ status: answer.status, cache: answer.headers['cache-control'] }).toEqual({ status, cache: WEB_CACHE_CONTROL.unhashed });
  });

  it('leaves the API uncompressed, as CloudFront passes it through uncached', async () => {
    // Act
    const answer = await fetchRaw('/api/offers?limit=20', { 'Accept-Encoding': BROWSER_ENCODINGS });

    // Assess
    expect({ status: answer.status, encoding: answer.headers['content-encoding'] }).toEqual({ status: 200, encoding: undefined });
  });
});
