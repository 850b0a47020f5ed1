import { randomUUID } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, expectAccessible, freshEmail, launchBrowser, openPage, poll, screenshot, signIn, viewports, type Viewport } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const PROVIDER = 'kurse@sportunion-example.at';
const DAY_MS = 86_400_000;

type StoredOffer = { id: string; title: string; sessions: Array<{ start: string; end: string }>; units: Array<{ id: string; label: string }> };
type Price = { amount: number; reduced?: number };

/** An instant `days` from now at `hour` UTC (a morning or an afternoon in Vienna, whatever the season). */
const daysAhead = (days: number, hour: number) => {
  const day = new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:00:00+00:00`;
};

/**
 * The provider signed in once for the whole file: its address shares the login-code limit (5 in
 * 15 minutes) with the other files on the shared server, which sign it in too.
 */
let providerApi: ReturnType<typeof apiAs> | undefined;

/** A course of the test's own, published, open for registration since yesterday. */
async function publishCourse(fields: { title: string; place: string; address: string; price: Price; sessions: number[]; units: [string, number][] }) {
  const provider = await (providerApi ??= apiAs(PROVIDER));
  const created = await provider<StoredOffer>('POST', '/provider/offers', {
    title: fields.title,
    description: 'Ein Kurs, den nur dieser Test bucht.',
    category: 'bewegung',
    kind: 'course',
    municipalityId: 'lindach',
    address: fields.address,
    bookingMode: 'fcfs',
    waitlist: true,
    ageRange: { min: 3, max: 12 },
    registrationOpens: new Date(Date.now() - DAY_MS).toISOString().replace('Z', '+00:00'),
    registrationCloses: daysAhead(10, 20),
    price: fields.price,
    sessions: fields.sessions.map((days) => ({ start: daysAhead(days, 14), end: daysAhead(days, 16), place: fields.place })),
    units: fields.units.map(([label, capacity]) => ({ label, capacity })),
  });
  await provider('PATCH', `/provider/offers/${created.id}`, { status: 'published' });
  return created;
}

/** What a parent reads for an instant or an amount, formatted by the browser in German and Vienna's time (the app's format). */
const inGerman = (page: Page) => ({
  day: (iso: string) =>
    page.evaluate(
      (at) =>
        new Intl.DateTimeFormat('de-AT', { timeZone: 'Europe/Vienna', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(at)),
      iso,
    ),
  time: (iso: string) =>
    page.evaluate((at) => new Intl.DateTimeFormat('de-AT', { timeZone: 'Europe/Vienna', hour: '2-digit', minute: '2-digit' }).format(new Date(at)), iso),
  euros: (amount: number) => page.evaluate((n) => new Intl.NumberFormat('de-AT', { style: 'currency', currency: 'EUR' }).format(n), amount),
});

/** A definition in a card's facts ("Wann", "Wo", …), as it reads. */
const fact = (card: Locator, term: string) => card.locator('dl > div', { has: card.page().locator('dt', { hasText: new RegExp(`^${term}$`) }) }).locator('dd');

/** The headings of the page's content, as a screen reader lists them: level and text. */
const outline = (page: Page) =>
  page
    .getByRole('main')
    .locator('h1, h2, h3, h4, h5, h6')
    .evaluateAll((hs) => hs.map((h) => [Number(h.tagName.slice(1)), h.textContent?.trim() ?? ''] as const));

describe.each(viewports)('Meine Buchungen at $name size', (viewport: Viewport) => {
  it('shows one card per offer in date order, with dates, place, price and each child’s status', async () => {
    // Prepare: two courses of the test's own; the later one is created and booked first.
    const tag = `${viewport.name} ${randomUUID().slice(0, 6)}`;
    const climbing = await publishCourse({
      title: `E2E Kletterkurs ${tag}`,
      place: 'Kletterhalle Lindach',
      address: 'Sportplatzweg 2, 4801 Lindach',
      price: { amount: 45, reduced: 30 },
      sessions: [40, 47],
      units: [['Gruppe / group', 1]],
    });
    const swimming = await publishCourse({
      title: `E2E Schwimmkurs ${tag}`,
      place: 'Hallenbad Kirchau',
      address: 'Badgasse 1, 4821 Kirchau',
      price: { amount: 12.5 },
      sessions: [20],
      units: [
        ['Anfänger / beginners', 5],
        ['Fortgeschrittene / advanced', 5],
      ],
    });
    const email = freshEmail(`my-bookings-${viewport.name}`);
    const family = await apiAs(email);
    await family('PUT', '/family/household', { name: 'Familie Berger', phone: '+43 660 1234567', postalCode: '4801' });
    const year = new Date().getFullYear();
    const lena = await family<{ id: string }>('POST', '/family/children', { firstName: 'Lena', birthDate: `${year - 9}-03-10` });
    const jonas = await family<{ id: string }>('POST', '/family/children', { firstName: 'Jonas', birthDate: `${year - 6}-08-21` });
    // Lena gets the climbing course's one place, Jonas waits; then Lena alone into the beginners' swimming group.
    const book = (offer: StoredOffer, items: { unitId: string; childId: string }[]) =>
      family('POST', '/registrations', { offerId: offer.id, items }, { 'Idempotency-Key': randomUUID() });
    const climbingGroup = climbing.units[0]?.id as string;
    await book(climbing, [
      { unitId: climbingGroup, childId: lena.id },
      { unitId: climbingGroup, childId: jonas.id },
    ]);
    await book(swimming, [{ unitId: swimming.units[0]?.id as string, childId: lena.id }]);
    const page = await openPage(browser, viewport);
    await signIn(page, email);

    // Act: to the bookings by the link in the header.
    await page.getByRole('banner').getByRole('link', { name: 'Meine Buchungen' }).click();
    await page.waitForURL((url) => url.pathname === '/bookings');

    // Assess: one card per offer, the soonest first, under headings that skip no level.
    await poll(() => outline(page)).toEqual([
      [1, 'Meine Buchungen'],
      [2, 'Aktuell'],
      [3, swimming.title],
      [3, climbing.title],
    ]);
    const card = (offer: StoredOffer) => page.getByRole('listitem', { name: offer.title, exact: true });
    const german = inGerman(page);

    // Assess: the swimming course's one session, in Vienna's time, its place, address and price.
    const swim = card(swimming);
    const swimSession = swimming.sessions[0] as { start: string; end: string };
    expect(await fact(swim, 'Wann').textContent()).toBe(
      `${await german.day(swimSession.start)}, ${await german.time(swimSession.start)}–${await german.time(swimSession.end)}`,
    );
    expect(await fact(swim, 'Wo').textContent()).toBe('Hallenbad Kirchau');
    expect(await fact(swim, 'Adresse').textContent()).toBe('Badgasse 1, 4821 Kirchau');
    expect(await fact(swim, 'Preis').textContent()).toBe(await german.euros(12.5));

    // Assess: the climbing course's two sessions, first to last, and both prices.
    const climb = card(climbing);
    const [firstClimb, lastClimb] = climbing.sessions as [{ start: string; end: string }, { start: string; end: string }];
    expect(await fact(climb, 'Wann').textContent()).toBe(`2 Termine, ${await german.day(firstClimb.start)} bis ${await german.day(lastClimb.start)}`);
    expect(await fact(climb, 'Wo').textContent()).toBe('Kletterhalle Lindach');
    expect(await fact(climb, 'Preis').textContent()).toBe(`${await german.euros(45)} (ermäßigt ${await german.euros(30)})`);
    await climb.getByText('Termine (2)').click();
    expect(await climb.locator('ol li').allTextContents()).toEqual([
      `${await german.day(firstClimb.start)}, ${await german.time(firstClimb.start)}–${await german.time(firstClimb.end)}`,
      `${await german.day(lastClimb.start)}, ${await german.time(lastClimb.start)}–${await german.time(lastClimb.end)}`,
    ]);

    // Assess: each child's registration in its card, named by offer and child; the unit only where there are several.
    const line = (offer: StoredOffer, child: string) => page.getByRole('listitem', { name: `${offer.title} ${child}` });
    expect(
      await swim
        .getByRole('listitem')
        .filter({ has: page.locator('.status') })
        .count(),
    ).toBe(1);
    expect(await line(swimming, 'Lena').textContent()).toMatch(/^Lena · Anfänger\s*Bestätigt/);
    expect(
      await climb
        .getByRole('listitem')
        .filter({ has: page.locator('.status') })
        .count(),
    ).toBe(2);
    expect(await line(climbing, 'Jonas').textContent()).toMatch(/^Jonas\s*Auf der Warteliste, Position 1/);
    expect(await line(climbing, 'Lena').textContent()).toMatch(/^Lena\s*Bestätigt/);
    expect(await climb.textContent()).not.toContain('Gruppe');

    // Assess: each card's calendar link is its own offer's feed.
    for (const offer of [swimming, climbing]) {
      expect(await card(offer).getByRole('link', { name: 'Zum eigenen Kalender hinzufügen (iCal)' }).getAttribute('href')).toBe(
        `/api/calendar.ics?offer=${offer.id}`,
      );
    }
    await expectAccessible(page, 'bookings by offer');
    await screenshot(page, viewport, 'my-bookings');

    // Act: Lena's swimming course cancelled, with the button that names her and the course.
    await line(swimming, 'Lena')
      .getByRole('button', { name: `Stornieren: Lena, ${swimming.title}` })
      .click();
    await line(swimming, 'Lena').getByRole('button', { name: 'Ja, stornieren' }).click();

    // Assess: its card moves down to the cancelled and past ones, the climbing course stays current.
    await poll(() => outline(page)).toEqual([
      [1, 'Meine Buchungen'],
      [2, 'Aktuell'],
      [3, climbing.title],
      [2, 'Storniert und vergangen'],
      [3, swimming.title],
    ]);
    expect(await line(swimming, 'Lena').locator('.status').textContent()).toBe('Storniert');
    await expectAccessible(page, 'bookings with a cancelled offer');
    await page.context().close();
  });
});
