import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../functions/api/context.js';
import { scanTable } from '../../functions/db/consistency.js';
import { sweepDueWork } from '../../functions/domain/due-work.js';
import { dueJobs } from '../../functions/domain/jobs.js';
import { offerSpan } from '../../functions/domain/offers.js';
import type { Offer } from '../../shared/schemas/offer.js';
import type { OpeningNotice } from '../../shared/schemas/registration.js';
import { createTestContext, testClock } from '../support/context.js';
import { createOffer } from '../support/offers.js';
import { body, offerDraft, publishDraft, seedRegionConfig } from '../support/provider.js';
import { createUser, json, type TestUser } from '../support/users.js';

type Problem = { type: string; title: string; status: number; errors?: { path: string }[] };

const DAY_MS = 24 * 3600 * 1000;
const MINUTE_MS = 60_000;

/** A fresh table, a clock the test moves and the demo region (its providers, municipalities, categories). */
async function prepare() {
  const clock = testClock(new Date('2026-04-06T08:00:00Z'));
  const t = await createTestContext({}, clock);
  await seedRegionConfig(t.ctx);
  const notices = (user: TestUser) => t.app.request('/api/family/opening-notices', { headers: user.headers });
  const ask = (user: TestUser, offerId: string) => t.app.request(`/api/family/opening-notices/${offerId}`, { method: 'PUT', headers: user.headers });
  const takeBack = (user: TestUser, offerId: string) => t.app.request(`/api/family/opening-notices/${offerId}`, { method: 'DELETE', headers: user.headers });
  /** The sweep exactly as the scheduled function and the local timer run it. */
  const sweep = () => sweepDueWork(t.ctx.ports, dueJobs(t.ctx.ports));
  const mailsTo = (user: TestUser) => t.outbox.list(user.email);
  return { ...t, clock, notices, ask, takeBack, sweep, mailsTo };
}

/** A published offer whose registration opens in `days` days (written straight to the table: no due work, like offers from before timed work). */
const offerOpeningIn = (ctx: AppContext, days: number, overrides: Partial<Offer> = {}) => {
  const now = ctx.ports.clock.now().getTime();
  const iso = (ms: number) => new Date(now + ms).toISOString();
  return createOffer(ctx, {
    title: 'Töpfern für Kinder',
    registrationOpens: iso(days * DAY_MS),
    registrationCloses: iso((days + 7) * DAY_MS),
    sessions: [{ id: 's1', start: iso((days + 14) * DAY_MS), end: iso((days + 14) * DAY_MS + 3600_000), place: 'Werkraum' }],
    ...overrides,
  });
};

/** Saves the offer as a provider's edit would, but without scheduling its due work (a save racing the sweep, or from before timed work). */
async function saveWithoutScheduling(ctx: AppContext, offerId: string, change: Partial<Offer>) {
  const before = await ctx.ports.offers.getStoredOffer(offerId);
  if (!before) throw new Error(`offer ${offerId} missing`);
  const after = { ...before, ...change };
  const now = ctx.ports.clock.now().toISOString();
  expect(await ctx.ports.offers.updateOffer({ before, after, span: offerSpan(after, ctx.config.TIME_ZONE), now, allowOverbooking: false })).toEqual([]);
}

