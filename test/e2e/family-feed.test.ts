import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIcsEvents } from '../support/ics';
import { addChild, expectAccessible, freshEmail, launchBrowser, openPage, poll, signIn, viewports } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const OPEN_OFFER = 'offener-familientreff-kirchau';

describe('a family’s private calendar subscription', () => {
  it('is created on the family page, holds the booking (with the child’s name, as chosen), and is dead once ended', async () => {
    // Prepare: a fresh family (signed in once) with a child booked into an open offer.
    const page = await openPage(browser, viewports[0]);
    await signIn(page, freshEmail('family-feed'));
    await page.waitForURL(/\/family$/);
    await page.getByLabel(/^Name/).fill('Kim Muster');
    await page.getByLabel('Telefon').fill('+43 660 1112224');
    await page.getByLabel('Postleitzahl').fill('4821');
    await page.getByRole('button', { name: 'Kontakt speichern' }).click();
    await page.getByText('Gespeichert.').waitFor();
    await addChild(page, 'Lotta', `${new Date().getFullYear() - 5}-03-10`);
    await page.goto(`/offers/${OPEN_OFFER}`);
    const title = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    await page.getByRole('checkbox', { name: 'Lotta' }).check();
    await page.getByRole('button', { name: 'Verbindlich buchen (1)' }).click();
    await page.getByRole('heading', { name: 'Ihre Buchung' }).waitFor();

    // Act: the subscription made with the children's names.
    await page.goto('/family');
    await page.getByRole('heading', { name: 'Kalender-Abo' }).waitFor();
    await page.getByRole('checkbox', { name: 'Vornamen der Kinder im Kalender zeigen' }).check();
    await page.getByRole('button', { name: 'Kalender-Abo erstellen' }).click();
    const field = page.getByLabel('Ihr privater Kalender-Link');
    await field.waitFor();
    const url = await field.inputValue();

    // Assess: the link subscribes with webcal:, and its feed holds the booking, titled with the child.
    const webcal = await page.getByRole('link', { name: 'In der Kalender-App abonnieren' }).getAttribute('href');
    expect(webcal).toBe(url.replace(/^https?:/, 'webcal:'));
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const events = parseIcsEvents(await res.text());
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.summary.startsWith(title) && e.summary.includes('Lotta'))).toBe(true);
    await expectAccessible(page, 'family page with a calendar subscription');

    // Act: the subscription ended.
    await page.getByRole('button', { name: 'Kalender-Abo beenden' }).click();
    await page.getByRole('button', { name: 'Ja, beenden' }).click();

    // Assess: the page says so, the link answers 404.
    await page.getByText('Das Kalender-Abo ist beendet.').waitFor();
    await poll(() => page.getByText('Noch kein Kalender-Abo.').count()).toBe(1);
    expect((await fetch(url)).status).toBe(404);
    await expectAccessible(page, 'family page after ending the subscription');
    await page.context().close();
  });
});
