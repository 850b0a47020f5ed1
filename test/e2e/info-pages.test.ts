import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launchBrowser, openPage, poll, viewports } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const coordination = 'koordination@sonnental.example';
const outboxFor = async (to: string) =>
  ((await (await fetch(`${baseUrl()}/api/dev/outbox?to=${encodeURIComponent(to)}`)).json()) as { items: { subject: string; text: string }[] }).items;

describe('privacy, accessibility and Leichte Sprache', () => {
  it.each([
    ['de', 'Datenschutz', 'Datenschutzerklärung', 'Barrierefreiheit', 'Erklärung zur Barrierefreiheit', 'Leichte Sprache', 'regiokurs in Leichter Sprache'],
    ['en', 'Privacy', 'Privacy statement', 'Accessibility', 'Accessibility statement', 'Easy Read', 'regiokurs in Easy Read'],
  ])(
    'reaches each from the footer of the calendar, in %s, with nothing axe finds',
    async (lang, privacyLink, privacyTitle, a11yLink, a11yTitle, easyLink, easyTitle) => {
      // Prepare
      const page = await openPage(browser, viewports[0]);
      await page.goto(`/?lang=${lang}`);
      const footer = page.locator('footer');

      for (const [link, title] of [
        [privacyLink, privacyTitle],
        [a11yLink, a11yTitle],
        [easyLink, easyTitle],
      ] as const) {
        // Act
        await page.goto(`/?lang=${lang}`);
        await footer.getByRole('link', { name: link, exact: true }).click();

        // Assess: the page's heading and no violation.
        await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
        await expectAccessible(page, `${title} (${lang})`);
      }
      await page.context().close();
    },
  );

  it('names the region’s contact as controller, and the Austrian authority for a region in Vienna’s time zone', async () => {
    // Act
    const page = await openPage(browser, viewports[1]);
    await page.goto('/datenschutz');

    // Assess
    await poll(() => page.locator('main').textContent()).toContain('koordination@sonnental.example');
    expect(await page.locator('main').textContent()).toContain('Österreichische Datenschutzbehörde');
    await page.context().close();
  });

  it('reaches Leichte Sprache from the header on a phone', async () => {
    // Prepare
    const page = await openPage(browser, viewports[1]);
    await page.goto('/');

    // Act
    await page.locator('header').getByRole('link', { name: 'Leichte Sprache' }).click();

    // Assess
    await page.waitForURL((url) => url.pathname === '/leichte-sprache');
    await poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Was ist regiokurs?');
    await page.context().close();
  });

  it('sends feedback from the accessibility statement to the region’s coordination, and says so', async () => {
    // Prepare
    const page = await openPage(browser, viewports[0]);
    await page.goto('/barrierefreiheit');
    const message = `Die Schrift im Kalender ist zu klein (${Date.now()}).`;

    // Act: sent empty first, then with a message.
    await page.getByRole('button', { name: 'Rückmeldung senden' }).click();
    await poll(() => page.locator('.feedback-form .field-error').first().textContent()).toContain('Rückmeldung');
    await page.getByLabel('Ihre Rückmeldung').fill(message);
    await page.getByLabel(/E-Mail-Adresse für eine Antwort/).fill('leserin@example.at');
    await page.getByRole('button', { name: 'Rückmeldung senden' }).click();

    // Assess: thanked on the page; the coordination has the mail with where to answer.
    await poll(() => page.getByRole('status').textContent()).toContain('Danke');
    await poll(async () => (await outboxFor(coordination)).find((m) => m.text.includes(message))?.text).toContain('leserin@example.at');
    await page.context().close();
  });

  it('links the embedded calendar to both statements, opening on the full site', async () => {
    // Prepare
    const page = await openPage(browser, viewports[1]);
    await page.goto('/embed?municipality=lindach');

    // Act
    const [statement] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('link', { name: 'Barrierefreiheit' }).click()]);

    // Assess
    await statement.waitForURL((url) => url.pathname === '/barrierefreiheit');
    await poll(() => statement.getByRole('heading', { level: 1 }).textContent()).toBe('Erklärung zur Barrierefreiheit');
    expect(await page.getByRole('link', { name: 'Datenschutz' }).getAttribute('href')).toBe(`${new URL(page.url()).origin}/datenschutz`);
    await page.context().close();
  });
});
