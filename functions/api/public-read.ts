import type { Context } from 'hono';
import { cors } from 'hono/cors';
import { etag, RETAINED_304_HEADERS } from 'hono/etag';
import { createMiddleware } from 'hono/factory';
import type { Env } from './context.js';

/**
 * The public GET routes an app or another website may read, and for how many seconds an answer
 * may be reused without asking again. Places change with every booking, so nothing is reused
 * long: the lists a minute, the region's settings and the feeds five minutes (calendar apps poll
 * hourly at most anyway). One offer not at all: its page is what a family books against and
 * what the web app reads again right after a booking, so it is revalidated every time, which
 * the ETag makes a cheap 304.
 */
const PUBLIC_READS: Record<string, number> = {
  '/api/region': 300,
  '/api/municipalities': 300,
  '/api/offers': 60,
  '/api/offers/:offerId': 0,
  '/api/calendar.ics': 300,
  '/api/programmes': 60,
  '/api/programmes/:id': 60,
  '/api/open-data/offers.json': 300,
};

const patterns = Object.entries(PUBLIC_READS).map(([path, maxAge]) => ({
  pattern: new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/:\w+/g, '[^/]+')}$`),
  maxAge,
}));

/** Seconds an answer to `path` may be reused; undefined: not a public read. */
const publicMaxAge = (path: string) => patterns.find((p) => p.pattern.test(path))?.maxAge;

/**
 * Any origin, never with credentials: the answers are the same for everyone, so a cookie adds
 * nothing and a browser never sends one with `*`. The origin does not change the answer, so no
 * `Vary: Origin`; the preflight's allowed headers are fixed, so no `Vary` on it either. Apps may
 * read the ETag and send it back.
 */
const anyOrigin = cors({
  origin: '*',
  allowMethods: ['GET', 'HEAD'],
  allowHeaders: ['If-None-Match', 'Accept-Language'],
  exposeHeaders: ['ETag'],
  maxAge: 86400,
});

/**
 * Weak: the tag is a hash of the body, but a layer that compresses on the way (CloudFront, should
 * the behaviour ever allow it) changes the bytes, not the meaning; `If-None-Match` compares
 * weakly anyway. A 304 keeps the CORS headers, so an app that sent the tag itself may read it.
 */
const bodyTag = etag({ weak: true, retainedHeaders: [...RETAINED_304_HEADERS, 'access-control-allow-origin', 'access-control-expose-headers'] });

function setCacheControl(c: Context<Env>, maxAge: number) {
  if (!c.res.ok) {
    // A problem is about this one request (its language, the moment); nobody keeps it.
    c.res.headers.set('Cache-Control', 'no-store');
  } else if (c.res.headers.has('Set-Cookie')) {
    // A signed-in visitor's session renewal rides on this answer: no shared cache may keep it.
    c.res.headers.set('Cache-Control', 'private, no-store');
  } else if (!c.res.headers.has('Cache-Control')) {
    c.res.headers.set('Cache-Control', maxAge === 0 ? 'public, no-cache' : `public, max-age=${maxAge}`);
  }
}

/**
 * Makes the public reads usable by apps and other websites: CORS for any origin (preflight
 * included), an ETag with `If-None-Match` → 304, and a short `Cache-Control`. Every other route,
 * above all those that read the session cookie, passes untouched.
 */
export const publicRead = createMiddleware<Env>(async (c, next) => {
  const maxAge = publicMaxAge(c.req.path);
  if (maxAge === undefined || !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) return next();
  return anyOrigin(c, async () => {
    await bodyTag(c, async () => {
      await next();
      setCacheControl(c, maxAge);
    });
  });
});
