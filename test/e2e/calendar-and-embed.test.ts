import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIcsEvents } from '../support/ics';
import { baseUrl, expectAccessible, launchBrowser, openPage, poll, viewports } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/**
 * Clicks a feed link as a visitor does and returns what the browser got: the response's type and
 * the file it saved. The app's router must leave the click alone (no "Seite nicht gefunden").
 */
async function clickFeedLink(page: Page, name: RegExp) {
  const link = page.getByRole('link', { name });
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), link.click()]);
  const file = await download.path();
  // The same address again through the page's context, for the type the server answers with.
  const response = await page.context().request.get(download.url());
  return { type: response.headers()['content-type'] ?? '', ics: readFileSync(file, 'utf8'), url: download.url() };
}

/** The webcal: link beside a feed link subscribes to the same feed. */
async function expectWebcalOf(page: Page, feedName: RegExp) {
  const feed = await page.getByRole('link', { name: feedName }).getAttribute('href');
  const webcal = await page.getByRole('link', { name: /In der Kalender-App abonnieren/ }).getAttribute('href');
  expect(webcal).toBe(`${baseUrl().replace(/^http:/, 'webcal:')}${feed}`);
}

const notFound = (page: Page) => page.getByText('Seite nicht gefunden').count();

describe.each(viewports)('calendar feeds at $name size', (viewport) => {
  it('"Kalender abonnieren" on the calendar gets the feed, and offers webcal: for subscribing', async () => {
    // Prepare
    const page = await openPage(browser, viewport);
    await page.goto('/?municipality=kirchau');
    await page.locator('.offer-card').first().waitFor();

    // Act
    const got = await clickFeedLink(page, /Kalender abonnieren/);

    // Assess: an iCalendar of Kirchau's offers, the app still on the calendar.
    expect(got.type).toContain('text/calendar');
    expect(got.url).toContain('municipality=kirchau');
    expect(parseIcsEvents(got.ics).length).toBeGreaterThan(0);
    expect(await notFound(page)).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/');
    await expectWebcalOf(page, /Kalender abonnieren/);
    await page.context().close();
  });

  it('"Kalender abonnieren" in the embed gets the feed of its municipality', async () => {
    // Prepare
    const page = await openPage(browser, viewport);
    await page.goto('/embed?municipality=lindach');
    await page.locator('.offer-card').first().waitFor();

    // Act
    const got = await clickFeedLink(page, /Kalender abonnieren/);

    // Assess
    expect(got.type).toContain('text/calendar');
    expect(got.url).toContain('municipality=lindach');
    expect(parseIcsEvents(got.ics).every((e) => e.location.includes('Lindach'))).toBe(true);
    expect(await notFound(page)).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/embed');
    await expectWebcalOf(page, /Kalender abonnieren/);
    await page.context().close();
  });

  it('"Zum eigenen Kalender hinzufügen" on an offer gets that offer\'s sessions', async () => {
    // Prepare
    const page = await openPage(browser, viewport);
    await page.goto('/offers/kinderturnen-kirchau');
    await page.getByRole('heading', { level: 1 }).waitFor();

    // Act
    const got = await clickFeedLink(page, /Zum eigenen Kalender hinzufügen/);

    // Assess
    expect(got.type).toContain('text/calendar');
    const events = parseIcsEvents(got.ics);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.summary === 'Kinderturnen')).toBe(true);
    expect(await notFound(page)).toBe(0);
    await expectWebcalOf(page, /Zum eigenen Kalender hinzufügen/);
    await expectAccessible(page, 'offer page with calendar links');
    await page.context().close();
  });
});

describe('calendar feed', () => {
  it("links each event to the offer's page on the server's own address", async () => {
    // Act
    const events = parseIcsEvents(await (await fetch(`${baseUrl()}/api/calendar.ics`)).text());

    // Assess: every link names this server (not a configured default port), and opens the offer.
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e.url).toMatch(new RegExp(`^${baseUrl().replace(/[.]/g, '\\.')}/offers/[^/]+$`));
    const page = await openPage(browser, viewports[0]);
    await page.goto(events[0]?.url as string);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(events[0]?.summary);
    await page.context().close();
  });
});

