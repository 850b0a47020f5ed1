import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

type ManifestChunk = { file: string; imports?: string[]; isEntry?: boolean };
type Manifest = Record<string, ManifestChunk>;

/** The page a visitor lands on; its lazy chunk is part of the first load. */
const CALENDAR_PAGE = 'src/pages/calendar/calendar-page.tsx';

/**
 * The JavaScript a browser loads for the calendar page, read from Vite's build manifest: the
 * entry, the calendar's lazy chunk and everything they import statically. Other pages and
 * chart.js are lazy and not counted. For `npm run bench` and the e2e budget test.
 */
export function calendarInitialJs(dist = 'web/dist') {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    chunk.imports?.forEach(visit);
  };
  visit('index.html');
  visit(CALENDAR_PAGE);
  const sizes = [...files].map((file) => {
    const content = readFileSync(join(dist, file));
    return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  return {
    files: sizes,
    bytes: sizes.reduce((n, s) => n + s.bytes, 0),
    gzipBytes: sizes.reduce((n, s) => n + s.gzipBytes, 0),
  };
}
