import { Hono } from 'hono';
import { dayIn } from '../../shared/dates.js';
import { CRAWLER_FILES } from '../../shared/page-routes.js';
import { allow } from './access.js';
import type { AppContext, Env } from './context.js';

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[ch] ?? ch);

/** `/robots.txt` (everyone may crawl, the API aside) and `/sitemap.xml` (the calendar, every current published offer and every published programme). */
export const siteRoutes = (ctx: AppContext) => {
  const origin = ctx.config.PUBLIC_URL.replace(/\/+$/, '');
  return new Hono<Env>()
    .get(CRAWLER_FILES.robots, allow('anyone'), (c) =>
      c.text(['User-agent: *', 'Allow: /', 'Disallow: /api/', '', `Sitemap: ${origin}${CRAWLER_FILES.sitemap}`, ''].join('\n')),
    )
    .get(CRAWLER_FILES.sitemap, allow('anyone'), async (c) => {
      const offers = await ctx.ports.offers.listCatalog(dayIn(ctx.ports.timeZone, ctx.ports.clock.now()));
      const programmes = (await ctx.ports.programmes.listProgrammes()).filter((p) => p.status !== 'draft');
      const urls = [
        `${origin}/`,
        ...offers.map((offer) => `${origin}/offers/${encodeURIComponent(offer.id)}`),
        ...programmes.flatMap((p) => [`${origin}/programmes/${encodeURIComponent(p.id)}`, `${origin}/programmes/${encodeURIComponent(p.id)}/leichte-sprache`]),
      ];
      const body = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        ...urls.map((url) => `  <url><loc>${escapeXml(url)}</loc></url>`),
        '</urlset>',
        '',
      ].join('\n');
      return c.body(body, 200, { 'Content-Type': 'application/xml; charset=utf-8' });
    });
};
