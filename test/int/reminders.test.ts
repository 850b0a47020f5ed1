import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../functions/api/context.js';
import { sweepDueWork } from '../../functions/domain/due-work.js';
import { dueJobs } from '../../functions/domain/jobs.js';
import { offerSpan } from '../../functions/domain/offers.js';
import type { Registration } from '../../shared/schemas/registration.js';
import { book, cancel, createFamily, type Family } from '../support/booking.js';
import { createTestContext, testClock } from '../support/context.js';
import { parseIcsEvents } from '../support/ics.js';
import { body, offerDraft, publishDraft, seedRegionConfig } from '../support/provider.js';
import { createUser, json, type TestUser } from '../support/users.js';

const DAY_MS = 24 * 3600 * 1000;
const MINUTE_MS = 60_000;

/** Monday 1 June 2026, 10:00 in Vienna: the first session is on Wednesday 10 June, 09:00 Vienna time (07:00 UTC). */
const START = new Date('2026-06-01T08:00:00Z');
const FIRST_SESSION = { start: '2026-06-10T07:00:00.000Z', end: '2026-06-10T08:30:00.000Z', place: 'Turnsaal der Volksschule' };
const SECOND_SESSION = { start: '2026-06-17T07:00:00.000Z', end: '2026-06-17T08:30:00.000Z', place: 'Turnsaal der Volksschule' };
/** The region's default: two days before the first session. */
const REMIND_AT = new Date(Date.parse(FIRST_SESSION.start) - 2 * DAY_MS);

/** A fresh table with the demo region, a clock at START, and a provider who publishes an offer of three places through the API. */
async function prepare() {
  const clock = testClock(START);
  const t = await createTestContext({}, clock);
  await seedRegionConfig(t.ctx);
  const provider = await createUser(t.ctx, [{ role: 'provider', providerId: 'musikschule-sonnental' }]);
  const draft = offerDraft(START, {
    title: 'Kinderturnen',
    whatToBring: 'Hallenschuhe und eine Trinkflasche',
    sessions: [FIRST_SESSION, SECOND_SESSION],
    units: [{ label: 'Gruppe', capacity: 3 }],
  });
  const { offer, path } = await publishDraft(t.app, provider, draft);
  const unitId = offer.units[0]?.id ?? '';
  /** Books all of the family's children into the offer's unit. */
  const bookAll = async (family: Family) =>
    body<{ items: Registration[] }>(book(t.app, family, { offerId: offer.id, items: family.childIds.map((childId) => ({ unitId, childId })) }));
  /** The sweep exactly as the scheduled function and the local timer run it. */
  const sweep = () => sweepDueWork(t.ctx.ports, dueJobs(t.ctx.ports));
  const remindersTo = (user: TestUser) => t.outbox.list(user.email).filter((m) => m.subject.startsWith('Erinnerung'));
  return { ...t, clock, provider, offer, path, bookAll, sweep, remindersTo };
}

/** Cancels the offer in the table without the API's follow-ups (a cancellation racing the sweep): its reminder is still due. */
async function cancelWithoutFollowUps(ctx: AppContext, offerId: string) {
  const before = await ctx.ports.offers.getStoredOffer(offerId);
  if (!before) throw new Error(`offer ${offerId} missing`);
  const after = { ...before, status: 'cancelled' as const };
  const now = ctx.ports.clock.now().toISOString();
  expect(await ctx.ports.offers.updateOffer({ before, after, span: offerSpan(after, ctx.config.TIME_ZONE), now, allowOverbooking: false })).toEqual([]);
}