describe('opening notices ("Erinnere mich")', () => {
  it('at the opening tells exactly the family that asked, once, German first, with the link; a second sweep sends nothing', async () => {
    // Prepare
    const t = await prepare();
    const offer = await offerOpeningIn(t.ctx, 3);
    const [asking, other] = [await createUser(t.ctx), await createUser(t.ctx)];
    expect((await t.ask(asking, offer.id)).status).toBe(204);
    const early = await t.sweep();

    // Act: the clock passes the opening, and the sweep runs.
    t.clock.advance(3 * DAY_MS + MINUTE_MS);
    const outcomes = await t.sweep();
    const again = await t.sweep();

    // Assess
    expect(early).toEqual([]);
    expect(outcomes).toEqual([{ kind: 'registration-opening', subject: offer.id, outcome: 'done' }]);
    expect(again).toEqual([]);
    const mails = t.mailsTo(asking);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail?.subject).toBe('Anmeldung offen: Töpfern für Kinder / Registration open: Töpfern für Kinder');
    const text = mail?.text ?? '';
    expect(text.indexOf('Die Anmeldung für „Töpfern für Kinder“')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('Die Anmeldung')).toBeLessThan(text.indexOf('registration for'));
    expect(text).toContain(`${t.ctx.config.PUBLIC_URL}/offers/${offer.id}`);
    // 6 April 2026, 08:00 UTC + 3 days = 9 April, 10:00 in Vienna (summer time).
    expect(text).toContain('seit Donnerstag, 9. April 2026 um 10:00 offen');
    expect(t.mailsTo(other)).toEqual([]);
    expect((await body<{ items: OpeningNotice[] }>(t.notices(asking))).items).toEqual([]);
  });

  it('asking twice keeps one notice and sends one e-mail; taking it back sends none', async () => {
    // Prepare
    const t = await prepare();
    const offer = await offerOpeningIn(t.ctx, 2);
    const [twice, changedMind] = [await createUser(t.ctx), await createUser(t.ctx)];

    // Act
    const answers = [await t.ask(twice, offer.id), await t.ask(twice, offer.id), await t.ask(changedMind, offer.id), await t.takeBack(changedMind, offer.id)];
    const listed = await body<{ items: OpeningNotice[] }>(t.notices(twice));
    const listedAfterTakingBack = await body<{ items: OpeningNotice[] }>(t.notices(changedMind));
    t.clock.advance(2 * DAY_MS + MINUTE_MS);
    await t.sweep();

    // Assess
    expect(answers.map((r) => r.status)).toEqual([204, 204, 204, 204]);
    expect(listed.items).toEqual([{ offerId: offer.id, offerTitle: 'Töpfern für Kinder', opensAt: offer.registrationOpens }]);
    expect(listedAfterTakingBack.items).toEqual([]);
    expect(t.mailsTo(twice)).toHaveLength(1);
    expect(t.mailsTo(changedMind)).toEqual([]);
  });

  it('asking schedules the opening for an offer that had no due work', async () => {
    // Prepare: an offer written before timed work existed, so nothing is due at its opening.
    const t = await prepare();
    const offer = await offerOpeningIn(t.ctx, 1);
    const family = await createUser(t.ctx);
    const atOpening = new Date(Date.parse(offer.registrationOpens) + MINUTE_MS).toISOString();
    const dueBefore = await t.ctx.ports.dueWork.listDue(atOpening, 10);

    // Act
    await t.ask(family, offer.id);

    // Assess
    expect(dueBefore).toEqual([]);
    expect(await t.ctx.ports.dueWork.listDue(atOpening, 10)).toEqual([{ kind: 'registration-opening', subject: offer.id, dueAt: offer.registrationOpens }]);
  });

  it('a provider moves the opening later: nobody is mailed at the old time, the family at the new one', async () => {
    // Prepare: an offer published through the API, opening in two days; a family asks.
    const t = await prepare();
    const provider = await createUser(t.ctx, [{ role: 'provider', providerId: 'musikschule-sonnental' }]);
    const now = t.clock.now();
    const at = (days: number) => new Date(now.getTime() + days * DAY_MS).toISOString();
    const draft = offerDraft(now, { registrationOpens: at(2), registrationCloses: at(10) });
    const { offer: created, path } = await publishDraft(t.app, provider, draft);
    const family = await createUser(t.ctx);
    expect((await t.ask(family, created.id)).status).toBe(204);

    // Act: the provider moves the opening to five days from now; the clock passes the old one, then the new one.
    expect((await t.app.request(path, json('PATCH', { registrationOpens: at(5) }, provider.headers))).status).toBe(200);
    t.clock.advance(2 * DAY_MS + MINUTE_MS);
    await t.sweep();
    const atOldTime = t.mailsTo(family).length;
    t.clock.advance(3 * DAY_MS);
    await t.sweep();

    // Assess
    expect(atOldTime).toBe(0);
    expect(t.mailsTo(family).map((m) => m.subject)).toEqual([expect.stringContaining('Anmeldung offen')]);
  });

  it('the job itself reschedules an opening that moved later without its due work moving, and mails nobody yet', async () => {
    // Prepare: the opening's due work stays at the old time while the offer now opens later.
    const t = await prepare();
    const offer = await offerOpeningIn(t.ctx, 1);
    const family = await createUser(t.ctx);
    await t.ask(family, offer.id);
    const later = new Date(Date.parse(offer.registrationOpens) + 2 * DAY_MS).toISOString();
    await saveWithoutScheduling(t.ctx, offer.id, { registrationOpens: later });
    t.clock.advance(DAY_MS + MINUTE_MS);

    // Act
    const outcomes = await t.sweep();

    // Assess
    expect(outcomes).toEqual([{ kind: 'registration-opening', subject: offer.id, outcome: 'done' }]);
    expect(t.mailsTo(family)).toEqual([]);
    expect(await t.ctx.ports.dueWork.listDue(new Date(Date.parse(later) + MINUTE_MS).toISOString(), 10)).toEqual([
      { kind: 'registration-opening', subject: offer.id, dueAt: later },
    ]);
    t.clock.set(new Date(Date.parse(later) + MINUTE_MS));
    await t.sweep();
    expect(t.mailsTo(family)).toHaveLength(1);
  });

  it('a cancelled offer mails nobody at its opening and drops its notices', async () => {
    // Prepare: cancelled after a family asked, its opening still due (a cancellation racing the sweep).
    const t = await prepare();
    const offer = await offerOpeningIn(t.ctx, 1);
    const family = await createUser(t.ctx);
    await t.ask(family, offer.id);
    await saveWithoutScheduling(t.ctx, offer.id, { status: 'cancelled' });
    t.clock.advance(DAY_MS + MINUTE_MS);

    // Act
    const outcomes = await t.sweep();

    // Assess
    expect(outcomes).toEqual([{ kind: 'registration-opening', subject: offer.id, outcome: 'done' }]);
    expect(t.mailsTo(family)).toEqual([]);
    expect(await t.ctx.ports.openingNotices.listForOffer(offer.id)).toEqual([]);
  });

  it('refuses an unknown or draft offer with 404 and one whose registration is open or closed with 409, German then English, storing nothing', async () => {
    // Prepare
    const t = await prepare();
    const family = await createUser(t.ctx);
    const draft = await offerOpeningIn(t.ctx, 2, { status: 'draft' });
    const open = await offerOpeningIn(t.ctx, -1);
    const closed = await offerOpeningIn(t.ctx, -10);

    // Act
    const answers = await Promise.all([t.ask(family, 'o-gibt-es-nicht'), t.ask(family, draft.id), t.ask(family, open.id), t.ask(family, closed.id)]);

    // Assess
    expect(answers.map((r) => r.status)).toEqual([404, 404, 409, 409]);
    for (const res of answers) expect(res.headers.get('content-type')).toContain('application/problem+json');
    const [, , isOpen, isClosed] = await Promise.all(answers.map((r) => body<Problem>(r)));
    expect(isOpen?.title).toBe('Die Anmeldung ist bereits offen');
    expect(isClosed?.title).toBe('Die Anmeldung ist bereits geschlossen');
    expect((await body<{ items: OpeningNotice[] }>(t.notices(family))).items).toEqual([]);
    expect((await scanTable(t.ctx.table)).filter((i) => String(i.sk).startsWith('NOTICE#'))).toEqual([]);
  });

  it('answers a bad offer id with 400 naming offerId, and stores nothing', async () => {
    // Prepare
    const t = await prepare();
    const family = await createUser(t.ctx);

    // Act
    const answers = [await t.ask(family, 'a%20b'), await t.ask(family, '..%2Fetc'), await t.takeBack(family, 'x'.repeat(65))];

    // Assess
    for (const res of answers) {
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await body<Problem>(res)).errors?.map((e) => e.path)).toContain('offerId');
    }
    expect((await scanTable(t.ctx.table)).filter((i) => String(i.sk).startsWith('NOTICE#') || String(i.pk).startsWith('DUE#'))).toEqual([]);
  });

  it('lets only families in, and each sees and changes only its own household’s notices', async () => {
    // Prepare
    const t = await prepare();
    const offer = await offerOpeningIn(t.ctx, 2);
    const [mine, theirs] = [await createUser(t.ctx), await createUser(t.ctx)];
    const provider = await createUser(t.ctx, [{ role: 'provider', providerId: 'sportunion-lindach' }]);
    await t.ask(mine, offer.id);
    const routes = [
      ['GET', '/api/family/opening-notices'],
      ['PUT', `/api/family/opening-notices/${offer.id}`],
      ['DELETE', `/api/family/opening-notices/${offer.id}`],
    ] as const;

    // Act
    const anonymous = await Promise.all(routes.map(([method, path]) => t.app.request(path, { method })));
    const asProvider = await Promise.all(routes.map(([method, path]) => t.app.request(path, { method, headers: provider.headers })));
    const theirList = await body<{ items: OpeningNotice[] }>(t.notices(theirs));
    const theirDelete = await t.takeBack(theirs, offer.id);

    // Assess
    expect(anonymous.map((r) => r.status)).toEqual([401, 401, 401]);
    expect(asProvider.map((r) => r.status)).toEqual([403, 403, 403]);
    expect(theirList.items).toEqual([]);
    expect(theirDelete.status).toBe(204);
    expect((await body<{ items: OpeningNotice[] }>(t.notices(mine))).items.map((n) => n.offerId)).toEqual([offer.id]);
  });
});