describe.each(viewports)('embedded calendar at $name size', (viewport) => {
  it('shows its offers when the browser refuses storage', async () => {
    // Prepare: a browser that blocks third-party storage throws on any access to it.
    const page = await openPage(browser, viewport);
    await page.addInitScript(() => {
      for (const area of ['localStorage', 'sessionStorage'])
        Object.defineProperty(window, area, {
          configurable: true,
          get() {
            throw new DOMException('Access is denied for this document.', 'SecurityError');
          },
        });
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // Act
    await page.goto('/embed?municipality=lindach');

    // Assess
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Lindach');
    await page.locator('.offer-card').first().waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps its municipality when the filters are reset', async () => {
    // Prepare
    const page = await openPage(browser, viewport);
    await page.goto('/embed?municipality=lindach&q=Kinderturnen');
    await poll(() => page.locator('.offer-card').count()).toBe(1);
    const filterBox = page.locator('details.filter-box');
    if (!(await filterBox.evaluate((d) => (d as HTMLDetailsElement).open))) await filterBox.locator('summary').click();

    // Act
    await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();

    // Assess: the search is gone, Lindach stays.
    await page.waitForURL((url) => !url.searchParams.has('q'));
    expect(new URL(page.url()).searchParams.get('municipality')).toBe('lindach');
    await poll(() => page.locator('.offer-card').count()).toBeGreaterThan(1);
    expect((await page.locator('.offer-card .card-meta').allTextContents()).every((m) => m.includes('Lindach'))).toBe(true);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Lindach');
    await page.context().close();
  });
});

describe('embed info', () => {
  it('names the whole region in the snippet\'s iframe title for "Alle", and the municipality otherwise', async () => {
    // Prepare
    const page = await openPage(browser, viewports[0]);

    // Act
    await page.goto('/embed-info');

    // Assess
    const title = async () => (await page.locator('pre.snippet code').first().textContent())?.match(/title="([^"]*)"/)?.[1];
    await poll(title).toBe('Angebote für Familien in Kleinregion Sonnental');

    // Act: one municipality.
    await page.getByLabel('Gemeinde').selectOption({ label: 'Kirchau' });

    // Assess
    await poll(title).toBe('Angebote für Familien in Kirchau');
    await page.context().close();
  });
});

describe.each(viewports)('week and month views at $name size', (viewport) => {
  it('browses weeks without writing into the "Von" filter', async () => {
    // Prepare
    const page = await openPage(browser, viewport);
    await page.goto('/?view=week');
    await page.locator('.day-grid.week').waitFor({ state: 'attached' });
    const period = page.locator('#period-title');
    const thisWeek = await period.textContent();

    // Act
    await page.getByRole('button', { name: 'Nächste Woche' }).click();

    // Assess: another week, the date filter untouched.
    await poll(() => period.textContent()).not.toBe(thisWeek);
    expect(new URL(page.url()).searchParams.has('from')).toBe(false);
    expect(await page.getByLabel('Von').inputValue()).toBe('');
    expect(await page.locator('details.filter-box summary').textContent()).toBe('Angebote filtern'); // no active filter counted

    // Act: back again.
    await page.getByRole('button', { name: 'Vorige Woche' }).click();

    // Assess
    await poll(() => period.textContent()).toBe(thisWeek);
    expect(await page.getByLabel('Von').inputValue()).toBe('');
    await page.context().close();
  });

  it('tells offers of the same title apart by their municipality', async () => {
    // Prepare
    const names = ((await (await fetch(`${baseUrl()}/api/municipalities`)).json()) as { items: Array<{ name: string }> }).items.map((m) => m.name);
    const page = await openPage(browser, viewport);

    // Act
    await page.goto('/?view=month&q=Babycaf%C3%A9');

    // Assess: each entry names where it is, and the same title shows more than one place.
    const entries = page.locator('.day-grid a');
    await poll(() => entries.count()).toBeGreaterThan(1);
    const texts = await entries.allTextContents();
    const where = texts.map((text) => names.find((n) => text.endsWith(`· ${n}`)));
    expect(where.every(Boolean), texts.join('\n')).toBe(true);
    expect(new Set(where).size).toBeGreaterThan(1);
    await page.context().close();
  });
});

describe.each([1280, 1024])('month view at %i px wide', (width) => {
  it('fits the window and is accessible', async () => {
    // Prepare
    const page = await openPage(browser, { name: 'desktop', size: { width, height: 900 } } as (typeof viewports)[number]);

    // Act
    await page.goto('/?view=month');
    await page.locator('.day-grid.month').waitFor();
    await poll(() => page.locator('.day-grid a').count()).toBeGreaterThan(0);

    // Assess: no horizontal scrollbar, every day column inside the grid, axe finds nothing.
    const overflow = () => page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    const { scroll, client } = await overflow();
    expect(scroll).toBeLessThanOrEqual(client);
    await expectAccessible(page, `month view at ${width} px`);
    await page.context().close();
  });
});
