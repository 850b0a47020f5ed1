import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addChild, apiAs, baseUrl, expectAccessible, freshEmail, launchBrowser, openPage, poll, screenshot, signIn, viewports } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** `YYYY-MM-DD` in Vienna, `days` from today. */
const viennaDay = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Vienna' }).format(new Date(Date.now() + days * 86_400_000));

/** A provider's first-come holiday care of two weeks, published, so the test owns its places. */
async function publishTwoWeeks(title: string) {
  const provider = await apiAs('ferien@hilfswerk-example.at');
  const week = (n: number) => ({
    start: `${viennaDay(30 + 7 * n)}T08:00:00+01:00`,
    end: `${viennaDay(30 + 7 * n)}T16:00:00+01:00`,
    place: 'Volksschule Weidenbrunn',
  });
  const offer = await provider<{ id: string }>('POST', '/provider/offers', {
    title,
    description: 'Zwei Wochen Ferienbetreuung.',
    category: 'ferien',
    kind: 'holiday_care',
    municipalityId: 'weidenbrunn',
    bookingMode: 'fcfs',
    waitlist: true,
    ageRange: { min: 6, max: 12 },
    registrationOpens: new Date(Date.now() - 86_400_000).toISOString().replace('Z', '+00:00'),
    registrationCloses: new Date(Date.now() + 20 * 86_400_000).toISOString().replace('Z', '+00:00'),
    price: { amount: 90 },
    sessions: [week(0), week(1)],
    units: [
      { label: 'Woche 1 / week 1', capacity: 10 },
      { label: 'Woche 2 / week 2', capacity: 10 },
    ],
  });
  await provider('PATCH', `/provider/offers/${offer.id}`, { status: 'published' });
  return offer.id;
}

const yearsAgo = (years: number, monthDay: string) => `${new Date().getFullYear() - years}-${monthDay}`;

/** Ticks the named children on an offer page and books; answers the result lines. */
async function book(page: Page, offerId: string, children: string[]) {
  await page.goto(`/offers/${offerId}`);
  for (const name of children) await page.getByRole('checkbox', { name }).check();
  await page.getByRole('button', { name: `Verbindlich buchen (${children.length})` }).click();
  await page.getByRole('heading', { name: 'Ihre Buchung' }).waitFor();
  return page.locator('.booking-result li').allTextContents();
}

