import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Programme } from '../../shared/schemas/programme';
import type { OfferInput, ProviderOffer } from '../../shared/schemas/provider';
import { apiAs, baseUrl, devServer, expectAccessible, freshEmail, launchBrowser, openPage, poll, screenshot, signIn, viewports, type DevApi } from './browser';

const REGION_ADMIN = 'region@regiokurs.example';
const DAY_MS = 86_400_000;

/** The public contact of this file's own provider, as the region admin entered it. */
const CONTACT = { email: 'kontakt@elternverein-e2e.example', phone: '+43 7612 98765', website: 'https://elternverein-e2e.example/' };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const { serverNow } = devServer(baseUrl);
/** An instant `days` after `from`, as ISO 8601 with its offset (UTC). */
const isoAfter = (from: number, days: number) => new Date(from + days * DAY_MS).toISOString().replace(/\.\d{3}Z$/, '+00:00');

/**
 * This file's own provider (with a public contact), signed in through the API, and a holiday
 * programme open for wishes that its lottery offer can join. Made once, inside the first test
 * that asks (signing in polls the outbox, which only a test may do).
 */
type World = { provider: DevApi; providerName: string; programme: Programme };
let made: Promise<World> | undefined;
const world = () => (made ??= makeWorld());

async function makeWorld(): Promise<World> {
  const admin = await apiAs(REGION_ADMIN);
  const tag = randomUUID().slice(0, 8);
  const providerName = `Elternverein E2E ${tag}`;
  const providerId = `e2e-elternverein-${tag}`;
  await admin('POST', '/admin/providers', { id: providerId, name: providerName, kind: 'association', municipalityId: 'lindach', ...CONTACT });
  const providerEmail = freshEmail('contact-provider');
  await admin('PUT', '/admin/roles', { email: providerEmail, roles: [{ role: 'provider', providerId }] });
  const provider = await apiAs(providerEmail);
  const now = (await serverNow()).getTime();
  const programme = await admin<Programme>('POST', '/admin/programmes', {
    title: `E2E Sommer ${tag}`,
    wishOpens: isoAfter(now, -1),
    wishCloses: isoAfter(now, 200),
    randomnessSource: 'Lotto 6 aus 45, Ziehung nach Wunschschluss',
  });
  await admin('PATCH', `/admin/programmes/${programme.id}`, { status: 'wishing' });
  return { provider, providerName, programme };
}

/** A published offer of this file's provider, open for registration, for ages 3–12, dated from the server's clock. */
async function publishOffer(title: string, changes: Partial<OfferInput> = {}) {
  const { provider } = await world();
  const now = (await serverNow()).getTime();
  const draft: OfferInput = {
    title,
    description: 'Ein Nachmittag im Wald für Kinder.',
    category: 'bewegung',
    kind: 'event',
    municipalityId: 'lindach',
    bookingMode: 'fcfs',
    waitlist: true,
    ageRange: { min: 3, max: 12 },
    registrationOpens: isoAfter(now, -1),
    registrationCloses: isoAfter(now, 20),
    price: { amount: 10 },
    sessions: [{ start: isoAfter(now, 30), end: isoAfter(now, 30.1), place: 'Waldrand Lindach' }],
    units: [{ label: 'Gruppe / group', capacity: 10 }],
    ...changes,
  };
  const offer = await provider<ProviderOffer>('POST', '/provider/offers', draft);
  return provider<ProviderOffer>('PATCH', `/provider/offers/${offer.id}`, { status: 'published' });
}

/** A birth date that makes a child `age` years old on the offers' days. */
const bornYearsAgo = (age: number) => `${new Date().getFullYear() - age - 1}-12-31`;

/**
 * A new family signed in on a fresh page; its contact and children as if entered on the family
 * page before (`contact: false` leaves the contact out, as for someone who never got there).
 */
async function familyPage(viewport: (typeof viewports)[number], tag: string, options: { contact?: boolean; children?: string[] } = {}) {
  const page = await openPage(browser, viewport);
  await signIn(page, freshEmail(`${tag}-${viewport.name}`));
  if (options.contact !== false) {
    const saved = await page.request.put('/api/family/household', { data: { name: 'Familie Test', phone: '+43 660 1234567', postalCode: '4801' } });
    expect(saved.status(), await saved.text()).toBe(200);
  }
  for (const firstName of options.children ?? []) {
    const added = await page.request.post('/api/family/children', { data: { firstName, birthDate: bornYearsAgo(8) } });
    expect(added.status(), await added.text()).toBe(201);
  }
  return page;
}

