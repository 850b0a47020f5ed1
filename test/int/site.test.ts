import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app.js';
import type { Env } from '../../functions/api/context.js';
import { isPageRoute } from '../../shared/page-routes.js';
import { siteRoutes } from '../../functions/api/site.js';
import { PAGE_ROUTES } from '../../shared/page-routes.js';
import { createTestContext } from '../support/context.js';
import { createOffer } from '../support/offers.js';

/** The `<loc>` of every `<url>` in a sitemap, read with the browser-free XML rules the format has. */
function locations(xml: string): string[] {
  expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\s*<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
  expect(xml.trim()).toMatch(/<\/urlset>$/);
  return [...xml.matchAll(/<url>\s*<loc>([^<]+)<\/loc>\s*<\/url>/g)].map((m) => m[1] as string);
}

describe('robots.txt and sitemap', () => {
  it('lets every crawler in, the API aside, and names the sitemap at the public address', async () => {
    // Prepare
    const t = await createTestContext({ PUBLIC_URL: 'https://kurse.example.at' });
    const site = new Hono<Env>().route('/', siteRoutes(t.ctx));

    // Act
    const res = await site.request('/robots.txt');

    // Assess
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const lines = (await res.text()).split('\n');
    expect(lines).toEqual(expect.arrayContaining(['User-agent: *', 'Allow: /', 'Disallow: /api/', 'Sitemap: https://kurse.example.at/sitemap.xml']));
  });

  it('lists the pages of published offers, not drafts', async () => {
    // Prepare
    const t = await createTestContext({ PUBLIC_URL: 'https://kurse.example.at' });
    const published = await createOffer(t.ctx);
    const draft = await createOffer(t.ctx, { status: 'draft' });
    const site = new Hono<Env>().route('/', siteRoutes(t.ctx));

    // Act
    const res = await site.request('/sitemap.xml');

    // Assess
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/xml');
    const locs = locations(await res.text());
    expect(locs).toContain(`https://kurse.example.at/offers/${published.id}`);
    expect(locs).not.toContain(`https://kurse.example.at/offers/${draft.id}`);
    expect(locs).toContain('https://kurse.example.at/');
  });

  it('is answered by the API function too, which CloudFront sends both paths to in the cloud', async () => {
    // Prepare: the app as functions/api/lambda.ts builds it.
    const t = await createTestContext({ PUBLIC_URL: 'https://kurse.example.at' });
    const cloudApi = createApp(t.ctx);

    // Act
    const [robots, sitemap] = await Promise.all([cloudApi.request('/robots.txt'), cloudApi.request('/sitemap.xml')]);

    // Assess
    expect(robots.status).toBe(200);
    expect(await robots.text()).toContain('Sitemap: https://kurse.example.at/sitemap.xml');
    expect(sitemap.status).toBe(200);
    expect(locations(await sitemap.text())).toContain('https://kurse.example.at/');
  });

  it('knows the web app pages, so every other path is a 404', () => {
    // Assess
    for (const path of ['/', '/embed', '/offers/abc', '/sign-in', '/family', '/bookings', '/provider', '/provider/offers/new']) {
      expect(isPageRoute(path), path).toBe(true);
    }
    for (const path of ['/provider/offers/o1/edit', '/provider/offers/o1', '/dashboard', '/embed-info', '/family/']) {
      expect(isPageRoute(path), path).toBe(true);
    }
    for (const path of ['/no-such-page', '/offers', '/offers/a/b', '/admin', '/sign-in/x', '/programmes/p/x']) expect(isPageRoute(path), path).toBe(false);
  });

  it('matches a path as the router does: literal segments in any case, one trailing slash, no empty segment', () => {
    // Assess
    for (const path of ['/Bookings', '/OFFERS/abc', '/programmes/p/Wishes', '/offers/abc/']) expect(isPageRoute(path), path).toBe(true);
    for (const path of ['/family//', '//', '/offers//', '/offers//abc']) expect(isPageRoute(path), path).toBe(false);
  });

  it('names exactly the pages the web app routes (web/src/main.tsx): none forgotten, none left over', () => {
    // Prepare: the router's paths, the catch-all aside.
    const routes = [...readFileSync('web/src/main.tsx', 'utf8').matchAll(/<Route path="([^"*]+)"/g)].map((m) => m[1] ?? '');

    // Assess
    expect(routes.length).toBeGreaterThan(15);
    expect(new Set(PAGE_ROUTES)).toEqual(new Set(routes));
    for (const path of routes.map((route) => route.replace(/:\w+/g, 'x1'))) expect(isPageRoute(path), path).toBe(true);
  });
});