describe.each(viewports)('family at $name size', (viewport) => {
  // Each size fills a different small unit, so neither run depends on the other having run.
  const smallOffer = viewport.name === 'desktop' ? 'erste-hilfe-kleinkind-kirchau' : 'erste-hilfe-kleinkind-weidenbrunn';
  const openOffer = viewport.name === 'desktop' ? 'offener-familientreff-kirchau' : 'offener-familientreff-weidenbrunn';

  it('signs in with the outbox code, keeps the household, books, is waitlisted, cancels', async () => {
    // Prepare
    const page = await openPage(browser, viewport);

    // Act: a new family signs in with the code from the outbox.
    await signIn(page, freshEmail(`family-${viewport.name}`), viewport);

    // Assess: the family page.
    await page.waitForURL(/\/family$/);

    // Act: the guardian's contact, first with a postal code too short.
    await page.getByLabel(/^Name/).fill('Alex Muster');
    await page.getByLabel('Telefon').fill('+43 660 1112223');
    await page.getByLabel('Postleitzahl').fill('48');
    await page.getByRole('button', { name: 'Kontakt speichern' }).click();

    // Assess: the shared zod schema answers before the server does, next to the field.
    await poll(() => page.locator('.field', { hasText: 'Postleitzahl' }).locator('.field-error').textContent()).toContain('Bitte prüfen Sie die Postleitzahl');

    // Act: the postal code corrected.
    await page.getByLabel('Postleitzahl').fill('4821');
    await page.getByRole('button', { name: 'Kontakt speichern' }).click();

    // Assess: saved.
    await page.getByText('Gespeichert.').waitFor();

    // Act: a child with nothing filled in.
    await page.getByRole('button', { name: 'Kind hinzufügen' }).click();

    // Assess: the required field is named.
    await poll(() => page.locator('form.child-form .field-error').first().textContent()).toContain('Bitte geben Sie den Vornamen an');

    // Act: four children added, one of them removed again, and the page reloaded.
    await addChild(page, 'Mia', yearsAgo(5, '03-10'));
    await addChild(page, 'Ben', yearsAgo(7, '08-21'));
    await addChild(page, 'Emil', yearsAgo(3, '11-02'));
    await addChild(page, 'Probe', yearsAgo(4, '01-01'));
    await page.getByRole('button', { name: 'Probe entfernen' }).click();
    await page.getByRole('button', { name: 'Ja, entfernen' }).click();
    await poll(() => page.locator('.child-list li', { hasText: 'Probe' }).count()).toBe(0);
    await page.reload();

    // Assess: the server kept three children.
    await poll(() => page.locator('.child-list li').count()).toBe(3);
    await expectAccessible(page, 'family page');
    await screenshot(page, viewport, 'family');

    // Act: Mia booked into an open offer.
    const booked = await book(page, openOffer, ['Mia']);

    // Assess: her place is confirmed.
    expect(booked).toEqual([expect.stringMatching(/Mia.*Platz bestätigt/)]);
    await expectAccessible(page, 'booking result');
    await screenshot(page, viewport, 'booking-confirmed');

    // Act: the same child booked again.
    await page.getByRole('button', { name: 'Weitere Buchung' }).click();
    await page.getByRole('checkbox', { name: 'Mia' }).check();
    await page.getByRole('button', { name: 'Verbindlich buchen (1)' }).click();

    // Assess: the server's 409 is shown in plain words at the children.
    const childrenGroup = page.getByRole('group', { name: 'Welche Kinder?' });
    await poll(() => childrenGroup.locator('.field-error').textContent()).toBe('Das Kind ist hier schon angemeldet');
    await expectAccessible(page, 'booking refused');

    // Act: three children into a unit of two places.
    const lines = await book(page, smallOffer, ['Mia', 'Ben', 'Emil']);

    // Assess: whoever comes after the last place waits, with a position.
    expect(lines).toHaveLength(3);
    const waiting = lines.filter((l) => /Warteliste, Position \d+/.test(l));
    expect(waiting.length).toBeGreaterThanOrEqual(1);
    await screenshot(page, viewport, 'booking-waitlisted');

    // Act: to the family's bookings.
    await page.getByRole('link', { name: 'Zu meinen Buchungen' }).click();
    await page.waitForURL(/\/bookings$/);

    // Assess: four current bookings, the waiting ones with their positions.
    const active = page.locator('section', { has: page.getByRole('heading', { name: 'Aktuell' }) }).locator('li.registration');
    await poll(() => active.count()).toBe(4);
    await poll(() => page.locator('li.registration', { hasText: /Position \d+/ }).count()).toBe(waiting.length);
    await expectAccessible(page, 'my bookings');
    await screenshot(page, viewport, 'bookings');

    // Act: the confirmed booking cancelled.
    const confirmed = page
      .locator('section', { has: page.getByRole('heading', { name: 'Aktuell' }) })
      .locator('li.booked-offer', { hasText: 'Offener Familientreff' })
      .locator('li.registration');
    await confirmed.getByRole('button', { name: 'Stornieren' }).click();
    await confirmed.getByRole('button', { name: 'Ja, stornieren' }).click();

    // Assess: it moves to the cancelled and past ones.
    const past = page.locator('section', { has: page.getByRole('heading', { name: 'Storniert und vergangen' }) });
    await past.locator('li.booked-offer', { hasText: 'Offener Familientreff' }).locator('li.registration').waitFor();

    // Act: a reload.
    await page.reload();

    // Assess: what the page shows is what the server holds.
    await past.locator('li.registration', { hasText: 'Storniert' }).waitFor();
    await poll(() => active.count()).toBe(3);
    await page.context().close();
  });

  it('books two holiday-care weeks in one go, exports its data and deletes the account', async () => {
    // Prepare: a two-week offer of the test's own, and a new family with a child.
    const offerId = await publishTwoWeeks(`E2E Ferienbetreuung ${viewport.name} ${Date.now()}`);
    const page = await openPage(browser, viewport);
    await signIn(page, freshEmail(`weeks-${viewport.name}`));
    await addChild(page, 'Lotta', yearsAgo(8, '02-14'));

    // Act: the booking panel asks a family without contact details for them first.
    await page.goto(`/offers/${offerId}`);
    await page.getByLabel(/^Name/).fill('Familie Wochen');
    await page.getByLabel(/^Telefon/).fill('+43 660 1234567');
    await page.getByLabel(/^Postleitzahl/).fill('4801');
    await page.getByRole('button', { name: 'Speichern und weiter' }).click();

    // Act: Lotta booked into both weeks at once.
    await page.getByRole('checkbox', { name: 'Lotta' }).check();
    await page.getByRole('checkbox', { name: /Woche 1/ }).check();
    await page.getByRole('checkbox', { name: /Woche 2/ }).check();
    await page.getByRole('button', { name: 'Verbindlich buchen (2)' }).click();

    // Assess: both weeks confirmed.
    await page.getByRole('heading', { name: 'Ihre Buchung' }).waitFor();
    expect(await page.locator('.booking-result li').allTextContents()).toEqual([
      expect.stringMatching(/Lotta.*Woche 1.*Platz bestätigt/),
      expect.stringMatching(/Lotta.*Woche 2.*Platz bestätigt/),
    ]);
    await expectAccessible(page, 'booking of two weeks');
    await screenshot(page, viewport, 'booking-weeks');

    // Act: the family's data downloaded.
    await page.goto('/family');
    const exportHref = await page.getByRole('link', { name: 'Daten herunterladen (JSON)' }).getAttribute('href');
    const exported = await page.request.get(`${baseUrl()}${exportHref}`);

    // Assess: it holds the child.
    expect(JSON.stringify(await exported.json())).toContain('Lotta');

    // Act: the account deleted.
    await page.getByRole('button', { name: 'Konto und alle Daten löschen' }).click();
    await page.getByRole('button', { name: 'Ja, endgültig löschen' }).click();

    // Assess: signed out on the start page, and the session is gone.
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('link', { name: 'Anmelden' }).waitFor();
    expect((await page.request.get(`${baseUrl()}/api/me`)).status()).toBe(401);
    await page.context().close();
  });
});

