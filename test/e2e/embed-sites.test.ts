import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, baseUrl, launchBrowser, openPage, poll, viewports } from './browser';

/** A municipality's own website, on another origin, holding the two snippets as pasted. */
const municipalityPage = (element: string, frame: string) => `<!doctype html>
<html lang="de">
  <head><meta charset="utf-8" /><title>Gemeinde Lindach</title></head>
  <body>
    <main>
      <h1>Gemeinde Lindach</h1>
      <h2>Veranstaltungen</h2>
      ${element}
      <h2 lang="en">Events</h2>
      <div id="plain">${frame}</div>
    </main>
  </body>
</html>`;

/**
 * The snippets as a municipality's webmaster copies them from the embed info page: Lindach
 * chosen, the element in German, the iframe after switching the page to English.
 */
async function copySnippets(browser: Browser) {
  const page = await openPage(browser, viewports[0]);
  await page.goto('/embed-info');
  await page.getByLabel('Gemeinde').selectOption({ label: 'Lindach' });
  const code = page.locator('pre.snippet code');
  // Playwright's own waiting: expect.poll belongs to a test, and this runs before them.
  await code.first().filter({ hasText: 'municipality=lindach' }).waitFor();
  const element = (await code.nth(1).textContent()) ?? '';
  await page.getByRole('button', { name: 'English' }).click();
  await code.first().filter({ hasText: 'lang=en' }).waitFor();
  const frame = (await code.first().textContent()) ?? '';
  await page.context().close();
  return { element, frame };
}

let browser: Browser;
let site: Server;
let siteUrl: string;
beforeAll(async () => {
  browser = await launchBrowser();
  const { element, frame } = await copySnippets(browser);
  site = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(municipalityPage(element, frame)));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await browser?.close();
  // Chromium's keep-alive connections would hold close() open.
  site?.closeAllConnections();
  if (site) await new Promise((resolve) => site.close(resolve));
});

/** The frame behind an iframe of the host page (inside the element's shadow root or not). */
async function frameOf(page: Page, selector: string): Promise<Frame> {
  const handle = await page.locator(selector).elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error(`no frame at ${selector}`);
  return frame;
}

/** The iframe's height on the host page and its document's content height, once both are known. */
async function heights(page: Page, selector: string, frame: Frame) {
  const outer = await page.locator(selector).evaluate((f) => f.getBoundingClientRect().height);
  const inner = await frame.evaluate(() => ({ scroll: document.documentElement.scrollHeight, client: document.documentElement.clientHeight }));
  return { outer, ...inner };
}

/** The iframe has grown or shrunk to its content: no inner scrollbar, no space left over. */
async function expectFitted(page: Page, selector: string, frame: Frame) {
  await poll(async () => {
    // As a visitor scrolls to it: Chromium pauses rendering (and so ResizeObserver) in a
    // cross-origin frame out of view, so a frame below the fold reports its height on arrival.
    await page.locator(selector).scrollIntoViewIfNeeded();
    const h = await heights(page, selector, frame);
    return h.outer !== 700 && h.scroll <= h.client + 1 && Math.abs(h.outer - h.scroll) <= 2;
  }).toBe(true);
}

type Offer = { id: string; category: string };
const lindachOffers = async (category?: string) =>
  ((await (await fetch(`${baseUrl()}/api/offers?municipality=lindach${category ? `&category=${category}` : ''}`)).json()) as { items: Offer[] }).items;

describe('the embed on a municipality website', () => {
  const element = 'regiokurs-calendar iframe';
  const plain = '#plain iframe';

  it('shows the calendar in the element and in the iframe, each as tall as its content', async () => {
    // Prepare
    const page = await openPage(browser, viewports[0]);

    // Act
    await page.goto(siteUrl);

    // Assess: both frames show Lindach's offers, in the language the snippet asks for.
    const inElement = await frameOf(page, element);
    const inPlain = await frameOf(page, plain);
    await inElement.locator('.offer-card').first().waitFor();
    await inPlain.locator('.offer-card').first().waitFor();
    await poll(() => inElement.locator('h1').textContent()).toBe('Angebote für Familien in Lindach');
    await poll(() => inPlain.locator('h1').textContent()).toBe('Offers for families in Lindach');
    expect(await page.locator(element).getAttribute('title')).toBe('Angebote für Familien der Region (regiokurs)');
    await expectFitted(page, element, inElement);
    await expectFitted(page, plain, inPlain);
    await page.context().close();
  });

  it('filters by category inside the element, and the frame follows the new height', async () => {
    // Prepare: a category with fewer of Lindach's offers than all of them.
    const all = await lindachOffers();
    const category = all.map((o) => o.category).find((c) => all.some((o) => o.category !== c)) as string;
    const expected = (await lindachOffers(category)).length;
    const page = await openPage(browser, viewports[0]);
    await page.goto(siteUrl);
    const frame = await frameOf(page, element);
    await poll(() => frame.locator('.offer-card').count()).toBe(all.length);
    await expectFitted(page, element, frame);
    const before = (await heights(page, element, frame)).outer;

    // Act
    await frame.getByLabel('Kategorie').selectOption(category);

    // Assess
    await poll(() => frame.locator('.offer-card').count()).toBe(expected);
    await poll(async () => (await heights(page, element, frame)).outer).not.toBe(before);
    await expectFitted(page, element, frame);
    await page.context().close();
  });

  it('opens offers on the regional site in a new tab', async () => {
    // Prepare
    const page = await openPage(browser, viewports[0]);
    await page.goto(siteUrl);
    const frame = await frameOf(page, element);
    const link = frame.locator('.offer-card h2 a').first();
    await link.waitFor();

    // Act
    const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);

    // Assess
    expect(await link.getAttribute('target')).toBe('_blank');
    await tab.waitForLoadState();
    expect(tab.url()).toMatch(new RegExp(`^${baseUrl().replace(/[.]/g, '\\.')}/offers/[^/]+$`));
    await page.context().close();
  });

  it('leaves nothing for axe on the host page and in the frames', async () => {
    // Prepare
    const page = await openPage(browser, viewports[0]);
    await page.goto(siteUrl);
    const frames = [await frameOf(page, element), await frameOf(page, plain)];
    for (const f of frames) await f.locator('.offer-card').first().waitFor();

    // Act
    const found = [await axeViolations(page), ...(await Promise.all(frames.map(axeViolations)))];

    // Assess
    expect(found).toEqual([[], [], []]);
    await page.context().close();
  });

  it('ignores a height message from a frame that is not regiokurs', async () => {
    // Prepare: the host page notes when the message has arrived (after embed.js has seen it).
    const page = await openPage(browser, viewports[0]);
    await page.goto(siteUrl);
    await frameOf(page, element);
    await page.evaluate(() => window.addEventListener('message', (e) => e.data?.height === 1234 && document.body.setAttribute('data-seen', '1')));

    // Act: a frame of the host's own origin pretends to be the calendar.
    await page.evaluate(() => {
      const fake = document.createElement('iframe');
      fake.id = 'fake';
      fake.title = 'fake';
      fake.srcdoc = "<script>parent.postMessage({ type: 'regiokurs:height', height: 1234 }, '*')</script>";
      document.body.append(fake);
    });

    // Assess
    await page.locator('body[data-seen]').waitFor({ state: 'attached' });
    expect(await page.locator('#fake').evaluate((f) => (f as HTMLIFrameElement).style.height)).toBe('');
    await page.context().close();
  });
});