describe('reminders before the first session', () => {
  it('mails each confirmed family once: its children, the first date in Vienna time, the place, what to bring, the sessions as .ics; nobody else; a second sweep sends none', async () => {
    // Prepare: siblings and a single child confirmed, a cancelled place, a family on the waiting list.
    const t = await prepare();
    const [siblings, single, cancelled, waiting] = [
      await createFamily(t.ctx, 2),
      await createFamily(t.ctx),
      await createFamily(t.ctx),
      await createFamily(t.ctx),
    ];
    await t.bookAll(siblings);
    const [place] = (await t.bookAll(cancelled)).items;
    expect((await cancel(t.app, cancelled, place?.id ?? '')).status).toBe(204);
    await t.bookAll(single);
    expect((await t.bookAll(waiting)).items.map((r) => r.status)).toEqual(['waitlisted']);
    const early = await t.sweep();

    // Act: the clock reaches two days before the first session, and the sweep runs (twice).
    t.clock.set(new Date(REMIND_AT.getTime() + MINUTE_MS));
    const outcomes = await t.sweep();
    const again = await t.sweep();

    // Assess
    expect(early.filter((o) => o.kind === 'reminders')).toEqual([]);
    expect(outcomes.filter((o) => o.kind === 'reminders')).toEqual([{ kind: 'reminders', subject: t.offer.id, outcome: 'done' }]);
    expect(again).toEqual([]);
    const [toSiblings, toSingle] = [t.remindersTo(siblings), t.remindersTo(single)];
    expect([toSiblings.length, toSingle.length]).toEqual([1, 1]);
    expect(t.remindersTo(cancelled)).toEqual([]);
    expect(t.remindersTo(waiting)).toEqual([]);
    const mail = toSiblings[0];
    expect(mail?.subject).toBe('Erinnerung: Kinderturnen / Reminder: Kinderturnen');
    const text = mail?.text ?? '';
    expect(text).toContain('„Kinderturnen“ beginnt am Mittwoch, 10. Juni 2026 um 09:00, Ort: Turnsaal der Volksschule. Angemeldet: Kind1 und Kind2.');
    expect(text).toContain('Bitte mitbringen: Hallenschuhe und eine Trinkflasche');
    expect(text).toContain('"Kinderturnen" starts on Wednesday, 10 June 2026 at 09:00, place: Turnsaal der Volksschule. Booked: Kind1 and Kind2.');
    expect(text.indexOf('Bald geht es los')).toBeLessThan(text.indexOf('Coming up soon'));
    expect(text).toContain(`${t.ctx.config.PUBLIC_URL}/bookings`);
    expect(toSingle[0]?.text).toContain('Angemeldet: Kind1.');
    const events = parseIcsEvents(mail?.ics ?? '');
    expect(events.map((e) => [e.start, e.end, e.summary])).toEqual([
      [FIRST_SESSION.start, FIRST_SESSION.end, 'Kinderturnen'],
      [SECOND_SESSION.start, SECOND_SESSION.end, 'Kinderturnen'],
    ]);
  });

  it('a provider moves the first session a week later: no reminder at the old time, one at the new time with the new date', async () => {
    // Prepare
    const t = await prepare();
    const family = await createFamily(t.ctx);
    await t.bookAll(family);
    const [first, second] = t.offer.sessions;
    const week = (iso: string) => new Date(Date.parse(iso) + 7 * DAY_MS).toISOString();
    const moved = [
      { ...first, start: week(FIRST_SESSION.start), end: week(FIRST_SESSION.end) },
      { ...second, start: week(SECOND_SESSION.start), end: week(SECOND_SESSION.end) },
    ];

    // Act
    expect((await t.app.request(t.path, json('PATCH', { sessions: moved }, t.provider.headers))).status).toBe(200);
    t.clock.set(new Date(REMIND_AT.getTime() + MINUTE_MS));
    await t.sweep();
    const atOldTime = t.remindersTo(family).length;
    t.clock.set(new Date(REMIND_AT.getTime() + 7 * DAY_MS + MINUTE_MS));
    await t.sweep();

    // Assess
    expect(atOldTime).toBe(0);
    const reminders = t.remindersTo(family);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.text).toContain('beginnt am Mittwoch, 17. Juni 2026 um 09:00');
    expect(parseIcsEvents(reminders[0]?.ics ?? '').map((e) => e.start)).toEqual(moved.map((s) => s.start));
  });

  it('a retried job whose family was already marked reminded mails it nothing more, and the rest once', async () => {
    // Prepare: a first run marked one family's registration and then crashed before its e-mail.
    const t = await prepare();
    const [marked, unmarked] = [await createFamily(t.ctx), await createFamily(t.ctx)];
    const [registration] = (await t.bookAll(marked)).items;
    await t.bookAll(unmarked);
    expect(await t.ctx.ports.registrations.markReminded(registration?.id ?? '', START.toISOString())).toBe(true);
    t.clock.set(new Date(REMIND_AT.getTime() + MINUTE_MS));

    // Act
    await t.sweep();

    // Assess
    expect(t.remindersTo(marked)).toEqual([]);
    expect(t.remindersTo(unmarked)).toHaveLength(1);
  });

  it('a cancelled offer reminds nobody, even with its reminder still due', async () => {
    // Prepare
    const t = await prepare();
    const family = await createFamily(t.ctx);
    await t.bookAll(family);
    await cancelWithoutFollowUps(t.ctx, t.offer.id);
    t.clock.set(new Date(REMIND_AT.getTime() + MINUTE_MS));

    // Act
    const outcomes = await t.sweep();

    // Assess
    expect(outcomes.filter((o) => o.kind === 'reminders')).toEqual([{ kind: 'reminders', subject: t.offer.id, outcome: 'done' }]);
    expect(t.remindersTo(family)).toEqual([]);
  });
});
