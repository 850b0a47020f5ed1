import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage, poll, viewports } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A crawler's view: Chromium with JavaScript off, so only what the server sent is on the page. */
async function withoutJavaScript(locale: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl(), javaScriptEnabled: false, locale, timezoneId: 'Europe/Vienna' });
  return context.newPage();
}

/** The head as a search engine reads it: the JSON-LD blocks parsed, and the tags it looks for. */
async function headOf(page: Page) {
  const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents();
  // A tag that is not there is null, as a crawler finds it, not a wait for it to appear.
  const attribute = async (selector: string, name: string) => ((await page.locator(selector).count()) ? page.locator(selector).getAttribute(name) : null);
  return {
    jsonLd: jsonLd.map((text) => JSON.parse(text) as Record<string, unknown>),
    title: await page.title(),
    canonical: await attribute('link[rel="canonical"]', 'href'),
    ogTitle: await attribute('meta[property="og:title"]', 'content'),
    robots: await page.locator('meta[name="robots"]').count(),
  };
}

type Offer = { id: string; title: string; sessions: Array<{ start: string }> };

describe('an offer page as a search engine sees it', () => {
  it.each(['de-AT', 'en-GB'])('holds the offer as schema.org JSON-LD without JavaScript (browser language %s)', async (locale) => {
    // Prepare: a published offer of the demo region, as the catalog lists it.
    const catalog = (await (await fetch(`${baseUrl()}/api/offers`)).json()) as { items: Offer[] };
    const offer = catalog.items[0] as Offer;
    const page = await withoutJavaScript(locale);

    // Act
    const res = await page.goto(`/offers/${offer.id}`);

    // Assess: the offer's own words (the provider writes them in German, whatever the browser asks).
    expect(res?.status()).toBe(200);
    const head = await headOf(page);
    expect(head.title).toContain(offer.title);
    expect(head.ogTitle).toBe(offer.title);
    expect(head.canonical).toBe(`${baseUrl()}/offers/${offer.id}`);
    expect(head.robots).toBe(0);
    const [event] = head.jsonLd;
    expect(event).toMatchObject({ '@context': 'https://schema.org', name: offer.title, inLanguage: 'de' });
    const startDate = String(event?.['@type'] === 'EventSeries' ? (event.subEvent as Array<{ startDate: string }>)[0]?.startDate : event?.startDate);
    // Local time with the offset, the same instant as the API's session start.
    expect(startDate).toMatch(/T\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(new Date(startDate).toISOString()).toBe(new Date(offer.sessions[0]?.start as string).toISOString());
    expect(event?.location).toMatchObject({ '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: expect.any(String) } });
    expect(event?.offers).toMatchObject({ '@type': 'Offer', priceCurrency: 'EUR', url: `${baseUrl()}/offers/${offer.id}` });
    await page.context().close();
  });

  it('shows a family the same page once JavaScript runs: the offer under its title', async () => {
    // Prepare
    const catalog = (await (await fetch(`${baseUrl()}/api/offers`)).json()) as { items: Offer[] };
    const offer = catalog.items[0] as Offer;
    const page = await openPage(browser, viewports[1]);

    // Act
    await page.goto(`/offers/${offer.id}`);

    // Assess
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(offer.title);
    await page.context().close();
  });

  it('tells search engines not to index an address without a published offer, and a family that the page is missing', async () => {
    // Prepare
    const crawler = await withoutJavaScript('de-AT');
    const family = await openPage(browser, viewports[0]);

    // Act
    const forCrawler = await crawler.goto('/offers/gibt-es-nicht');
    const forFamily = await family.goto('/offers/gibt-es-nicht/');

    // Assess
    expect(forCrawler?.status()).toBe(404);
    const head = await headOf(crawler);
    expect(head.robots).toBe(1);
    expect(head.jsonLd).toEqual([]);
    expect(head.canonical).toBeNull();
    expect(forFamily?.status()).toBe(404);
    await poll(() => family.getByRole('alert').textContent()).toContain('Angebot nicht gefunden');
    await crawler.context().close();
    await family.context().close();
  });
});
