import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, familyBooks, launchBrowser, openPage, poll, screenshot, signIn, viewports } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** `YYYY-MM-DD` in Vienna, `days` from today. */
const viennaDay = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Vienna' }).format(new Date(Date.now() + days * 86_400_000));

describe.each(viewports)('provider at $name size', (viewport) => {
  it('creates and publishes an offer, then ticks attendance of a booked child', async () => {
    // Prepare
    const page = await openPage(browser, viewport);

    // Act: the provider signs in.
    await signIn(page, 'kurse@sportunion-example.at');
    await page.waitForURL(/\/provider$/);

    // Assess: the provider's offers, accessible.
    await page.locator('.offer-admin').first().waitFor();
    await expectAccessible(page, 'my offers');
    await screenshot(page, viewport, 'provider-offers');

    // Act: a new offer saved with nothing filled in.
    const title = `E2E Wassergewöhnung ${viewport.name} ${Date.now()}`;
    await page.getByRole('link', { name: 'Neues Angebot' }).click();
    await page.getByRole('button', { name: 'Als Entwurf speichern' }).click();

    // Assess: the API's own zod schema flags the empty title before anything is sent.
    await poll(() =>
      page
        .locator('.field', { has: page.getByLabel(/^Titel/) })
        .locator('.field-error')
        .textContent(),
    ).toBeTruthy();

    // Act: the form filled in.
    await page.getByLabel(/^Titel/).fill(title);
    await page.getByLabel('Beschreibung').fill('Spielerisch ans Wasser gewöhnen.');
    await page.getByLabel(/^Kategorie/).selectOption({ label: 'Bewegung & Sport' });
    await page.getByLabel(/^Gemeinde/).selectOption({ label: 'Lindach' });
    await page.getByLabel(/^Alter von/).fill('3');
    await page.getByLabel(/^Alter bis/).fill('8');
    await page.getByLabel(/^Preis/).fill('20');
    await page.getByLabel(/^Anmeldung ab/).fill(`${viennaDay(-1)}T08:00`);
    await page.getByLabel(/^Anmeldung bis/).fill(`${viennaDay(20)}T20:00`);
    await page.getByLabel(/^Datum/).fill(viennaDay(0));
    await page.getByLabel(/^Beginn/).fill('23:00');
    await page.getByLabel(/^Ende/).fill('23:45');
    await page.getByLabel(/^Ort/).fill('Hallenbad Lindach');
    await page.getByLabel(/^Bezeichnung/).fill('Gruppe A');
    await page.getByLabel(/^Plätze/).fill('6');

    // Assess: the filled editor is accessible.
    await expectAccessible(page, 'offer editor');
    await screenshot(page, viewport, 'provider-editor');

    // Act: saved as a draft.
    await page.getByRole('button', { name: 'Als Entwurf speichern' }).click();
    await page.waitForURL(/\/provider$/);

    // Assess: listed as a draft.
    const row = page.locator('.offer-admin', { hasText: title });
    await poll(() => row.locator('.status').textContent()).toBe('Entwurf');

    // Act: published.
    await row.getByRole('button', { name: 'Veröffentlichen' }).click();

    // Assess: listed as published.
    await poll(() => row.locator('.status').textContent()).toBe('Veröffentlicht');
    const offerId = ((await row.getByRole('link', { name: title }).getAttribute('href')) ?? '').split('/').pop() as string;

    // Act: edited; editing loads the saved offer into the same form and saves it as a patch.
    await row.getByRole('link', { name: 'Bearbeiten' }).click();
    await poll(() => page.getByLabel(/^Titel/).inputValue()).toBe(title);
    await poll(() => page.getByLabel(/^Beginn/).inputValue()).toBe('23:00');
    await page.getByLabel(/^Plätze/).fill('8');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await page.waitForURL(/\/provider$/);

    // Assess: the new capacity is listed.
    await poll(() => row.textContent()).toContain('0/8 belegt');

    // Prepare: meanwhile a family books a child into the new offer, as it would from the calendar.
    await familyBooks(offerId, [5]);

    // Act: the child ticked present.
    await row.getByRole('link', { name: 'Teilnehmende' }).click();
    const child = page.locator('.attendance-row', { hasText: 'Kind1' });
    await child.waitFor();
    const present = child.getByRole('button', { name: 'anwesend' });
    await present.click();

    // Assess: the mark shows.
    await poll(() => present.getAttribute('aria-pressed')).toBe('true');
    await expectAccessible(page, 'participants and attendance');
    await screenshot(page, viewport, 'provider-attendance');

    // Act: a reload.
    await page.reload();

    // Assess: the mark is the server's: the reloaded page shows it, and the CSV list carries it.
    await poll(() => page.locator('.attendance-row', { hasText: 'Kind1' }).getByRole('button', { name: 'anwesend' }).getAttribute('aria-pressed')).toBe('true');
    const csv = await page.request.get(`/api/provider/offers/${offerId}/attendance.csv`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('Kind1');
    const pdf = await page.request.get(`/api/provider/offers/${offerId}/attendance.pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await page.context().close();
  });
});
