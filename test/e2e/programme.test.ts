import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, freshEmail, ownServer, poll, screenshot, viewports, type DevApi } from './browser';

/*
 * A holiday programme from the first wish to the published draw. The dev clock only moves
 * forward and a programme is drawn once, so this file runs its own local server (in-memory
 * DynamoDB Local, demo region with its programme and fifty wishing families) and sets the
 * browser's clock to the server's after every move.
 */

const REGION_ADMIN = 'region@regiokurs.example';
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const phone = viewports[1];

type Unit = { id: string; label: string };
type ProgrammeOffer = {
  id: string;
  title: string;
  municipalityId: string;
  ageRange: { min: number; max: number };
  sessions: Array<{ start: string }>;
  units: Unit[];
};
type Programme = { id: string; title: string; status: string; wishCloses: string; inputHash?: string; outputHash?: string; offers: ProgrammeOffer[] };
type Wish = { offerId: string; unitId: string };
type WishesAnswer = { children: Array<{ childId: string; wishes: Wish[] }>; editable: boolean };
type FamilyResult = {
  ticket: number;
  tickets: number;
  children: Array<{ firstName: string; wishes: Array<{ rank: number; offerTitle: string; outcome: string; reason: { de: string; en: string } }> }>;
};

const { getJson, mailTo, serverNow, moveClockTo, runJobs, apiAs, fillSignIn, openContext: openServerContext } = ownServer();

/** A household with one child who is `age` on the first day of the summer. */
async function familyWithChild(call: DevApi, firstName: string, birthDate: string) {
  await call('PUT', '/family/household', { name: `Familie ${firstName}`, phone: '+43 660 0000000', postalCode: '4801' });
  return call<{ id: string }>('POST', '/family/children', { firstName, birthDate });
}

/** A phone's browser context, with touch, its clock `now`. */
const openContext = (now: Date) => openServerContext(phone, now, { hasTouch: true });

async function signInHere(page: Page, email: string) {
  await page.goto('/sign-in');
  await fillSignIn(page, email);
}

/** A wish as the page names it: the offer with its municipality, and its unit (German half of the label) where the offer has several. */
async function wishNamer() {
  const municipalities = (await getJson<{ items: Array<{ id: string; name: string }> }>('/municipalities')).items;
  return (offer: ProgrammeOffer, unit: Unit) => {
    const name = `${offer.title} (${municipalities.find((m) => m.id === offer.municipalityId)?.name})`;
    return offer.units.length > 1 ? `${name} – ${unit.label.split(' / ')[0]}` : name;
  };
}