describe('a family on two devices', () => {
  it('signs out on every device from one: the other device is signed out too', async () => {
    // Prepare: one guardian signed in on a phone and on a laptop.
    const email = freshEmail('everywhere');
    const phone = await openPage(browser, viewports[1]);
    await signIn(phone, email);
    await phone.waitForURL(/\/family$/);
    const laptop = await openPage(browser, viewports[0]);
    await signIn(laptop, email);
    await laptop.waitForURL(/\/family$/);

    // Act: on the laptop, "sign out on all devices".
    await laptop.getByRole('button', { name: 'Auf allen Geräten abmelden' }).click();

    // Assess: the laptop is on the start page, signed out; the phone's next page asks to sign in.
    await laptop.waitForURL((url) => url.pathname === '/');
    await laptop.getByRole('link', { name: 'Anmelden' }).waitFor();
    await phone.reload();
    await phone.getByRole('link', { name: 'Anmelden' }).first().waitFor();
    expect((await phone.request.get(`${baseUrl()}/api/me`)).status()).toBe(401);
    await Promise.all([phone.context().close(), laptop.context().close()]);
  });
});

describe('health notes', () => {
  it('saves a child’s notes only with the guardian’s consent, and deletes them when it is withdrawn', async () => {
    // Prepare
    const page = await openPage(browser, viewports[0]);
    await signIn(page, freshEmail('notes'));
    await page.waitForURL(/\/family$/);
    const form = page.locator('form.child-form').last();
    await form.getByLabel('Vorname').fill('Nora');
    await form.getByLabel('Geburtsdatum').fill(yearsAgo(6, '04-12'));
    await form.getByLabel('Hinweise für Anbieter').fill('Asthma-Spray im Rucksack');

    // Act: saved without the consent.
    await form.getByRole('button', { name: 'Kind hinzufügen' }).click();

    // Assess: the consent is asked for, next to its box, and nothing is saved.
    await poll(() => form.locator('.field.checkbox .field-error').textContent()).toContain('nur mit Ihrer Einwilligung');
    expect(await page.locator('.child-list li', { hasText: 'Nora' }).count()).toBe(0);

    // Act: consent given.
    await form.getByLabel(/Ich willige ein/).check();
    await form.getByRole('button', { name: 'Kind hinzufügen' }).click();

    // Assess
    await page.locator('.child-list li', { hasText: 'Asthma-Spray im Rucksack' }).waitFor();
    await expectAccessible(page, 'family page with a child’s notes');

    // Act: the consent withdrawn.
    await page.getByRole('button', { name: 'Nora bearbeiten' }).click();
    await page
      .locator('.child-list form.child-form')
      .getByLabel(/Ich willige ein/)
      .uncheck();
    await page.locator('.child-list form.child-form').getByRole('button', { name: 'Änderungen speichern' }).click();

    // Assess: the notes are gone, also after a reload.
    await poll(() => page.locator('.child-list li', { hasText: 'Asthma-Spray' }).count()).toBe(0);
    await page.reload();
    await page.locator('.child-list li', { hasText: 'Nora' }).waitFor();
    expect(await page.locator('.child-list li', { hasText: 'Asthma-Spray' }).count()).toBe(0);
    await page.context().close();
  });
});
