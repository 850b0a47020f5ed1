import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, expectAccessible, freshEmail, launchBrowser, openPage, poll, signIn, viewports } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** `YYYY-MM-DD` in Vienna, `days` from today. */
const viennaDay = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Vienna' }).format(new Date(Date.now() + days * 86_400_000));

/** The editor's fieldset of one date or one group, by its legend ("Termin 2", "Gruppe 1"). */
const row = (page: Page, legend: string) => page.locator('fieldset', { has: page.locator('legend', { hasText: new RegExp(`^${legend}$`) }) });

/** A new family whose children of seven (named as given) book the given units of the offer, one each. */
async function familyBooksWeeks(offerId: string, bookings: Array<{ name: string; unitId: string }>) {
  const call = await apiAs(freshEmail('weeks'));
  await call('PUT', '/family/household', { name: 'Familie Woche', phone: '+43 660 0000000', postalCode: '4801' });
  const year = new Date().getFullYear();
  const items = await Promise.all(
    bookings.map(async ({ name, unitId }) => ({
      unitId,
      childId: (await call<{ id: string }>('POST', '/family/children', { firstName: name, birthDate: `${year - 8}-12-31` })).id,
    })),
  );
  await call('POST', '/registrations', { offerId, items }, { 'Idempotency-Key': randomUUID() });
}

describe.each(viewports)('holiday care of two weeks at $name size', (viewport) => {
  it('the provider gives each date its week in the editor, and each week’s roll call lists only that week’s children', async () => {
    // Prepare
    const page = await openPage(browser, viewport);
    await signIn(page, 'ferien@hilfswerk-example.at');
    await page.waitForURL(/\/provider$/);
    const title = `E2E Ferienwochen ${viewport.name} ${Date.now()}`;

    // Act: a holiday care of two weeks, one date each, entered in the editor.
    await page.getByRole('link', { name: 'Neues Angebot' }).click();
    await page.getByLabel(/^Titel/).fill(title);
    await page.getByLabel(/^Kategorie/).selectOption({ index: 1 });
    await page.getByLabel(/^Art/).selectOption({ label: 'Ferienbetreuung' });
    await page.getByLabel(/^Gemeinde/).selectOption({ label: 'Weidenbrunn' });
    await page.getByLabel(/^Alter von/).fill('6');
    await page.getByLabel(/^Alter bis/).fill('12');
    await page.getByLabel(/^Preis in Euro/).fill('80');
    await page.getByLabel(/^Anmeldung ab/).fill(`${viennaDay(-1)}T08:00`);
    await page.getByLabel(/^Anmeldung bis/).fill(`${viennaDay(20)}T20:00`);
    await row(page, 'Termin 1')
      .getByLabel(/^Datum/)
      .fill(viennaDay(30));
    await row(page, 'Termin 1')
      .getByLabel(/^Beginn/)
      .fill('08:00');
    await row(page, 'Termin 1').getByLabel(/^Ende/).fill('14:00');
    await row(page, 'Termin 1').getByLabel(/^Ort/).fill('Volksschule');
    await page.getByRole('button', { name: 'Termin hinzufügen' }).click();
    await row(page, 'Termin 2')
      .getByLabel(/^Datum/)
      .fill(viennaDay(37));
    await row(page, 'Gruppe 1')
      .getByLabel(/^Bezeichnung/)
      .fill('Woche 1');
    await row(page, 'Gruppe 1')
      .getByLabel(/^Plätze/)
      .fill('5');
    await page.getByRole('button', { name: 'Gruppe/Woche hinzufügen' }).click();
    await row(page, 'Gruppe 2')
      .getByLabel(/^Bezeichnung/)
      .fill('Woche 2');
    await row(page, 'Gruppe 2')
      .getByLabel(/^Plätze/)
      .fill('5');
    await row(page, 'Termin 1')
      .getByLabel(/^Für Gruppe bzw. Woche/)
      .selectOption({ label: 'Woche 1' });
    await row(page, 'Termin 2')
      .getByLabel(/^Für Gruppe bzw. Woche/)
      .selectOption({ label: 'Woche 2' });
    await expectAccessible(page, 'offer editor with two weeks');
    await page.getByRole('button', { name: 'Als Entwurf speichern' }).click();
    await page.waitForURL(/\/provider$/);
    const listed = page.locator('.offer-admin', { hasText: title });
    await listed.getByRole('button', { name: 'Veröffentlichen' }).click();
    await poll(() => listed.locator('.status').textContent()).toBe('Veröffentlicht');
    const offerId = ((await listed.getByRole('link', { name: title }).getAttribute('href')) ?? '').split('/').pop() as string;
    const saved = (await (await page.request.get(`/api/provider/offers/${offerId}`)).json()) as {
      sessions: Array<{ start: string; unitId?: string }>;
      units: Array<{ id: string; label: string }>;
    };
    const unitOf = (label: string) => saved.units.find((u) => u.label === label)?.id as string;

    // Prepare: a family books Anna into week 1 and Ben into week 2.
    await familyBooksWeeks(offerId, [
      { name: 'Anna', unitId: unitOf('Woche 1') },
      { name: 'Ben', unitId: unitOf('Woche 2') },
    ]);

    // Act: the provider opens the participants and picks week 2's date.
    await listed.getByRole('link', { name: 'Teilnehmende' }).click();
    await page.locator('.attendance-row').first().waitFor();
    const rollFor = page.getByLabel(/^Anwesenheit am/);
    const week1Roll = await page.locator('.attendance-row').allTextContents();
    const option2 = await rollFor.locator('option', { hasText: 'Woche 2' }).getAttribute('value');
    await rollFor.selectOption(option2 as string);
    await poll(async () => (await page.locator('.attendance-row').allTextContents()).join()).toContain('Ben');

    // Assess: the saved sessions name their weeks; each roll lists its week's child; the lists say the week.
    expect(saved.sessions.map((s) => s.unitId)).toEqual([unitOf('Woche 1'), unitOf('Woche 2')]);
    expect(week1Roll.join()).toContain('Anna');
    expect(week1Roll.join()).not.toContain('Ben');
    expect((await page.locator('.attendance-row').allTextContents()).join()).not.toContain('Anna');
    await poll(() => page.locator('.participant', { hasText: 'Anna' }).textContent()).toContain('Woche 1');
    await expectAccessible(page, 'participants of two weeks');

    // Act: a family reads the offer's dates.
    await page.goto(`/offers/${offerId}`);

    // Assess: each date says its week.
    await poll(() => page.locator('ol.sessions li').allTextContents()).toEqual([expect.stringContaining('Woche 1'), expect.stringContaining('Woche 2')]);
    await page.context().close();
  });
});
