import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseIcsEvents } from '../support/ics.js';
import { offerDraft } from '../support/provider.js';
import { expectAccessible, freshEmail, ownServer, poll, screenshot, viewports, type DevApi } from './browser';

/*
 * A whole season in minutes: the dev clock (`/api/dev/clock`) only moves forward, and a year on
 * the shared e2e server would close every offer the other files book. So this file runs its own
 * local server (in-memory DynamoDB Local, demo region), dates everything from that server's
 * clock, and sets the browser's clock to it after every move, so the page and the API agree on
 * what "now" is (whether registration has opened, how far a deadline is).
 */

const PROVIDER = 'kurse@sportunion-example.at';
const COORDINATOR = 'koordination@gemeinde-example.at';
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

type FamilyRegistration = { id: string; offerId: string; status: string; offerExpiresAt?: string; offerExtended?: boolean };
type StoredOffer = { id: string; firstDay: string; lastDay: string; sessions: Array<{ start: string; end: string }>; units: Array<{ id: string }> };

const { url, openContext, outbox, mailTo, serverNow, moveClockTo, runJobs, apiAs, fillSignIn } = ownServer();

/** A household with its contact and children of the given names, born four years before `year`. */
async function household(call: DevApi, names: string[], year: number) {
  await call('PUT', '/family/household', { name: 'Familie Test', phone: '+43 660 0000000', postalCode: '4801' });
  return Promise.all(names.map((firstName) => call<{ id: string }>('POST', '/family/children', { firstName, birthDate: `${year - 4}-01-01` })));
}

