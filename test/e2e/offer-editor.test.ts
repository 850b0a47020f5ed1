import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfferInput, ProviderOffer } from '../../shared/schemas/provider';
import { expectAccessible, launchBrowser, poll, signedInPages, viewports } from './browser';

const PROVIDER = 'kurse@sportunion-example.at';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The provider, whose sign-in leads to the provider's desk. */
const providerPage = signedInPages(() => browser, PROVIDER, /\/provider$/);

/** A whole hour `days` from now, as ISO 8601 with its offset (UTC). */
const hoursFromNow = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString().replace('.000Z', '+00:00');
};

/** A draft of the demo provider with every optional field set, so that the test owns what it edits. */
async function createDraft(page: Page, title: string, price: OfferInput['price']) {
  const draft: OfferInput = {
    title,
    description: 'Bewegungslandschaft für die Kleinsten.',
    category: 'bewegung',
    kind: 'course',
    municipalityId: 'lindach',
    address: 'Schulstraße 1, Lindach',
    accessibility: 'Stufenloser Zugang zum Turnsaal',
    bookingMode: 'fcfs',
    waitlist: true,
    ageRange: { min: 1, max: 3 },
    registrationOpens: hoursFromNow(-1, 6),
    registrationCloses: hoursFromNow(20, 18),
    price,
    sessions: [{ start: hoursFromNow(25, 14), end: hoursFromNow(25, 15), place: 'Turnsaal Volksschule' }],
    units: [{ label: 'Gruppe / group', capacity: 12 }],
  };
  const response = await page.request.post('/api/provider/offers', { data: draft });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as ProviderOffer;
}

/** The offer as the API has stored it, read with the provider's session. */
async function storedOffer(page: Page, id: string) {
  const response = await page.request.get(`/api/provider/offers/${id}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as ProviderOffer;
}

describe.each(viewports)('offer editor at $name size', (viewport) => {
  it('keeps the reduced price when the provider changes only the title', async () => {
    // Prepare
    const page = await providerPage(viewport);
    const before = await createDraft(page, `E2E Turnen ${viewport.name} ${Date.now()}`, { amount: 40, reduced: 25 });

    // Act
    await page.goto(`/provider/offers/${before.id}/edit`);
    const title = page.getByLabel(/^Titel/);
    await poll(() => title.inputValue()).toBe(before.title);
    await title.fill(`${before.title} (neu)`);
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await page.waitForURL(/\/provider$/);

    // Assess
    const after = await storedOffer(page, before.id);
    expect(after.title).toBe(`${before.title} (neu)`);
    expect(after.price).toEqual({ amount: 40, reduced: 25 });
    expect(after).toMatchObject({ address: before.address, accessibility: before.accessibility, ageRange: before.ageRange, waitlist: true });
    expect(after.version).toBe(before.version + 1);
    await page.context().close();
  });

  it('sets a reduced price through its own labelled field', async () => {
    // Prepare
    const page = await providerPage(viewport);
    const before = await createDraft(page, `E2E Turnen ermäßigt ${viewport.name} ${Date.now()}`, { amount: 40 });
    await page.goto(`/provider/offers/${before.id}/edit`);
    await poll(() => page.getByLabel(/^Titel/).inputValue()).toBe(before.title);
    const reduced = page.getByLabel('Ermäßigter Preis in Euro');

    // Act
    await reduced.fill('12.5');
    await expectAccessible(page, 'offer editor with a reduced price');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await page.waitForURL(/\/provider$/);

    // Assess
    expect((await storedOffer(page, before.id)).price).toEqual({ amount: 40, reduced: 12.5 });
    await page.context().close();
  });

  it('clears a reduced price through its own labelled field', async () => {
    // Prepare
    const page = await providerPage(viewport);
    const before = await createDraft(page, `E2E Turnen nicht mehr ermäßigt ${viewport.name} ${Date.now()}`, { amount: 40, reduced: 12.5 });
    await page.goto(`/provider/offers/${before.id}/edit`);
    const reduced = page.getByLabel('Ermäßigter Preis in Euro');
    await poll(() => reduced.inputValue()).toBe('12.5');

    // Act
    await reduced.fill('');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await page.waitForURL(/\/provider$/);

    // Assess
    expect((await storedOffer(page, before.id)).price).toEqual({ amount: 40 });
    await page.context().close();
  });
});