/** Another family that books a child into the offer's first unit; answers the registration and that family's API. */
async function otherFamilyBooks(offer: ProviderOffer) {
  const call = await apiAs(freshEmail('first-in'));
  await call('PUT', '/family/household', { name: 'Familie Zuerst', phone: '+43 660 0000000', postalCode: '4801' });
  const child = await call<{ id: string }>('POST', '/family/children', { firstName: 'Paul', birthDate: bornYearsAgo(8) });
  const registration = await call<{ id: string; status: string }>(
    'POST',
    '/registrations',
    { offerId: offer.id, unitId: offer.units[0]?.id, childId: child.id },
    { 'Idempotency-Key': randomUUID() },
  );
  return { call, registration };
}

/**
 * Where the page's headings skip a level (an h2 followed by an h4, or no h1 first), as a screen
 * reader's list of headings shows them; empty when the outline is whole.
 */
async function headingSkips(page: Page): Promise<string[]> {
  const headings = await page.evaluate(() =>
    [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
      .filter((h) => (h as HTMLElement).offsetParent !== null)
      .map((h) => ({ level: Number(h.tagName.slice(1)), text: (h.textContent ?? '').trim() })),
  );
  return headings.flatMap((h, i) => {
    const before = i === 0 ? 0 : (headings[i - 1]?.level ?? 0);
    return h.level > before + 1 ? [`h${h.level} "${h.text}" after ${before ? `h${before}` : 'the start'}`] : [];
  });
}

/** The booking panel of the offer page, as a landmark named by its heading. */
const bookingPanel = (page: Page) => page.getByRole('region', { name: 'Buchen' });
/** The offer page's contact section. */
const contactSection = (page: Page) => page.getByRole('region', { name: 'Kontakt' });

describe.each(viewports)('offer page at $name size', (viewport) => {
  it('shows the provider’s e-mail, phone and website as links on a lottery offer, and on every other offer of the provider', async () => {
    // Prepare
    const { providerName, programme } = await world();
    const lottery = await publishOffer(`E2E Ferienwoche verlost ${viewport.name}`, {
      kind: 'holiday_care',
      category: 'ferien',
      bookingMode: 'lottery',
      programmeId: programme.id,
    });
    const course = await publishOffer(`E2E Waldnachmittag ${viewport.name}`);
    const page = await openPage(browser, viewport);

    // Act: a visitor opens the lottery offer.
    await page.goto(`/offers/${lottery.id}`);

    // Assess: the page says the places are drawn, and how to reach the provider.
    await poll(() => bookingPanel(page).textContent()).toContain('Die Plätze werden verlost');
    const contact = contactSection(page);
    await poll(() => contact.textContent()).toContain(providerName);
    expect(await contact.getByRole('link', { name: CONTACT.email }).getAttribute('href')).toBe(`mailto:${CONTACT.email}`);
    expect(await contact.getByRole('link', { name: CONTACT.phone }).getAttribute('href')).toBe('tel:+43761298765');
    expect(await contact.getByRole('link', { name: 'elternverein-e2e.example', exact: true }).getAttribute('href')).toBe(CONTACT.website);
    expect(await headingSkips(page)).toEqual([]);
    await expectAccessible(page, 'lottery offer with the provider’s contact');
    await screenshot(page, viewport, 'offer-contact');

    // Act: the same provider's first-come offer.
    await page.goto(`/offers/${course.id}`);

    // Assess: the same contact.
    await poll(() => contactSection(page).getByRole('link', { name: CONTACT.email }).count()).toBe(1);
    expect(await contactSection(page).getByRole('link', { name: CONTACT.phone }).count()).toBe(1);
    expect(await headingSkips(page)).toEqual([]);

    // Act: an offer of a demo provider that gave no contact.
    await page.goto('/offers/kinderturnen-kirchau');

    // Assess: the region's coordination is named instead, reachable the same way.
    await poll(() => contactSection(page).textContent()).toContain('keine Kontaktdaten angegeben');
    expect(await contactSection(page).getByRole('link', { name: 'koordination@sonnental.example' }).getAttribute('href')).toBe(
      'mailto:koordination@sonnental.example',
    );
    await expectAccessible(page, 'offer with the region’s contact');
    await page.context().close();
  });

  it('offers a full offer’s waiting list in those words, says that a later place must be accepted in time, and keeps that promise', async () => {
    // Prepare: an offer of one place, taken by another family.
    const offer = await publishOffer(`E2E Waldnachmittag ein Platz ${viewport.name}`, { units: [{ label: 'Gruppe / group', capacity: 1 }] });
    const first = await otherFamilyBooks(offer);
    expect(first.registration.status).toBe('confirmed');
    const page = await familyPage(viewport, 'waitlist', { children: ['Emma'] });

    // Act
    await page.goto(`/offers/${offer.id}`);

    // Assess: no "book" where nothing can be booked; what the waiting list means, before joining it.
    const join = bookingPanel(page).getByRole('button', { name: 'Auf die Warteliste (1)' });
    await join.waitFor();
    expect(
      await bookingPanel(page)
        .getByRole('button', { name: /Verbindlich buchen/ })
        .count(),
    ).toBe(0);
    const explanation = bookingPanel(page).getByText('Auf der Warteliste haben Sie noch keinen Platz.');
    await poll(() => explanation.textContent()).toContain('bis zu einer Frist');
    expect(await explanation.textContent()).toContain('Mit Ihrer Zusage ist die Anmeldung verbindlich.');
    expect(await headingSkips(page)).toEqual([]);
    await expectAccessible(page, 'full offer with its waiting list');
    await screenshot(page, viewport, 'offer-waitlist');

    // Act: in English.
    await page.locator('.lang-switch button[lang="en"]').click();

    // Assess
    await page.getByRole('button', { name: 'Join the waiting list (1)' }).waitFor();
    await poll(() => page.getByText('On the waiting list you do not have a place yet.').textContent()).toContain(
      'once you accept, the registration is binding',
    );
    await page.locator('.lang-switch button[lang="de"]').click();

    // Act: Emma joins the waiting list.
    await join.click();

    // Assess
    await page.getByRole('heading', { name: 'Ihre Buchung' }).waitFor();
    expect(await page.locator('.booking-result li').allTextContents()).toEqual([expect.stringMatching(/Emma.*Auf der Warteliste, Position 1/)]);
    expect(await headingSkips(page)).toEqual([]);
    await expectAccessible(page, 'joined the waiting list');

    // Act: the other family cancels; the place is offered to Emma.
    await first.call('DELETE', `/registrations/${first.registration.id}`);
    await page.goto('/bookings');

    // Assess: offered with a deadline, to accept; accepted, it is confirmed.
    const offered = page.getByRole('region', { name: 'Platz frei für Sie' });
    await poll(async () => {
      await page.reload();
      await page.getByRole('heading', { name: 'Aktuell' }).waitFor();
      return offered.getByText(offer.title).count();
    }).toBe(1);
    expect(await offered.textContent()).toMatch(/Emma.*Bitte bis .* annehmen oder ablehnen/);
    await offered.getByRole('button', { name: /^Platz annehmen/ }).click();
    await poll(() => page.locator('li.registration', { hasText: 'Emma' }).textContent()).toContain('Platz angenommen');
    expect(await page.locator('li.registration', { hasText: 'Emma' }).textContent()).toContain('Bestätigt');
    await page.context().close();
  });

  it('starts “Weitere Buchung” from nothing chosen, so the next child is booked alone', async () => {
    // Prepare: two weeks, two children, Mia booked into week 1.
    const offer = await publishOffer(`E2E Ferienwochen ${viewport.name}`, {
      kind: 'holiday_care',
      category: 'ferien',
      units: [
        { label: 'Woche 1 / week 1', capacity: 10 },
        { label: 'Woche 2 / week 2', capacity: 10 },
      ],
    });
    const page = await familyPage(viewport, 'again', { children: ['Mia', 'Ben'] });
    await page.goto(`/offers/${offer.id}`);
    await page.getByRole('checkbox', { name: 'Mia' }).check();
    await page.getByRole('checkbox', { name: /Woche 1/ }).check();
    await page.getByRole('button', { name: 'Verbindlich buchen (1)' }).click();
    await page.getByRole('heading', { name: 'Ihre Buchung' }).waitFor();

    // Act
    await page.getByRole('button', { name: 'Weitere Buchung' }).click();

    // Assess: nothing is ticked, nothing would be booked, and the keyboard is at the first choice.
    await bookingPanel(page).getByRole('button', { name: 'Verbindlich buchen (0)' }).waitFor();
    for (const name of ['Mia', 'Ben', /Woche 1/, /Woche 2/]) expect(await page.getByRole('checkbox', { name }).isChecked(), String(name)).toBe(false);
    const firstChoice = page.getByRole('group', { name: 'Welche Kinder?' }).getByRole('checkbox').first();
    await poll(() => firstChoice.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page, 'booking form started again');

    // Act: Ben into week 2.
    await page.getByRole('checkbox', { name: 'Ben' }).check();
    await page.getByRole('checkbox', { name: /Woche 2/ }).check();
    await page.getByRole('button', { name: 'Verbindlich buchen (1)' }).click();

    // Assess: only Ben's week 2 was booked.
    await page.getByRole('heading', { name: 'Ihre Buchung' }).waitFor();
    expect(await page.locator('.booking-result li').allTextContents()).toEqual([expect.stringMatching(/Ben.*Woche 2.*Platz bestätigt/)]);
    await page.context().close();
  });

  it('asks a new family for its contact and its child right in the booking panel, then books on the same page', async () => {
    // Prepare: a family that has just signed in, with nothing entered yet.
    const offer = await publishOffer(`E2E Waldnachmittag erste Buchung ${viewport.name}`);
    const page = await familyPage(viewport, 'first-booking', { contact: false });

    // Act
    await page.goto(`/offers/${offer.id}`);

    // Assess: the panel asks how the provider reaches the family, and offers no booking yet.
    const panel = bookingPanel(page);
    await panel.getByRole('heading', { name: 'Ihre Kontaktdaten' }).waitFor();
    expect(await panel.getByRole('button', { name: /Verbindlich buchen/ }).count()).toBe(0);
    expect(await headingSkips(page)).toEqual([]);
    await expectAccessible(page, 'first booking: contact');
    await screenshot(page, viewport, 'offer-first-contact');

    // Act: the contact, first with a postal code too short.
    await panel.getByLabel(/^Name/).fill('Sara Neu');
    await panel.getByLabel(/^Telefon/).fill('+43 660 7654321');
    await panel.getByLabel(/^Postleitzahl/).fill('48');
    await panel.getByRole('button', { name: 'Speichern und weiter' }).click();

    // Assess: the error is at its field, in the panel.
    await poll(() => panel.locator('.field', { hasText: 'Postleitzahl' }).locator('.field-error').textContent()).toContain('Postleitzahl');

    // Act: corrected.
    await panel.getByLabel(/^Postleitzahl/).fill('4801');
    await panel.getByRole('button', { name: 'Speichern und weiter' }).click();

    // Assess: next, the child.
    await panel.getByRole('heading', { name: 'Kind hinzufügen' }).waitFor();
    expect(await headingSkips(page)).toEqual([]);
    await expectAccessible(page, 'first booking: child');

    // Act: the child, and the booking.
    await panel.getByLabel('Vorname').fill('Lea');
    await panel.getByLabel('Geburtsdatum').fill(bornYearsAgo(6));
    await panel.getByRole('button', { name: 'Kind hinzufügen' }).click();
    await panel.getByRole('checkbox', { name: 'Lea' }).waitFor();
    expect(await panel.getByRole('checkbox', { name: 'Lea' }).isChecked()).toBe(true);
    await panel.getByRole('button', { name: 'Verbindlich buchen (1)' }).click();

    // Assess: booked without leaving the offer, and the server holds the contact.
    await page.getByRole('heading', { name: 'Ihre Buchung' }).waitFor();
    expect(await page.locator('.booking-result li').allTextContents()).toEqual([expect.stringMatching(/Lea.*Platz bestätigt/)]);
    expect(new URL(page.url()).pathname).toBe(`/offers/${offer.id}`);
    const household = (await (await page.request.get('/api/family/household')).json()) as { guardian: unknown };
    expect(household.guardian).toEqual({ name: 'Sara Neu', phone: '+43 660 7654321', postalCode: '4801' });
    expect(await headingSkips(page)).toEqual([]);
    await page.context().close();
  });

  it('keeps the headings of the calendar’s offer cards and of an offer page in order', async () => {
    // Prepare
    const page = await openPage(browser, viewport);

    // Act: the calendar's list of cards, and an offer from it.
    await page.goto('/');
    await page.locator('.offer-card').first().waitFor();
    const calendar = await headingSkips(page);
    await page.locator('.offer-card').first().getByRole('link').click();
    await page.waitForURL(/\/offers\//);
    await bookingPanel(page).waitFor();

    // Assess
    expect(calendar).toEqual([]);
    expect(await headingSkips(page)).toEqual([]);
    await page.context().close();
  });
});
