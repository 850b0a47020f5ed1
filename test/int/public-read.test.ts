import { beforeAll, describe, expect, it } from 'vitest';
import { API_CONTRACT } from '../../shared/api-contract.js';
import { book, createFamily } from '../support/booking.js';
import { createTestContext } from '../support/context.js';
import { createOffer } from '../support/offers.js';
import { seedRegionConfig } from '../support/provider.js';
import { createUser } from '../support/users.js';

const ORIGIN = 'https://app.gemeinde.example';

/**
 * The public reads as an app on another origin sees them (functions/api/public-read.ts): CORS for
 * anyone, ETag with 304, short Cache-Control; and the family routes without any of it.
 */
describe('public read API for apps', () => {
  let t: Awaited<ReturnType<typeof createTestContext>>;
  let offerId: string;
  let programmeId: string;
  const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers: { Origin: ORIGIN, ...headers } });

  beforeAll(async () => {
    t = await createTestContext();
    await seedRegionConfig(t.ctx);
    offerId = (await createOffer(t.ctx)).id;
    const admin = await createUser(t.ctx, [{ role: 'admin' }]);
    const now = t.clock.now().getTime();
    const programme = await t.app.request('/api/admin/programmes', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...admin.headers },
      body: JSON.stringify({
        title: 'Sommer',
        wishOpens: new Date(now - 3_600_000).toISOString(),
        wishCloses: new Date(now + 86_400_000).toISOString(),
        maxWishesPerChild: 3,
        randomnessSource: 'Zusatzzahl / bonus number',
      }),
    });
    programmeId = ((await programme.json()) as { id: string }).id;
    // A draft is the admin's alone; once families may wish, everyone may read it.
    await t.app.request(`/api/admin/programmes/${programmeId}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', ...admin.headers },
      body: JSON.stringify({ status: 'wishing' }),
    });
  });

  /** Every route the contract marks as a public read, with a real id where it takes one. */
  const publicPaths = () =>
    API_CONTRACT.filter((r) => r.publicRead).map((r) => r.path.replace(':offerId', offerId).replace('/programmes/:id', `/programmes/${programmeId}`));

  it('answers every public GET to any origin, without credentials, with an ETag and a public Cache-Control', async () => {
    for (const path of publicPaths()) {
      // Act
      const res = await get(path);

      // Assess
      expect(res.status, path).toBe(200);
      expect(res.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(res.headers.get('access-control-allow-credentials'), path).toBeNull();
      expect(res.headers.get('access-control-expose-headers'), path).toContain('ETag');
      expect(res.headers.get('etag'), path).toMatch(/^W\/"[^"]+"$/);
      expect(res.headers.get('cache-control'), path).toMatch(/^public, /);
      // The origin does not change the answer, so caches need not keep one per origin.
      expect(res.headers.get('vary') ?? '', path).not.toMatch(/origin/i);
    }
  });

  it('reuses lists a minute and the settings five, and has one offer revalidated every time', async () => {
    // Act
    const [list, offer, region, feed, programmes, openData] = await Promise.all(
      ['/api/offers', `/api/offers/${offerId}`, '/api/region', '/api/calendar.ics', '/api/programmes', '/api/open-data/offers.json'].map((p) => get(p)),
    );

    // Assess
    expect(list?.headers.get('cache-control')).toBe('public, max-age=60');
    expect(offer?.headers.get('cache-control')).toBe('public, no-cache');
    expect(region?.headers.get('cache-control')).toBe('public, max-age=300');
    expect(feed?.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    expect(programmes?.headers.get('cache-control')).toBe('public, max-age=60');
    expect(openData?.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('answers a problem of a public route with CORS, so an app can read it, and lets nobody keep it', async () => {
    for (const path of ['/api/offers/no-such-offer', '/api/programmes/no-such-programme', '/api/offers?age=x']) {
      // Act
      const res = await get(path);

      // Assess
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.headers.get('content-type'), path).toContain('application/problem+json');
      expect(res.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(res.headers.get('cache-control'), path).toBe('no-store');
      expect(res.headers.get('etag'), path).toBeNull();
    }
  });

  it('answers the preflight of a public GET', async () => {
    // Act
    const res = await t.app.request('/api/offers', {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' },
    });

    // Assess
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('GET');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('if-none-match');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('gives a family route, which reads the session cookie, no CORS and no public caching', async () => {
    // Prepare
    const family = await createFamily(t.ctx);

    // Act
    const read = await t.app.request('/api/family/children', { headers: { ...family.headers, Origin: ORIGIN } });
    const preflight = await t.app.request('/api/family/children', {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET' },
    });
    const write = await t.app.request('/api/offers', { method: 'POST', headers: { Origin: ORIGIN } });

    // Assess
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    expect(read.headers.get('cache-control') ?? '').not.toContain('public');
    expect(read.headers.get('etag')).toBeNull();
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    // Only GET of a public path is public: another method on it is not.
    expect(write.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers 304 without a body to the ETag it gave, and keeps the CORS and caching headers', async () => {
    for (const path of publicPaths()) {
      // Prepare
      const first = await get(path);
      const tag = first.headers.get('etag') ?? '';

      // Act
      const again = await t.app.request(path, { headers: { Origin: ORIGIN, 'If-None-Match': tag } });

      // Assess
      expect(again.status, path).toBe(304);
      expect(await again.text(), path).toBe('');
      expect(again.headers.get('etag'), path).toBe(tag);
      expect(again.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(again.headers.get('cache-control'), path).toBe(first.headers.get('cache-control'));
    }
  });

  it('gives an offer a new ETag once a booking changes its free places, and answers the old one in full', async () => {
    // Prepare
    const path = `/api/offers/${offerId}`;
    const before = (await get(path)).headers.get('etag') ?? '';
    expect(before).toMatch(/^W\//);
    const family = await createFamily(t.ctx);
    expect((await book(t.app, family, { offerId, unitId: 'u1', childId: family.childIds[0] })).status).toBe(201);

    // Act
    const after = await t.app.request(path, { headers: { Origin: ORIGIN, 'If-None-Match': before } });

    // Assess
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).toMatch(/^W\//);
    expect(after.headers.get('etag')).not.toBe(before);
    expect(((await after.json()) as { units: { confirmed: number }[] }).units[0]?.confirmed).toBe(1);
  });
});
