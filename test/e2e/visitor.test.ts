import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, poll, launchBrowser, openPage, screenshot, viewports } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe.each(viewports)('visitor at $name size', (viewport) => {
  it('filters the regional calendar, links the filtered view and opens an offer', async () => {
    // Prepare
    const page = await openPage(browser, viewport);

    // Act: the visitor opens the calendar.
    await page.goto('/');

    // Assess: the region's offers, accessible.
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Kleinregion Sonnental');
    const cards = page.locator('.offer-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThan(5);
    await expectAccessible(page, 'calendar');
    await screenshot(page, viewport, 'calendar');
    // On a phone the filters start folded away behind their summary.
    const filterBox = page.locator('details.filter-box');
    expect(await filterBox.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(viewport.name === 'desktop');

    // Act: only Kirchau, only with free places.
    if (viewport.name === 'phone') await filterBox.locator('summary').click();
    await page.getByLabel('Gemeinde').selectOption({ label: 'Kirchau' });
    await page.waitForURL(/municipality=kirchau/);
    await page.getByLabel('Nur mit freien Plätzen').check();
    await page.waitForURL(/available=1/);

    // Assess: Kirchau's offers only.
    await poll(async () => (await cards.locator('.card-meta').allTextContents()).every((m) => m.includes('Kirchau'))).toBe(true);
    expect(await cards.count()).toBeGreaterThan(0);

    // Act: a search term.
    await page.getByLabel('Suchbegriff').fill('Kinderturnen');
    await page.getByLabel('Suchbegriff').press('Enter');
    await page.waitForURL(/q=Kinderturnen/);

    // Assess: the one matching offer.
    await poll(() => cards.count()).toBe(1);
    await poll(() => cards.first().getByRole('heading').textContent()).toContain('Kinderturnen');

    // Act: the filtered view is a link, opened fresh in another page.
    const linked = page.url();
    const other = await openPage(browser, viewport);
    await other.goto(linked);

    // Assess: the same filters and the same result.
    await poll(() => other.getByLabel('Gemeinde').inputValue()).toBe('kirchau');
    await poll(() => other.getByLabel('Suchbegriff').inputValue()).toBe('Kinderturnen');
    await poll(() => other.locator('.offer-card').count()).toBe(1);
    await other.context().close();

    // Act: the month view.
    await page.getByRole('button', { name: 'Monat' }).click();
    await page.waitForURL(/view=month/);

    // Assess: the offer in the month's grid, accessible.
    await page.locator('.day-grid.month').waitFor();
    await poll(() => page.locator('.day-grid a', { hasText: 'Kinderturnen' }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'calendar month view');
    await screenshot(page, viewport, 'calendar-month');

    // Act: the week view, back to the list, and the offer opened.
    await page.getByRole('button', { name: 'Woche' }).click();
    await page.waitForURL(/view=week/);
    await page.locator('.day-grid.week').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Liste' }).click();
    await cards.first().getByRole('link').click();
    await page.waitForURL(/\/offers\/kinderturnen-kirchau/);

    // Assess: the offer's page with its sessions, a way to book, and a calendar feed of this offer's sessions only.
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Kinderturnen');
    expect(await page.locator('.sessions li').count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Zum Buchen anmelden' }).waitFor();
    const ical = await page.getByRole('link', { name: /Zum eigenen Kalender/ }).getAttribute('href');
    const feed = await fetch(`${baseUrl()}${ical}`);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const ics = await feed.text();
    expect(ics).toContain('SUMMARY:Kinderturnen');
    expect(ics).not.toMatch(/SUMMARY:(?!Kinderturnen)/); // this offer's sessions only
    await expectAccessible(page, 'offer page');
    await screenshot(page, viewport, 'offer');

    await page.context().close();
  });

  it('works with the keyboard alone', async () => {
    // Prepare
    const page = await openPage(browser, viewport);
    await page.goto('/');
    await page.locator('.offer-card').first().waitFor();

    // Act: the first Tab.
    await page.keyboard.press('Tab');

    // Assess: it lands on the skip link.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Zum Inhalt springen');

    // Act: Enter on the skip link.
    await page.keyboard.press('Enter');

    // Assess: focus is on the main content.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    // Act: Tab on through the filters to the first offer.
    // Assess: every stop shows where focus is.
    let onOffer = false;
    for (let i = 0; i < 40 && !onOffer; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return { el: el.outerHTML.slice(0, 80), inCard: !!el.closest('.offer-card'), outlined: style.outlineStyle !== 'none' && style.outlineWidth !== '0px' };
      });
      expect(focus.outlined, `focus stop ${i}: ${focus.el}`).toBe(true);
      onOffer = focus.inCard;
    }
    expect(onOffer).toBe(true);

    // Act: Enter on the offer.
    await page.keyboard.press('Enter');

    // Assess: the offer's page.
    await page.waitForURL(/\/offers\//);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.context().close();
  });

  it('switches to English on an offer, and stays in English back at the calendar and after a reload', async () => {
    // Prepare
    const page = await openPage(browser, viewport);
    await page.goto('/offers/kinderturnen-kirchau');
    await page.getByRole('heading', { level: 1 }).waitFor();

    // Act: English, back to the calendar.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Back to the calendar' }).click();

    // Assess: the calendar in English.
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Offers in');

    // Act: a reload.
    await page.reload();

    // Assess: still in English.
    await poll(() => page.getByLabel('Municipality').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.locator('.offer-card').first().waitFor();
    await screenshot(page, viewport, 'calendar-en');
    await page.context().close();
  });

  it('says plainly that a lottery offer cannot be booked here yet, instead of offering a button that fails', async () => {
    // Prepare
    const page = await openPage(browser, viewport);

    // Act
    await page.goto('/offers/ferienbetreuung-sommer-weidenbrunn');

    // Assess
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Ferienbetreuung Sommer');
    await poll(() => page.locator('section.booking').textContent()).toContain('Die Plätze werden verlost');
    expect(await page.locator('section.booking').getByRole('link', { name: 'Zum Buchen anmelden' }).count()).toBe(0);
    await expectAccessible(page, 'lottery offer');
    await page.context().close();
  });

  it('shows the embeddable calendar for one municipality', async () => {
    // Prepare
    const page = await openPage(browser, viewport);

    // Act
    await page.goto('/embed?municipality=lindach');

    // Assess
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Lindach');
    await page.locator('.offer-card').first().waitFor();
    expect((await page.locator('.offer-card .card-meta').allTextContents()).every((m) => m.includes('Lindach'))).toBe(true);
    expect(await page.locator('.site-header').count()).toBe(0);
    expect(await page.locator('.offer-card a').first().getAttribute('target')).toBe('_blank');
    await expectAccessible(page, 'embedded calendar');
    await screenshot(page, viewport, 'embed');
    await page.context().close();
  });

  it('shows the embeddable calendar in English when the page asks with ?lang=en', async () => {
    // Prepare: the frame has no language switch; a municipality's English page asks with ?lang=en.
    const page = await openPage(browser, viewport);

    // Act
    await page.goto('/embed?municipality=lindach&lang=en');

    // Assess
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Offers for families in Lindach');
    await page.locator('.offer-card').first().waitFor();
    await expectAccessible(page, 'embedded calendar in English');
    await page.context().close();
  });
});
