import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Programme, WishesInput } from '../../shared/schemas/programme';
import type { OfferInput, ProviderOffer } from '../../shared/schemas/provider';
import {
  apiAs,
  baseUrl,
  devServer,
  expectAccessible,
  freshEmail,
  launchBrowser,
  openPage,
  poll,
  screenshot,
  signedInPages,
  signIn,
  viewports,
} from './browser';

const REGION_ADMIN = 'region@regiokurs.example';
const PROVIDER = 'ferien@hilfswerk-example.at';
const COORDINATOR = 'koordination@gemeinde-example.at';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const adminPage = signedInPages(() => browser, REGION_ADMIN);

const { serverNow, moveClockTo, runJobs } = devServer(baseUrl);
/** An instant `seconds` after `from`, as ISO 8601 with its offset (UTC). */
const isoAfter = (from: number, seconds: number) => new Date(from + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00');

/**
 * A `datetime-local` value `days` after the server's clock (which other files move on, never
 * back), so the wish window lies ahead and no freeze interferes with this file.
 */
async function localInput(days: number, time: string) {
  const day = new Date((await serverNow()).getTime() + days * 86_400_000).toISOString().slice(0, 10);
  return `${day}T${time}`;
}

/** The texts a control's `aria-describedby` points at: its hint and its error, as a screen reader reads them. */
const description = (control: Locator) =>
  control.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

async function switchLanguage(page: Page, lang: 'de' | 'en') {
  await page.locator(`.lang-switch button[lang="${lang}"]`).click();
  await poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
}

describe.each(viewports)('region admin and holiday programmes at $name size', (viewport) => {
  it('creates a programme after a refused wish window, publishes it, and is not offered the draw before the freeze', async () => {
    // Prepare
    const page = await adminPage(viewport);
    const title = `E2E Sommer ${viewport.name} ${Date.now()}`;
    const opens = await localInput(200, '08:00');
    const closesTooEarly = await localInput(199, '08:00');
    const closes = await localInput(230, '20:00');
    await page.goto('/');
    await page.getByRole('link', { name: 'Ferienprogramme', exact: true }).click();
    await page.waitForURL(/\/admin\/programmes$/);
    await page.getByRole('heading', { name: 'Ferienprogramme verwalten' }).waitFor();
    await expectAccessible(page, 'programme list');

    // Act: a wish window that closes before it opens.
    await page.getByLabel(/^Titel/).fill(title);
    await page.getByLabel(/^Wünsche ab/).fill(opens);
    const closesField = page.getByLabel(/^Wünsche bis/);
    await closesField.fill(closesTooEarly);
    await page.getByLabel(/^Quelle der Zufallszahl/).fill('Lotto 6 aus 45, Ziehung nach Wunschschluss');
    await page.getByRole('button', { name: 'Als Entwurf anlegen' }).click();

    // Assess: refused at the field, in German and in English.
    await poll(() => closesField.getAttribute('aria-invalid')).toBe('true');
    await poll(() => description(closesField)).toContain('Die Wunschfrist muss nach ihrem Beginn enden.');
    await switchLanguage(page, 'en');
    await poll(() => description(page.getByLabel(/^Wishes until/))).toContain('The wish window must close after it opens.');
    await switchLanguage(page, 'de');
    await expectAccessible(page, 'programme form with an error');
    expect(page.url()).toMatch(/\/admin\/programmes$/);

    // Act: a wish window in order.
    await closesField.fill(closes);
    await poll(() => closesField.getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('button', { name: 'Als Entwurf anlegen' }).click();
    await page.waitForURL(/\/admin\/programmes\/[^/]+$/);
    const id = new URL(page.url()).pathname.split('/').at(-1) as string;

    // Assess: a draft, no draw form yet.
    await page.getByRole('heading', { name: title }).waitFor();
    await poll(() => page.locator('.status').first().textContent()).toBe('Entwurf');
    expect(await page.getByLabel(/^Zufallszahl/).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Verlosung durchführen' }).count()).toBe(0);
    await expectAccessible(page, 'draft programme');

    // Act: a draft's settings change.
    await page.getByLabel(/^Höchstens Wünsche pro Kind/).fill('5');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();

    // Assess
    await page.getByText('Änderungen gespeichert.').waitFor();
    const draft = (await (await page.request.get(`/api/admin/programmes/${id}`)).json()) as Programme;
    expect(draft).toMatchObject({ status: 'draft', maxWishesPerChild: 5, rescue: true });

    // Act: publish.
    await page.getByRole('button', { name: 'Veröffentlichen' }).click();

    // Assess: open for wishes, listed publicly, still no draw form before the freeze.
    await poll(() => page.locator('.status').first().textContent()).toBe('Wünsche offen');
    const listed = await page.request.get('/api/programmes');
    expect(listed.status()).toBe(200);
    const items = ((await listed.json()) as { items: Programme[] }).items;
    expect(items.find((p) => p.id === id)).toMatchObject({ title, status: 'wishing' });
    expect(await page.getByLabel(/^Zufallszahl/).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Verlosung durchführen' }).count()).toBe(0);
    await switchLanguage(page, 'en');
    expect(await page.getByLabel(/^Randomness/).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Run the draw' }).count()).toBe(0);
    await switchLanguage(page, 'de');
    await expectAccessible(page, 'programme open for wishes');
    await screenshot(page, viewport, 'admin-programme');

    // Assess: the list shows it with its status.
    await page.getByRole('link', { name: 'Alle Ferienprogramme' }).click();
    await page.waitForURL(/\/admin\/programmes$/);
    const item = page.locator('.offer-admin', { has: page.getByRole('link', { name: title }) });
    await poll(() => item.locator('.status').textContent()).toBe('Wünsche offen');
    await page.context().close();
  });
});

/**
 * The wish window: long enough for the provider and three families to get ready before the
 * wishes close, on the slowest machine. The test then moves the shared server's clock past the
 * close (forward only, by minutes, which no other file minds) and runs the due work, rather than
 * waiting for the 15-second sweep in real time.
 */
const WISH_WINDOW_S = 600;
/** The due work run until `fn`'s answer is what the test expects: the freeze, or the draw once it is asked for. */
const afterDueWork = <T>(fn: () => Promise<T>) =>
  poll(async () => {
    await runJobs();
    return fn();
  });

/** A holiday-care week of the provider, a draft first come, first served: the editor makes it a lottery. */
async function createCareWeek(page: Page, title: string, now: number): Promise<ProviderOffer> {
  const careDay = new Date(now + 40 * 86_400_000).toISOString().slice(0, 10);
  const draft: OfferInput = {
    title,
    description: 'Eine Woche Spiel, Wald und Bach.',
    category: 'ferien',
    kind: 'holiday_care',
    municipalityId: 'weidenbrunn',
    bookingMode: 'fcfs',
    waitlist: true,
    ageRange: { min: 6, max: 12 },
    registrationOpens: isoAfter(now, -3600),
    registrationCloses: isoAfter(now, 30 * 86_400),
    price: { amount: 80 },
    // 06:00–14:00 UTC on a day in 40 days: within one day in the region whenever the test runs
    // (the editor has one date per session; now + 8 hours crossed midnight after 16:00).
    sessions: [{ start: `${careDay}T06:00:00Z`, end: `${careDay}T14:00:00Z`, place: 'Volksschule Weidenbrunn' }],
    units: [{ label: 'Woche 1', capacity: 2 }],
  };
  const response = await page.request.post('/api/provider/offers', { data: draft });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as ProviderOffer;
}

/** A new family with one child of eight who wishes for the unit. */
async function familyWishes(programmeId: string, offerId: string, unitId: string, postalCode: string) {
  const call = await apiAs(freshEmail('wish'));
  await call('PUT', '/family/household', { name: 'Test Familie', phone: '+43 660 0000000', postalCode });
  const child = await call<{ id: string }>('POST', '/family/children', { firstName: 'Mia', birthDate: `${new Date().getFullYear() - 8}-01-15` });
  const wishes: WishesInput = { children: [{ childId: child.id, wishes: [{ offerId, unitId }] }], together: [] };
  await call('PUT', `/family/programmes/${programmeId}/wishes`, wishes);
}

describe('the draw of a holiday programme', () => {
  const viewport = viewports[1];

  it('is offered once the wishes are frozen, asks before it runs, and shows the proof and the report', async () => {
    // Prepare: a programme open for wishes right now, closing soon.
    const page = await adminPage(viewport);
    const now = (await serverNow()).getTime();
    const title = `E2E Verlosung ${Date.now()}`;
    const source = 'Lotto 6 aus 45, nächste Ziehung';
    const created = await page.request.post('/api/admin/programmes', {
      data: { title, wishOpens: isoAfter(now, -3600), wishCloses: isoAfter(now, WISH_WINDOW_S), randomnessSource: source },
    });
    expect(created.status(), await created.text()).toBe(201);
    const programme = (await created.json()) as Programme;
    expect((await page.request.patch(`/api/admin/programmes/${programme.id}`, { data: { status: 'wishing' } })).status()).toBe(200);

    // Prepare: the provider puts a care week into the programme through the editor.
    const provider = await openPage(browser, viewport);
    await signIn(provider, PROVIDER);
    const offer = await createCareWeek(provider, `E2E Ferienwoche ${Date.now()}`, now);
    await provider.goto(`/provider/offers/${offer.id}/edit`);
    await poll(() => provider.getByLabel(/^Titel/).inputValue()).toBe(offer.title);
    await provider.getByLabel(/^Vergabe/).selectOption('lottery');
    const programmeSelect = provider.getByLabel(/^Ferienprogramm/);
    await programmeSelect.waitFor();
    await provider.getByRole('button', { name: 'Änderungen speichern' }).click();
    await poll(() => description(programmeSelect)).toContain('Bitte wählen Sie ein Ferienprogramm.');
    await expectAccessible(provider, 'offer editor with the programme select');
    await programmeSelect.selectOption({ label: title });
    await provider.getByRole('button', { name: 'Änderungen speichern' }).click();
    await provider.waitForURL(/\/provider$/);
    const saved = (await (await provider.request.get(`/api/provider/offers/${offer.id}`)).json()) as ProviderOffer;
    expect(saved).toMatchObject({ bookingMode: 'lottery', programmeId: programme.id });
    expect((await provider.request.patch(`/api/provider/offers/${offer.id}`, { data: { status: 'published' } })).status()).toBe(200);
    await provider.context().close();

    // Prepare: three children wish for two places.
    const unitId = saved.units[0]?.id as string;
    await Promise.all(['4831', '4801', '4811'].map((postalCode) => familyWishes(programme.id, offer.id, unitId, postalCode)));

    // Act: the wishes close, and the sweep freezes them.
    await moveClockTo(new Date(now + (WISH_WINDOW_S + 1) * 1000), []);
    const stored = async () => (await (await page.request.get(`/api/admin/programmes/${programme.id}`)).json()) as Programme;
    await afterDueWork(async () => (await stored()).status).toBe('frozen');
    const frozen = await stored();
    await page.goto(`/admin/programmes/${programme.id}`);

    // Assess: the commitment is shown and the draw is offered, naming where the number comes from.
    await page.getByRole('heading', { name: title }).waitFor();
    await poll(() => page.locator('.status').first().textContent()).toBe('Wünsche eingefroren');
    expect(await page.locator('main').textContent()).toContain(frozen.inputHash);
    const randomness = page.getByLabel(/^Zufallszahl/);
    await randomness.waitFor();
    expect(await description(randomness)).toContain(source);
    await expectAccessible(page, 'frozen programme with the draw form');

    // Act: the draw, asked twice.
    await randomness.fill('7 12 19 23 31 44');
    await page.getByRole('button', { name: 'Verlosung durchführen' }).click();
    await page.getByRole('button', { name: 'Ja, Verlosung durchführen' }).click();

    // Assess: published with its proof, the public page, the replay file and the report.
    await afterDueWork(() => page.locator('.status').first().textContent()).toBe('Verlost und veröffentlicht');
    const drawn = await stored();
    expect(drawn).toMatchObject({ status: 'published', randomness: '7 12 19 23 31 44' });
    expect(await page.locator('main').textContent()).toContain(drawn.outputHash);
    expect(await page.getByRole('link', { name: 'Öffentliche Seite des Ferienprogramms' }).getAttribute('href')).toBe(`/programmes/${programme.id}`);
    const replay = page.getByRole('link', { name: /Eingefrorene Wünsche herunterladen/ });
    const replayFile = await page.request.get((await replay.getAttribute('href')) as string);
    expect(replayFile.status()).toBe(200);
    expect(await page.locator('main').textContent()).toContain(`npm run draw:replay ${programme.id}-snapshot.json 7 12 19 23 31 44`);
    const figure = (term: string) => page.locator('.facts div', { has: page.locator('dt', { hasText: term }) }).locator('dd');
    await poll(() => figure('Kinder und Wünsche').textContent()).toBe('3 Kinder, 3 Wünsche');
    expect(await figure('Kinder mit mindestens einem Platz').textContent()).toBe('2 von höchstens 2 vermittelbaren Kindern');
    await page.getByRole('table', { name: 'Kennzahlen nach Wohngemeinde, Wohnort, Zahl der Wünsche und Alter' }).waitFor();
    await expectAccessible(page, 'published programme with its report');
    await screenshot(page, viewport, 'admin-programme-drawn');
    await page.context().close();

    // Assess: a municipality's coordinator reads the report (its residents' part), without settings or the draw.
    const coordinator = await openPage(browser, viewport);
    await signIn(coordinator, COORDINATOR);
    await coordinator.goto(`/admin/programmes/${programme.id}`);
    await coordinator.getByRole('heading', { name: 'Fairness-Bericht' }).waitFor();
    await coordinator.locator('.facts dt', { hasText: 'Kinder und Wünsche' }).waitFor();
    expect(await coordinator.getByRole('button', { name: 'Verlosung durchführen' }).count()).toBe(0);
    expect(await coordinator.getByRole('heading', { name: 'Einstellungen' }).count()).toBe(0);
    await expectAccessible(coordinator, 'programme report of a coordinator');
    await coordinator.context().close();
  });
});