describe('a holiday programme at phone size', () => {
  it('takes wishes in the browser, freezes them with a hash, draws and explains every wish', async () => {
    // Prepare: the demo programme, three of its units for an eight-year-old, a new family with that child.
    const programmeId = (await getJson<{ items: Programme[] }>('/programmes')).items.find((p) => p.status === 'wishing')?.id as string;
    expect(programmeId).toBeDefined();
    const programme = await getJson<Programme>(`/programmes/${programmeId}`);
    const summer = Number(programme.offers[0]?.sessions[0]?.start.slice(0, 4));
    const birthDate = `${summer - 8}-01-01`;
    const fitting = programme.offers.filter((o) => o.ageRange.min <= 8 && o.ageRange.max >= 8);
    const chosen = fitting.flatMap((o) => o.units.map((u) => ({ offer: o, unit: u }))).slice(0, 3);
    expect(chosen).toHaveLength(3);
    const [w1, w2, w3] = chosen as [(typeof chosen)[number], (typeof chosen)[number], (typeof chosen)[number]];
    const wishName = await wishNamer();
    // The families sign in less than a week before the window closes, as a week unused signs out
    // (the demo's window ends a week from today at 08:00, which from a sign-in before then is more).
    const lastWeek = Date.parse(programme.wishCloses) - 6 * DAY_MS;
    if ((await serverNow()).getTime() < lastWeek) await moveClockTo(new Date(lastWeek), []);
    const email = freshEmail('programme');
    const family = await apiAs(email);
    const child = await familyWithChild(family, 'Frieda', birthDate);
    const { context, page } = await openContext(await serverNow());

    // Act: the family signs in and follows the offer page's link to the programme.
    await signInHere(page, email);
    await page.goto(`/offers/${w1.offer.id}`);
    await page.getByRole('link', { name: 'Zum Ferienprogramm: Regeln, Frist und alle Angebote' }).click();

    // Assess: the programme page with its rules, offers and the announced source of the randomness.
    await page.waitForURL((url) => url.pathname === `/programmes/${programmeId}`);
    await page.getByRole('heading', { level: 1, name: programme.title }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Die Regel ist nicht strategiesicher');
    expect(await page.locator('main').textContent()).toContain('mehr Wünsche lassen ein Kind nie ohne Platz');
    expect(await page.locator('main').textContent()).toContain('wird bei Fristende veröffentlicht');
    await expectAccessible(page, 'programme page while wishing');
    await screenshot(page, phone, 'programme-wishing');

    // Act: the easy-read page.
    await page.getByRole('link', { name: 'So funktioniert die Verlosung – in Leichter Sprache' }).click();
    await page.getByRole('heading', { level: 1, name: 'So funktioniert die Verlosung' }).waitFor();
    await expectAccessible(page, 'easy-read page');
    await page.goBack();

    // Act: three wishes entered and saved in the browser.
    await page.getByRole('link', { name: 'Wünsche abgeben' }).click();
    await page.waitForURL((url) => url.pathname === `/programmes/${programmeId}/wishes`);
    await page.getByRole('heading', { level: 2, name: 'Frieda' }).waitFor();
    await expectAccessible(page, 'wishes page, no wishes yet');
    for (const w of chosen) {
      await page.getByLabel('Angebot', { exact: true }).selectOption(w.offer.id);
      await page.getByLabel('Gruppe bzw. Woche').selectOption(w.unit.id);
      await page.getByRole('button', { name: 'Hinzufügen' }).click();
    }
    await poll(() => page.getByText('3 von 10 Wünschen').count()).toBe(1);
    await page.getByRole('button', { name: 'Wünsche speichern' }).click();
    await poll(() =>
      page
        .getByRole('status')
        .filter({ hasText: /^Gespeichert: / })
        .count(),
    ).toBe(1);

    // Assess
    const order = async () =>
      (await family<WishesAnswer>('GET', `/family/programmes/${programmeId}/wishes`)).children.find((c) => c.childId === child.id)?.wishes;
    expect(await order()).toEqual([w1, w2, w3].map((w) => ({ offerId: w.offer.id, unitId: w.unit.id })));

    // Act: the third wish moved to the top with the keyboard only, then saved with the keyboard.
    await page.getByRole('button', { name: `„${wishName(w3.offer, w3.unit)}“ nach oben` }).focus();
    await page.keyboard.press('Enter');
    await poll(() => page.locator('[aria-live="polite"]').textContent()).toContain('ist jetzt Wunsch 2 von 3');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('[aria-live="polite"]').textContent()).toContain('ist jetzt Wunsch 1 von 3');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`„${wishName(w3.offer, w3.unit)}“ nach unten`);
    await page.getByRole('button', { name: 'Wünsche speichern' }).focus();
    await page.keyboard.press('Enter');

    // Assess: the server holds the new order.
    await poll(order).toEqual([w3, w1, w2].map((w) => ({ offerId: w.offer.id, unitId: w.unit.id })));
    await expectAccessible(page, 'wishes page with three wishes');
    await screenshot(page, phone, 'programme-wishes');

    // Act: the top wish dragged by its handle below the last one with a finger (touch events, as a phone sends them), saved.
    const wishItems = page.locator('.wish-list > li');
    await wishItems.nth(0).scrollIntoViewIfNeeded();
    const handle = (await wishItems.nth(0).locator('.drag-handle').boundingBox()) as { x: number; y: number; width: number; height: number };
    const last = (await wishItems.nth(2).boundingBox()) as { x: number; y: number; width: number; height: number };
    const finger = await context.newCDPSession(page);
    const x = handle.x + handle.width / 2;
    const from = handle.y + handle.height / 2;
    const to = last.y + last.height - 4;
    await finger.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: from }] });
    for (let step = 1; step <= 8; step++) {
      await finger.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: from + ((to - from) * step) / 8 }] });
    }
    await finger.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await poll(() => page.locator('[aria-live="polite"]').textContent()).toContain('ist jetzt Wunsch 3 von 3');
    await page.getByRole('button', { name: 'Wünsche speichern' }).click();

    // Assess
    await poll(order).toEqual([w1, w2, w3].map((w) => ({ offerId: w.offer.id, unitId: w.unit.id })));

    // Act: a refusal as the API words it (422, a path per wish). The page offers only wishes the
    // API takes, so the answer is stubbed here; the API's own refusals are tested in test/int.
    await page.route(`**/api/family/programmes/${programmeId}/wishes`, (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({
            status: 422,
            contentType: 'application/problem+json',
            body: JSON.stringify({
              type: 'about:blank',
              title: 'Wünsche nicht angenommen',
              status: 422,
              errors: [{ path: 'children.0.wishes.1', code: 'wish_age', message: 'Frieda ist am ersten Tag zu jung für dieses Angebot.' }],
            }),
          })
        : route.continue(),
    );
    await page.getByRole('button', { name: 'Wünsche speichern' }).click();

    // Assess: the message at the wish it names, and in the summary at the top.
    await poll(() => wishItems.nth(1).textContent()).toContain('Frieda ist am ersten Tag zu jung');
    expect(await page.getByRole('alert').textContent()).toContain('Frieda, Wunsch 2: Frieda ist am ersten Tag zu jung');
    await expectAccessible(page, 'wishes page with a refused wish');
    await page.unroute(`**/api/family/programmes/${programmeId}/wishes`);

    // Act: before the draw, the result page.
    await page.goto(`/programmes/${programmeId}/result`);

    // Assess
    await page.getByText('Die Verlosung ist noch nicht veröffentlicht.').waitFor();
    await expectAccessible(page, 'result page before the draw');

    // Prepare: a second family wishes through the API for the same units.
    const other = await apiAs(freshEmail('programme-other'));
    const otherChild = await familyWithChild(other, 'Anton', birthDate);
    await other('PUT', `/family/programmes/${programmeId}/wishes`, {
      children: [{ childId: otherChild.id, wishes: [w3, w1].map((w) => ({ offerId: w.offer.id, unitId: w.unit.id })) }],
      together: [],
    });

    // Prepare: siblings who both wish for the same unit.
    const siblingsEmail = freshEmail('programme-siblings');
    const siblings = await apiAs(siblingsEmail);
    const [ida, ben] = [
      await familyWithChild(siblings, 'Ida', birthDate),
      await siblings<{ id: string }>('POST', '/family/children', { firstName: 'Ben', birthDate }),
    ];
    const shared = { offerId: w1.offer.id, unitId: w1.unit.id };
    await siblings('PUT', `/family/programmes/${programmeId}/wishes`, {
      children: [
        { childId: ida.id, wishes: [shared] },
        { childId: ben?.id, wishes: [shared] },
      ],
      together: [],
    });
    const sib = await openContext(await serverNow());
    await signInHere(sib.page, siblingsEmail);

    // Act: they are bound "only together or not at all" in the browser.
    await sib.page.goto(`/programmes/${programmeId}/wishes`);
    await sib.page
      .getByRole('group', { name: /Geschwister bei/ })
      .getByLabel('nur zusammen oder gar nicht')
      .check();
    await sib.page.getByRole('button', { name: 'Wünsche speichern' }).click();

    // Assess
    type Together = { offerId: string; childIds: string[]; mode: string };
    const together = async () =>
      (await siblings<{ together: Together[] }>('GET', `/family/programmes/${programmeId}/wishes`)).together.map((g) => ({
        ...g,
        childIds: [...g.childIds].sort(),
      }));
    await poll(together).toEqual([{ offerId: shared.offerId, childIds: [ida.id, ben?.id].sort(), mode: 'all_or_none' }]);
    await expectAccessible(sib.page, 'wishes page of siblings');
    await sib.context.close();

    // Act: the wish window closes; the due work freezes the wishes.
    await moveClockTo(new Date(Date.parse(programme.wishCloses) + MINUTE_MS), [context]);
    let frozen: Programme | undefined;
    await poll(async () => {
      await runJobs();
      frozen = await getJson<Programme>(`/programmes/${programmeId}`);
      return frozen.inputHash;
    }).toMatch(/^[0-9a-f]{64}$/);
    await page.goto(`/programmes/${programmeId}`);

    // Assess: the page shows the commitment before the randomness is known.
    await poll(() => page.locator('main').textContent()).toContain(frozen?.inputHash as string);
    expect(await page.locator('main').textContent()).toContain('Eingaben eingefroren am');
    await expectAccessible(page, 'programme page, frozen');
    await screenshot(page, phone, 'programme-frozen');

    // Act: the wishes once frozen.
    await page.getByRole('link', { name: 'Meine Wünsche ansehen' }).click();

    // Assess: read only, in the saved order.
    await page.getByText('Die Wunschfrist ist vorbei.').waitFor();
    await poll(() => page.locator('.wish-list > li').count()).toBe(3);
    expect(await page.getByRole('button', { name: 'Wünsche speichern' }).count()).toBe(0);
    await expectAccessible(page, 'wishes page, read only');

    // Act: the region admin enters the randomness in the browser; the due work runs the draw.
    const desk = await openContext(await serverNow());
    await signInHere(desk.page, REGION_ADMIN);
    await desk.page.goto(`/admin/programmes/${programmeId}`);
    await desk.page.getByLabel('Zufallszahl').fill('17');
    await desk.page.getByRole('button', { name: 'Verlosung durchführen' }).click();
    await desk.page.getByRole('button', { name: 'Ja, Verlosung durchführen' }).click();
    await poll(async () => {
      await runJobs();
      return (await getJson<Programme>(`/programmes/${programmeId}`)).status;
    }).toBe('published');
    await desk.context.close();

    // Assess: the proof and the report on the programme page.
    await page.goto(`/programmes/${programmeId}`);
    const published = await getJson<Programme>(`/programmes/${programmeId}`);
    await poll(() => page.locator('main').textContent()).toContain(published.outputHash as string);
    expect(await page.locator('main').textContent()).toContain('Gruppen unter 3 Kindern werden nicht gezeigt');
    expect(await page.locator('main').textContent()).toMatch(/von höchstens \d+ vermittelbaren Kindern/);
    await expectAccessible(page, 'programme page, published');
    await screenshot(page, phone, 'programme-published');

    // Act: the family reads its result.
    await page.getByRole('link', { name: 'Ergebnis ansehen' }).click();

    // Assess: the ticket, and for every wish an outcome and its reason, as the API explains it.
    const result = await family<FamilyResult>('GET', `/family/programmes/${programmeId}/result`);
    await poll(() => page.locator('.ticket').textContent()).toBe(`Losnummer ${result.ticket} von ${result.tickets}`);
    const wishes = result.children[0]?.wishes ?? [];
    expect(wishes).toHaveLength(3);
    const items = page.locator('.result-wishes > li');
    await poll(() => items.count()).toBe(3);
    for (const [i, w] of [...wishes].sort((a, b) => a.rank - b.rank).entries()) {
      const text = (await items.nth(i).textContent()) ?? '';
      expect(text).toContain(w.offerTitle);
      expect(text).toContain(w.reason.de);
      expect(text).toMatch(/Platz bestätigt|Warteliste|Kein Platz/);
    }
    expect(wishes.map((w) => w.reason.de).join(' ')).toMatch(/Runde 1|Warteliste|voll/);
    await expectAccessible(page, 'result page');
    await screenshot(page, phone, 'programme-result');

    // Act: on to the bookings.
    await page.getByRole('link', { name: 'Meine Buchungen' }).last().click();

    // Assess: the draw's registrations are there, and the family had its e-mail.
    await page.waitForURL((url) => url.pathname === '/bookings');
    const drawn = wishes.find((w) => w.outcome !== 'not_drawn');
    if (drawn) await poll(() => page.locator('li.booked-offer', { hasText: drawn.offerTitle }).locator('li.registration').count()).toBeGreaterThan(0);
    const mail = await mailTo(email, 'Ergebnis der Verlosung');
    expect(mail.text).toContain(`${result.ticket} von ${result.tickets}`);
    await context.close();
  });
});