/** An instant's wall-clock time in Vienna, as the page and the e-mails show it ("14:05"). */
const viennaTime = (iso: string) =>
  new Intl.DateTimeFormat('de-AT', { timeZone: 'Europe/Vienna', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

/** `months` calendar months after `iso`, in UTC (the retention period's months). */
const monthsAfter = (iso: string, months: number) => {
  const d = new Date(iso);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
};

describe.each(viewports)('a season at $name size', (viewport) => {
  it('reminds of an opening, books, offers a freed place, reminds with the dates attached and erases the data after the season', async () => {
    // Prepare: an offer of the test's own, dated from the server's clock: registration opens in
    // two days, two sessions in two and three weeks, three places.
    const start = await serverNow();
    // Whole minutes: an iCalendar DATE-TIME has no fractions of a second.
    const base = Math.ceil(start.getTime() / MINUTE_MS) * MINUTE_MS;
    const at = (ms: number) => new Date(base + ms).toISOString();
    const title = `E2E Saison ${viewport.name} ${randomUUID().slice(0, 6)}`;
    const whatToBring = 'Hallenschuhe und eine Trinkflasche';
    const provider = await apiAs(PROVIDER);
    const created = await provider<StoredOffer>(
      'POST',
      '/provider/offers',
      offerDraft(start, {
        title,
        whatToBring,
        registrationOpens: at(2 * DAY_MS),
        registrationCloses: at(10 * DAY_MS),
        sessions: [
          { start: at(14 * DAY_MS), end: at(14 * DAY_MS + 3_600_000), place: 'Turnsaal' },
          { start: at(21 * DAY_MS), end: at(21 * DAY_MS + 3_600_000), place: 'Turnsaal' },
        ],
        units: [{ label: 'Gruppe', capacity: 3 }],
      }),
    );
    const offer = await provider<StoredOffer>('PATCH', `/provider/offers/${created.id}`, { status: 'published' });
    const sessionYear = new Date(offer.sessions[0]?.start ?? start).getUTCFullYear();
    const early = freshEmail(`season-early-${viewport.name}`);
    const waiting = freshEmail(`season-waiting-${viewport.name}`);
    const first = await openContext(viewport, start);

    // Act: a visitor asks to be reminded, is sent to sign in, and comes back.
    await first.page.goto(`/offers/${offer.id}`);
    await first.page.getByRole('link', { name: 'Erinnere mich' }).click();
    await first.page.waitForURL(/\/sign-in\?next=/);
    await fillSignIn(first.page, early);

    // Assess: back on the offer, the reminder is set, and the server has it.
    await first.page.waitForURL((url) => url.pathname === `/offers/${offer.id}`);
    await first.page.getByRole('button', { name: 'Erinnerung aktiv – abbestellen' }).waitFor();
    await poll(() => first.page.getByRole('status').filter({ hasText: 'Erinnerung aktiv' }).count()).toBe(1);
    const earlyApi = await apiAs(early);
    expect((await earlyApi<{ items: Array<{ offerId: string }> }>('GET', '/family/opening-notices')).items).toEqual([
      expect.objectContaining({ offerId: offer.id, offerTitle: title }),
    ]);
    await expectAccessible(first.page, 'offer with a reminder set');
    await screenshot(first.page, viewport, 'season-reminder-set');

    // Act: the clock moves past the opening; the due work runs.
    const opened = await moveClockTo(new Date(Date.parse(at(2 * DAY_MS)) + MINUTE_MS), [first.context]);
    const sweep = await runJobs();

    // Assess: the sweep answers at the moved clock, and the family has its e-mail, German first, with the offer's link.
    expect(Date.parse(sweep.now)).toBeGreaterThanOrEqual(opened.getTime());
    expect(sweep.ran.every((r) => typeof r.kind === 'string' && typeof r.subject === 'string' && typeof r.outcome === 'string')).toBe(true);
    const openingMail = await mailTo(early, `Anmeldung offen: ${title} / Registration open: ${title}`);
    expect(openingMail.text.indexOf('Die Anmeldung für')).toBeGreaterThanOrEqual(0);
    expect(openingMail.text.indexOf('Die Anmeldung für')).toBeLessThan(openingMail.text.indexOf('registration for'));
    const offerLink = /(\S+\/offers\/\S+)/.exec(openingMail.text)?.[1] as string;
    expect(offerLink).toBe(`${url()}/offers/${offer.id}`);
    expect((await earlyApi<{ items: unknown[] }>('GET', '/family/opening-notices')).items).toEqual([]);

    // Act: the family follows the link and books its child in the browser.
    await household(earlyApi, ['Frieda'], sessionYear);
    await first.page.goto(offerLink);
    await first.page.getByRole('checkbox', { name: 'Frieda' }).check();
    await first.page.getByRole('button', { name: 'Verbindlich buchen (1)' }).click();

    // Assess
    await first.page.getByRole('heading', { name: 'Ihre Buchung' }).waitFor();
    expect(await first.page.locator('.booking-result li').allTextContents()).toEqual([expect.stringMatching(/Frieda.*Platz bestätigt/)]);

    // Act: another family takes the two places left, a third joins the waitlist.
    const unitId = offer.units[0]?.id as string;
    const filler = await apiAs(freshEmail(`season-filler-${viewport.name}`));
    const fillerChildren = await household(filler, ['Anton', 'Berta'], sessionYear);
    await filler(
      'POST',
      '/registrations',
      { offerId: offer.id, items: fillerChildren.map((c) => ({ unitId, childId: c.id })) },
      { 'Idempotency-Key': randomUUID() },
    );
    const waitingApi = await apiAs(waiting);
    const [lena] = await household(waitingApi, ['Lena'], sessionYear);
    const queued = await waitingApi<{ status: string; waitlistPosition?: number }>(
      'POST',
      '/registrations',
      { offerId: offer.id, unitId, childId: lena?.id },
      { 'Idempotency-Key': randomUUID() },
    );

    // Assess
    expect(queued).toEqual(expect.objectContaining({ status: 'waitlisted', waitlistPosition: 1 }));

    // Act: the first family cancels in the browser.
    await first.page.goto('/bookings');
    const booked = first.page.locator('li.booked-offer', { hasText: title }).locator('li.registration');
    await booked.getByRole('button', { name: 'Stornieren' }).click();
    await booked.getByRole('button', { name: 'Ja, stornieren' }).click();

    // Assess: the waiting family is offered the place by e-mail, German first, with a link to its booking.
    const offeredMail = await mailTo(waiting, `Platz frei für Sie: ${title} / A place for you: ${title}`);
    expect(offeredMail.text.indexOf('Gute Nachricht')).toBeLessThan(offeredMail.text.indexOf('Good news'));
    const bookingLink = /(\S+\/bookings#reg-\S+)/.exec(offeredMail.text)?.[1] as string;
    const registrationId = bookingLink.split('#reg-')[1] as string;
    const offered = (await waitingApi<{ items: FamilyRegistration[] }>('GET', '/family/registrations')).items.find((r) => r.id === registrationId);
    expect(offered).toEqual(expect.objectContaining({ status: 'offered', offerId: offer.id }));
    expect(offered?.offerExtended).not.toBe(true);
    await first.context.close();

    // Act: the provider opens the offer's participants.
    const desk = await openContext(viewport, await serverNow());
    await desk.page.goto('/sign-in');
    await fillSignIn(desk.page, PROVIDER);
    await desk.page.goto(`/provider/offers/${offer.id}`);

    // Assess: the family offered the place is listed with its deadline in Vienna's time.
    const offeredList = desk.page.locator('section', { has: desk.page.getByRole('heading', { name: 'Platz angeboten', exact: true }) });
    await poll(() => offeredList.locator('.participant', { hasText: 'Lena' }).textContent()).toContain(`Platz angeboten bis`);
    expect(await offeredList.textContent()).toContain(viennaTime(offered?.offerExpiresAt as string));
    await expectAccessible(desk.page, 'participants with an offered place');
    await desk.context.close();

    // Act: the waiting family follows the link in a browser that is not signed in.
    const second = await openContext(viewport, await serverNow());
    await second.page.goto(bookingLink);
    await second.page.waitForURL(/\/sign-in\?next=/);
    await fillSignIn(second.page, waiting);

    // Assess: it lands on its card, at the top under "Platz frei für Sie", with the deadline in Vienna's time.
    await second.page.waitForURL((url) => url.pathname === '/bookings' && url.hash === `#reg-${registrationId}`);
    await poll(() => second.page.evaluate(() => document.activeElement?.id)).toBe(`reg-${registrationId}`);
    const offeredSection = second.page.locator('section', { has: second.page.getByRole('heading', { name: 'Platz frei für Sie' }) });
    const card = offeredSection.locator(`#reg-${registrationId}`);
    await poll(() => card.textContent()).toContain(`Bitte bis`);
    expect(await card.textContent()).toContain(viennaTime(offered?.offerExpiresAt as string));
    await expectAccessible(second.page, 'bookings with an offered place');
    await screenshot(second.page, viewport, 'season-offered');

    // Act: more time asked for, once.
    await card.getByRole('button', { name: 'Mehr Zeit (einmal)' }).click();

    // Assess: a later deadline, shown and announced; the button is gone.
    await poll(() => card.getByRole('button', { name: 'Mehr Zeit (einmal)' }).count()).toBe(0);
    const extended = (await waitingApi<{ items: FamilyRegistration[] }>('GET', '/family/registrations')).items.find((r) => r.id === registrationId);
    expect(extended?.offerExtended).toBe(true);
    expect(Date.parse(extended?.offerExpiresAt as string)).toBeGreaterThan(Date.parse(offered?.offerExpiresAt as string));
    await poll(() => card.textContent()).toContain(viennaTime(extended?.offerExpiresAt as string));
    await poll(() => second.page.getByRole('status').filter({ hasText: 'Mehr Zeit' }).count()).toBe(1);

    // Act: the place accepted.
    await card.getByRole('button', { name: 'Platz annehmen' }).click();

    // Assess: confirmed, listed as current, announced; the server agrees.
    const current = second.page.locator('section', { has: second.page.getByRole('heading', { name: 'Aktuell' }) });
    await poll(() => current.locator(`#reg-${registrationId}`).textContent()).toContain('Bestätigt');
    await poll(() => second.page.getByRole('status').filter({ hasText: 'Platz angenommen' }).count()).toBe(1);
    await poll(() => offeredSection.count()).toBe(0);
    const accepted = (await waitingApi<{ items: FamilyRegistration[] }>('GET', '/family/registrations')).items.find((r) => r.id === registrationId);
    expect(accepted?.status).toBe('confirmed');
    await expectAccessible(second.page, 'bookings after accepting');
    await second.context.close();

    // Act: the clock moves to two days before the first session; the due work runs.
    const firstStart = offer.sessions[0]?.start as string;
    await moveClockTo(new Date(Date.parse(firstStart) - 2 * DAY_MS + MINUTE_MS), []);
    await runJobs();

    // Assess: the reminder, German first, says what to bring and has the sessions attached as a calendar a real parser reads.
    const reminder = await mailTo(waiting, `Erinnerung: ${title} / Reminder: ${title}`);
    expect(reminder.text.indexOf(`Bitte mitbringen: ${whatToBring}`)).toBeGreaterThanOrEqual(0);
    expect(reminder.text.indexOf(`Bitte mitbringen: ${whatToBring}`)).toBeLessThan(reminder.text.indexOf(`Please bring: ${whatToBring}`));
    expect(reminder.ics).toBeDefined();
    const events = parseIcsEvents(reminder.ics as string);
    expect(events.map((e) => [e.start, e.end])).toEqual(offer.sessions.map((s) => [new Date(s.start).toISOString(), new Date(s.end).toISOString()]));
    expect(events.every((e) => e.summary.includes(title))).toBe(true);
    expect((await outbox(early)).some((m) => m.subject.startsWith('Erinnerung:'))).toBe(false);

    // Prepare: the municipality's dashboard over the offer's days, as the season left it.
    const coordinator = await apiAs(COORDINATOR);
    const dashboardPath = `/dashboard?municipality=lindach&from=${offer.firstDay}&to=${offer.lastDay}`;
    const before = await coordinator<{ totals: { confirmed: number | '<3' } }>('GET', dashboardPath);
    // The offer's three confirmed children at least, so the count is shown and not suppressed as "<3".
    expect(before.totals.confirmed).toBeGreaterThanOrEqual(3);

    // Act: the clock moves past the retention time, 13 months after the last session; the due work runs.
    const lastEnd = offer.sessions
      .map((s) => s.end)
      .sort((a, b) => Date.parse(a) - Date.parse(b))
      .at(-1) as string;
    await moveClockTo(new Date(monthsAfter(lastEnd, 13).getTime() + DAY_MS), []);
    await runJobs();

    // Assess: the families' registrations for the offer are gone; the dashboard counts the same.
    for (const email of [waiting, early]) {
      const family = await apiAs(email);
      await poll(async () =>
        (await family<{ items: FamilyRegistration[] }>('GET', '/family/registrations')).items.filter((r) => r.offerId === offer.id),
      ).toEqual([]);
    }
    expect(await (await apiAs(COORDINATOR))<unknown>('GET', dashboardPath)).toEqual(before);
  });
});
