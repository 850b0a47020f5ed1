import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, baseUrl, launchBrowser, openPage, poll, viewports } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Every answer of 400 or more and every console error the page logs from now on. */
function recordFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => failures.push(`failed ${request.method()} ${request.url()}`));
  page.on('console', (message) => {
    if (message.type() === 'error') failures.push(`console: ${message.text()} at ${message.location().url}`);
  });
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  return failures;
}

/** The `<loc>` of every `<url>`, read by the browser's XML parser (a parse error fails the test). */
async function sitemapLocations(page: Page, xml: string): Promise<string[]> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    if (doc.getElementsByTagName('parsererror').length > 0) throw new Error('sitemap.xml is not well-formed XML');
    const ns = 'http://www.sitemaps.org/schemas/sitemap/0.9';
    if (doc.documentElement.namespaceURI !== ns || doc.documentElement.localName !== 'urlset') throw new Error('no <urlset> of the sitemap protocol');
    return [...doc.getElementsByTagNameNS(ns, 'url')].map((url) => url.getElementsByTagNameNS(ns, 'loc')[0]?.textContent ?? '');
  }, xml);
}

describe.each(viewports)('site basics at $name size', (viewport) => {
  it('visits the calendar and an offer signed out without a failed request or a console error', async () => {
    // Prepare
    const page = await openPage(browser, viewport);
    const failures = recordFailures(page);

    // Act: a visitor opens the calendar, then an offer.
    await page.goto('/');
    await page.locator('.offer-card').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.goto('/offers/kinderturnen-kirchau');
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Kinderturnen');
    await page.waitForLoadState('networkidle');

    // Assess: signed out is a state, not an error.
    expect(failures).toEqual([]);
    await page.context().close();
  });
});

describe('what crawlers and unknown addresses get', () => {
  it('answers robots.txt that allows crawling and names the sitemap', async () => {
    // Act
    const res = await fetch(`${baseUrl()}/robots.txt`);

    // Assess
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const lines = (await res.text()).split('\n');
    expect(lines).toContain('User-agent: *');
    expect(lines).toContain('Allow: /');
    expect(lines).toContain(`Sitemap: ${baseUrl()}/sitemap.xml`);
  });

  it('lists published offers in the sitemap, and not a draft', async () => {
    // Prepare: a provider's draft, and the catalog's published offers.
    const provider = await apiAs('ferien@hilfswerk-example.at');
    const draft = await provider<{ id: string }>('POST', '/provider/offers', {
      title: 'Entwurf für die Sitemap',
      description: 'Noch nicht veröffentlicht.',
      category: 'ferien',
      kind: 'holiday_care',
      municipalityId: 'weidenbrunn',
      bookingMode: 'fcfs',
      waitlist: true,
      ageRange: { min: 6, max: 12 },
      registrationOpens: new Date(Date.now() - 86_400_000).toISOString(),
      registrationCloses: new Date(Date.now() + 20 * 86_400_000).toISOString(),
      price: { amount: 90 },
      sessions: [
        {
          start: new Date(Date.now() + 30 * 86_400_000).toISOString(),
          end: new Date(Date.now() + 30 * 86_400_000 + 8 * 3600_000).toISOString(),
          place: 'Volksschule',
        },
      ],
      units: [{ label: 'Gruppe', capacity: 10 }],
    });
    const catalog = (await (await fetch(`${baseUrl()}/api/offers`)).json()) as { items: Array<{ id: string }> };
    const page = await openPage(browser, viewports[0]);

    // Act
    const res = await fetch(`${baseUrl()}/sitemap.xml`);

    // Assess
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('xml');
    const locs = await sitemapLocations(page, await res.text());
    expect(catalog.items.length).toBeGreaterThan(0);
    for (const offer of catalog.items) expect(locs).toContain(`${baseUrl()}/offers/${offer.id}`);
    expect(locs).not.toContain(`${baseUrl()}/offers/${draft.id}`);
    await page.context().close();
  });

  it('answers an unknown address with 404 and the app’s not-found page, and an offer’s page with 200', async () => {
    // Prepare
    const page = await openPage(browser, viewports[0]);

    // Act
    const unknown = await page.goto('/no-such-page');

    // Assess
    expect(unknown?.status()).toBe(404);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Seite nicht gefunden');

    // Act
    const offer = await page.goto('/offers/kinderturnen-kirchau');

    // Assess
    expect(offer?.status()).toBe(200);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Kinderturnen');
    expect((await fetch(`${baseUrl()}/sign-in`)).status).toBe(200);
    expect((await fetch(`${baseUrl()}/`)).status).toBe(200);
    await page.context().close();
  });
});
