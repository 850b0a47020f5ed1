import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { Env } from '../../functions/api/context.js';
import { offerPageRoutes } from '../../functions/api/offer-page.js';
import { createTestContext } from '../support/context.js';
import { createOffer } from '../support/offers.js';

const SHELL =
  '<!doctype html>\n<html lang="de">\n  <head>\n    <title>regiokurs</title>\n  </head>\n  <body><div id="app"></div><script type="module" src="/assets/app.js"></script></body>\n</html>\n';

/** The JSON-LD blocks of a page, parsed as a crawler does: the text between the script tags. */
const jsonLd = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] as string));

async function page(overrides: Parameters<typeof createOffer>[1] = {}) {
  const t = await createTestContext({ PUBLIC_URL: 'https://kurse.example.at' });
  const offer = await createOffer(t.ctx, overrides);
  const app = new Hono<Env>().route(
    '/',
    offerPageRoutes(t.ctx, async () => SHELL),
  );
  return { t, offer, app };
}

describe('offer page for search engines', () => {
  it('carries the offer as schema.org Event with offset, place, price and availability', async () => {
    // Prepare
    const { offer, app } = await page({
      price: { amount: 45 },
      sessions: [{ id: 's1', start: '2027-03-04T08:00:00.000Z', end: '2027-03-04T09:00:00.000Z', place: 'Turnsaal' }],
    });

    // Act
    const res = await app.request(`/offers/${offer.id}`);

    // Assess
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<div id="app"></div>');
    expect(html).toContain(`<link rel="canonical" href="https://kurse.example.at/offers/${offer.id}">`);
    expect(html).toMatch(/<meta name="description" content="Ein Kurs zum Testen">/);
    const [event] = jsonLd(html);
    expect(event).toMatchObject({
      '@type': 'Event',
      name: 'Testkurs',
      startDate: '2027-03-04T09:00:00+01:00',
      eventStatus: 'https://schema.org/EventScheduled',
      location: { '@type': 'Place', name: 'Turnsaal', address: { '@type': 'PostalAddress' } },
      offers: { price: 45, priceCurrency: 'EUR', availability: 'https://schema.org/InStock' },
      typicalAgeRange: '3-10',
      isAccessibleForFree: false,
    });
  });

  it('says SoldOut when no unit has a free place, and a series per session', async () => {
    const { offer, app } = await page({
      units: [{ id: 'u1', label: 'Gruppe', capacity: 2, confirmed: 2, waiting: 0 }],
      sessions: [
        { id: 's1', start: '2027-07-05T07:00:00.000Z', end: '2027-07-05T11:00:00.000Z', place: 'Schule' },
        { id: 's2', start: '2027-07-06T07:00:00.000Z', end: '2027-07-06T11:00:00.000Z', place: 'Schule' },
      ],
    });
    const [series] = jsonLd(await (await app.request(`/offers/${offer.id}`)).text());
    expect(series['@type']).toBe('EventSeries');
    expect(series.offers.availability).toBe('https://schema.org/SoldOut');
    expect(series.subEvent.map((e: { startDate: string }) => e.startDate)).toEqual(['2027-07-05T09:00:00+02:00', '2027-07-06T09:00:00+02:00']);
  });

  it('keeps a cancelled offer as EventCancelled', async () => {
    const { offer, app } = await page({ status: 'cancelled' });
    const res = await app.request(`/offers/${offer.id}`);
    expect(res.status).toBe(200);
    expect(jsonLd(await res.text())[0].eventStatus).toBe('https://schema.org/EventCancelled');
  });

  it('cannot be ended early by a title holding </script>', async () => {
    const title = 'Kurs </script><script>alert(1)</script>';
    const { offer, app } = await page({ title });
    const html = await (await app.request(`/offers/${offer.id}`)).text();
    expect(html).not.toContain('<script>alert(1)');
    expect(jsonLd(html)[0].name).toBe(title);
  });

  it('answers the page with one trailing slash too, as the app routes it', async () => {
    const { offer, app } = await page();
    const res = await app.request(`/offers/${offer.id}/`);
    expect(res.status).toBe(200);
    expect(jsonLd(await res.text())[0].name).toBe('Testkurs');
  });

  it('answers an unknown or draft id, or a deeper path, with the shell, 404 and noindex', async () => {
    const { t, offer, app } = await page();
    const draft = await createOffer(t.ctx, { status: 'draft' });
    for (const path of ['o-unknown', draft.id, `${offer.id}/mehr`]) {
      const res = await app.request(`/offers/${path}`);
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toContain('<meta name="robots" content="noindex">');
      expect(jsonLd(html)).toEqual([]);
    }
  });
});
