import { describe, expect, it } from 'vitest';
import { scanTable } from '../../functions/db/consistency.js';
import { sweepDueWork } from '../../functions/domain/due-work.js';
import { dueJobs } from '../../functions/domain/jobs.js';
import { addMonths } from '../../functions/domain/offer-schedule.js';
import { eraseOfferData, type OfferErasure } from '../../functions/domain/retention.js';
import type { Offer } from '../../shared/schemas/offer.js';
import type { Participant } from '../../shared/schemas/provider.js';
import type { Registration } from '../../shared/schemas/registration.js';
import { book, bornYearsAgo, expectConsistent, listRegistrations, unitOf } from '../support/booking.js';
import { createTestContext, testClock } from '../support/context.js';
import { body, createHousehold, offerDraft, seedRegionConfig, type Household } from '../support/provider.js';
import { createUser, json, signInAgain, type TestUser } from '../support/users.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const codeIn = (subject: string) => subject.match(/\d{6}/)?.[0] ?? '';

/**
 * A context of its own per test (they move its clock by months), with the demo region, a
 * provider and a coordinator of Lindach, and the sweep as production runs it.
 */
async function setup() {
  const clock = testClock(new Date('2026-03-02T08:00:00Z'));
  const t = await createTestContext({}, clock);
  await seedRegionConfig(t.ctx);
  const provider = await createUser(t.ctx, [{ role: 'provider', providerId: 'musikschule-sonnental' }]);
  const coordinator = await createUser(t.ctx, [{ role: 'municipality', municipalityId: 'lindach' }]);
  /** One run of the sweep, exactly as the scheduled function and the local timer run it. */
  const sweep = () => sweepDueWork(t.ctx.ports, dueJobs(t.ctx.ports));
  /** These tests move months: the users sign in again. */
  const fresh = <U extends TestUser>(user: U) => signInAgain(t.ctx, user);
  /** The provider creates a one-place offer (sessions in one and two weeks) and publishes it, which schedules its erasure. */
  const publishOffer = async (): Promise<Offer> => {
    const p = await fresh(provider);
    const draft = await t.app.request('/api/provider/offers', json('POST', offerDraft(clock.now(), { units: [{ label: 'Gruppe', capacity: 1 }] }), p.headers));
    expect(draft.status).toBe(201);
    const { id } = await body<Offer>(draft);
    const published = await t.app.request(`/api/provider/offers/${id}`, json('PATCH', { status: 'published' }, p.headers));
    expect(published.status).toBe(200);
    return body<Offer>(published);
  };
  const participants = async (offerId: string) =>
    (await body<{ items: Participant[] }>(t.app.request(`/api/provider/offers/${offerId}/participants`, { headers: (await fresh(provider)).headers }))).items;
  return { ...t, clock, provider, coordinator, sweep, fresh, publishOffer, participants };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** Two families with a four-year-old each (with notes): the first gets the one place, the second waits. */
async function bookTwoFamilies(t: Setup, offer: Offer) {
  const unitId = offer.units[0]?.id ?? '';
  const families: Household[] = [
    await createHousehold(t.ctx, { name: 'Eva Gruber', phone: '+43 660 111', postalCode: '4801' }, [
      { firstName: 'Lena', birthDate: bornYearsAgo(t.ctx, 4), notes: 'Nussallergie; abholen darf Oma Grete' },
    ]),
    await createHousehold(t.ctx, { name: 'Sepp Huber', phone: '+43 664 333', postalCode: '4811' }, [
      { firstName: 'Lotte', birthDate: bornYearsAgo(t.ctx, 4), notes: 'Asthma-Spray im Rucksack' },
    ]),
  ];
  const registrations: Registration[] = [];
  for (const f of families) registrations.push(await body<Registration>(book(t.app, f, { offerId: offer.id, unitId, childId: f.children[0]?.id })));
  expect(registrations.map((r) => r.status)).toEqual(['confirmed', 'waitlisted']);
  return { families, registrations, unitId };
}

/** The instant the offer's personal data is due for erasure: 13 months (the default) after its last session ends. */
const retentionDue = (offer: Offer) => addMonths(new Date(Math.max(...offer.sessions.map((s) => Date.parse(s.end)))).toISOString(), 13);

/** The table's items in the offer's partition and its registrations, by kind of sort key. */
async function offerItems(t: Setup, offerId: string) {
  const items = await scanTable(t.ctx.table);
  const inOffer = items.filter((i) => i.pk === `OFFER#${offerId}`).map((i) => String(i.sk).replace(/#.*/, '#'));
  const registrations = items.filter((i) => String(i.pk).startsWith('REG#') && i.offerId === offerId);
  return { kinds: [...new Set(inOffer)].sort(), registrations: registrations.length };
}

/** The provider marks a registration present at the offer's first session. */
async function markPresent(t: Awaited<ReturnType<typeof setup>>, offer: { id: string; sessions: { id: string }[] }, registrationId: string) {
  const provider = await t.fresh(t.provider);
  const path = `/api/provider/offers/${offer.id}/sessions/${offer.sessions[0]?.id ?? ''}/attendance`;
  expect((await t.app.request(path, json('PUT', { [registrationId]: 'present' }, provider.headers))).status).toBe(200);
}

describe('retention: an offer’s personal data is erased after its retention time', () => {
  it('keeps everything until the retention time, then erases registrations, guards, line and marks, and the dashboard shows the same', async () => {
    // Prepare: one confirmed, one waiting, a mark for the confirmed child, the dashboard as it was.
    const t = await setup();
    const offer = await t.publishOffer();
    const { families, registrations } = await bookTwoFamilies(t, offer);
    await markPresent(t, offer, registrations[0]?.id ?? '');
    const dashboardPath = '/api/dashboard?from=2000-01-01&to=2999-12-31';
    const dashboard = async () => body(t.app.request(dashboardPath, { headers: (await t.fresh(t.coordinator)).headers }));
    const dashboardBefore = await dashboard();
    const dueAt = Date.parse(retentionDue(offer));

    // Act: the sweep a minute before the retention time, then a minute after it.
    t.clock.set(new Date(dueAt - MINUTE));
    const early = await t.sweep();
    const [a, b] = await Promise.all(families.map((f) => t.fresh(f)));
    const keptFor = [(await listRegistrations(t.app, a!)).length, (await listRegistrations(t.app, b!)).length];
    const participantsKept = (await t.participants(offer.id)).length;
    const childDeletableEarly = (await t.app.request(`/api/family/children/${a!.children[0]?.id}`, { method: 'DELETE', headers: a!.headers })).status;
    t.clock.set(new Date(dueAt + MINUTE));
    const due = await t.sweep();

    // Assess: nothing before the time, all of it after.
    expect(early.filter((o) => o.kind === 'retention')).toEqual([]);
    expect(keptFor).toEqual([1, 1]);
    expect(participantsKept).toBe(2);
    expect(childDeletableEarly).toBe(409);
    expect(due.filter((o) => o.kind === 'retention')).toEqual([{ kind: 'retention', subject: offer.id, outcome: 'done' }]);
    const [a2, b2] = await Promise.all(families.map((f) => t.fresh(f)));
    expect(await listRegistrations(t.app, a2!)).toEqual([]);
    expect(await listRegistrations(t.app, b2!)).toEqual([]);
    expect(await t.participants(offer.id)).toEqual([]);
    const attendance = await t.app.request(`/api/provider/offers/${offer.id}/sessions/${offer.sessions[0]?.id}/attendance`, {
      headers: (await t.fresh(t.provider)).headers,
    });
    expect(await attendance.json()).toEqual({});
    expect(await offerItems(t, offer.id)).toEqual({ kinds: ['AGG', 'AGG#', 'OFFER', 'UNIT#'], registrations: 0 });
    expect(await dashboard()).toEqual(dashboardBefore);
    expect(await unitOf(t.app, offer.id, offer.units[0]?.id)).toMatchObject({ capacity: 1, confirmed: 1, waiting: 1 });
    await expectConsistent(t.ctx);
    for (const f of [a2!, b2!]) {
      expect((await t.app.request(`/api/family/children/${f.children[0]?.id}`, { method: 'DELETE', headers: f.headers })).status).toBe(204);
    }
    await expectConsistent(t.ctx);
  });

  it('is safe to repeat: a second run finds nothing left and gives no child counter back twice', async () => {
    // Prepare: an offer erased by the sweep.
    const t = await setup();
    const offer = await t.publishOffer();
    const { families } = await bookTwoFamilies(t, offer);
    t.clock.set(new Date(Date.parse(retentionDue(offer)) + MINUTE));
    await t.sweep();
    const logged: unknown[] = [];

    // Act: the job again, as a sweep retrying after a crash would run it.
    await eraseOfferData(t.ctx.ports, offer.id, (event, fields) => logged.push({ event, ...fields }));

    // Assess: counts only, no personal data; the children's counters stay at 0.
    expect(logged).toEqual([
      {
        event: 'retention.offer',
        offerId: offer.id,
        outcome: 'erased',
        registrations: 0,
        childCounters: 0,
        attendanceMarks: 0,
        openingNotices: 0,
      } satisfies OfferErasure & { event: string },
    ]);
    for (const f of families) {
      const household = await t.ctx.ports.households.getHousehold(f.householdId);
      expect(household?.children).toHaveLength(1);
    }
    await expectConsistent(t.ctx);
  });

  it('counts what it erased, and leaves a family erased earlier without a child to give back to', async () => {
    // Prepare: the confirmed family erases itself (its registration stays as an anonymous cancelled row).
    const t = await setup();
    const offer = await t.publishOffer();
    const { families, registrations } = await bookTwoFamilies(t, offer);
    await markPresent(t, offer, registrations[0]?.id ?? '');
    expect((await t.app.request('/api/family', { method: 'DELETE', headers: families[0]!.headers })).status).toBe(204);
    t.clock.set(new Date(Date.parse(retentionDue(offer)) + MINUTE));
    const logged: unknown[] = [];

    // Act
    await eraseOfferData(t.ctx.ports, offer.id, (event, fields) => logged.push({ event, ...fields }));

    // Assess: both registrations and the mark gone; only the one still active gave a counter back.
    expect(logged).toEqual([
      { event: 'retention.offer', offerId: offer.id, outcome: 'erased', registrations: 2, childCounters: 1, attendanceMarks: 1, openingNotices: 0 },
    ]);
    expect(await offerItems(t, offer.id)).toMatchObject({ registrations: 0 });
    await expectConsistent(t.ctx);
  });

  it('reschedules instead when the offer moved later since its erasure was filed', async () => {
    // Prepare: the erasure due at the old dates, the offer moved two months later (as if the sweep held the old item while the edit landed).
    const t = await setup();
    const offer = await t.publishOffer();
    await bookTwoFamilies(t, offer);
    const oldDue = retentionDue(offer);
    const later = offer.sessions.map((s) => ({ ...s, start: addMonths(s.start, 2), end: addMonths(s.end, 2) }));
    const edited = await t.app.request(`/api/provider/offers/${offer.id}`, json('PATCH', { sessions: later }, (await t.fresh(t.provider)).headers));
    expect(edited.status).toBe(200);
    const newDue = retentionDue({ ...offer, sessions: later });
    await t.ctx.ports.dueWork.schedule({ kind: 'retention', subject: offer.id, dueAt: oldDue });
    t.clock.set(new Date(Date.parse(oldDue) + MINUTE));

    // Act
    const atOld = await t.sweep();
    t.clock.set(new Date(Date.parse(newDue) + MINUTE));
    const kept = (await offerItems(t, offer.id)).registrations;
    const atNew = await t.sweep();

    // Assess
    expect(atOld.filter((o) => o.kind === 'retention')).toEqual([{ kind: 'retention', subject: offer.id, outcome: 'done' }]);
    expect(kept).toBe(2);
    expect(atNew.filter((o) => o.kind === 'retention')).toEqual([{ kind: 'retention', subject: offer.id, outcome: 'done' }]);
    expect((await offerItems(t, offer.id)).registrations).toBe(0);
    await expectConsistent(t.ctx);
  });
});

describe('notes after the offer: the participant list no longer shows them', () => {
  it('shows children’s notes through the last day (region time) and not the day after', async () => {
    // Prepare: the last session ends 2026-03-16 09:00 UTC, a Monday in Vienna (UTC+1).
    const t = await setup();
    const offer = await t.publishOffer();
    await bookTwoFamilies(t, offer);
    const lastEnd = Math.max(...offer.sessions.map((s) => Date.parse(s.end)));
    expect(new Date(lastEnd).toISOString()).toBe('2026-03-16T09:00:00.000Z');

    // Act
    t.clock.set(new Date('2026-03-16T22:59:00Z'));
    const onLastDay = await t.participants(offer.id);
    t.clock.set(new Date('2026-03-16T23:01:00Z'));
    const dayAfter = await t.participants(offer.id);

    // Assess
    expect(onLastDay.map((p) => p.notes)).toEqual(['Nussallergie; abholen darf Oma Grete', 'Asthma-Spray im Rucksack']);
    expect(dayAfter.map((p) => p.child.firstName)).toEqual(['Lena', 'Lotte']);
    expect(dayAfter.map((p) => p.notes)).toEqual([undefined, undefined]);
  });
});

describe('inactive accounts: warned after 24 months without a sign-in, family accounts deleted 4 weeks later', () => {
  it('warns every account, keeps the one that signs in and the provider, deletes the silent family', async () => {
    // Prepare: two families sign in and keep a child each; a provider signs in too.
    const t = await setup();
    const signIn = async (email: string) => {
      expect((await t.app.request('/api/auth/code', json('POST', { email }))).status).toBe(202);
      const res = await t.app.request('/api/auth/session', json('POST', { email, code: codeIn(t.outbox.list(email)[0]?.subject ?? '') }));
      expect(res.status).toBe(200);
      const { token, user } = await body<{ token: string; user: { id: string } }>(res);
      return { id: user.id, headers: { Authorization: `Bearer ${token}` } };
    };
    const keepsIn = 'bleibt@example.at';
    const silent = 'still@example.at';
    for (const email of [keepsIn, silent]) {
      const { headers } = await signIn(email);
      expect(
        (await t.app.request('/api/family/household', json('PUT', { name: 'Eva Gruber', phone: '+43 660 111', postalCode: '4801' }, headers))).status,
      ).toBe(200);
      expect((await t.app.request('/api/family/children', json('POST', { firstName: 'Lena', birthDate: '2021-05-04' }, headers))).status).toBe(201);
    }
    const keeper = await t.ctx.ports.users.findUserIdByEmail(keepsIn);
    const silentId = await t.ctx.ports.users.findUserIdByEmail(silent);
    await signIn(t.provider.email);
    const warning = 'Ihr regiokurs-Konto wird gelöscht / Your regiokurs account will be deleted';
    const subjects = (email: string) => t.outbox.list(email).map((m) => m.subject);

    // Act: 24 months on, the sweep warns; one family signs in again; four weeks on, the sweep again.
    t.clock.set(new Date(Date.parse(addMonths('2026-03-02T08:00:00Z', 24)) + MINUTE));
    const warned = await t.sweep();
    await signIn(keepsIn);
    t.clock.advance(28 * DAY + MINUTE);
    const deleted = await t.sweep();

    // Assess: three warnings, the provider's without a threat of deletion.
    expect(warned.filter((o) => o.kind === 'account-inactive').map((o) => o.outcome)).toEqual(['done', 'done', 'done']);
    expect(subjects(keepsIn)).toContain(warning);
    expect(subjects(silent)).toContain(warning);
    expect(subjects(t.provider.email)).toContain('Ihr regiokurs-Konto ist ungenutzt / Your regiokurs account is unused');
    expect(t.outbox.list(silent)[0]?.text).toMatch(
      /^Sie haben sich seit 24 Monaten nicht bei regiokurs angemeldet\. Bitte melden Sie sich innerhalb von 4 Wochen an/,
    );
    expect(t.outbox.list(silent)[0]?.text).toContain('Please sign in within 4 weeks to keep your account');
    expect(deleted.filter((o) => o.kind === 'account-inactive')).toEqual([{ kind: 'account-inactive', subject: silentId, outcome: 'done' }]);
    // The family that signed in keeps its account and child; the provider keeps its account.
    expect(await t.ctx.ports.users.findUserIdByEmail(keepsIn)).toBe(keeper);
    const me = await body<{ household?: { children: unknown[] } }>(t.app.request('/api/me', { headers: (await signIn(keepsIn)).headers }));
    expect(me.household?.children).toHaveLength(1);
    expect(await t.ctx.ports.users.getUser(t.provider.id)).toBeDefined();
    // The silent family is gone: its sign-in now starts a fresh account without household data.
    expect(await t.ctx.ports.users.findUserIdByEmail(silent)).toBeUndefined();
    const again = await signIn(silent);
    expect(again.id).not.toBe(silentId);
    const fresh = await body<{ household?: { children: unknown[]; guardian: object } }>(t.app.request('/api/me', { headers: again.headers }));
    expect(fresh.household).toMatchObject({ children: [], guardian: {} });
    await expectConsistent(t.ctx);
  });

  it('never deletes a family that signed in again, even long after an old warning', async () => {
    // Prepare: a family signs in, is warned after 24 months, signs in again.
    const t = await setup();
    const email = 'treu@example.at';
    const signIn = async () => {
      await t.app.request('/api/auth/code', json('POST', { email }));
      return t.app.request('/api/auth/session', json('POST', { email, code: codeIn(t.outbox.list(email)[0]?.subject ?? '') }));
    };
    expect((await signIn()).status).toBe(200);
    const id = await t.ctx.ports.users.findUserIdByEmail(email);
    t.clock.set(new Date(Date.parse(addMonths(t.clock.now().toISOString(), 24)) + MINUTE));
    await t.sweep();
    expect((await signIn()).status).toBe(200);
    const signedInAgain = t.clock.now().toISOString();
    const warningsBefore = t.outbox.list(email).filter((m) => m.subject.startsWith('Ihr regiokurs-Konto')).length;

    // Act: the sweep four weeks later, then just after the next 24 months.
    t.clock.advance(28 * DAY + MINUTE);
    const fourWeeks = await t.sweep();
    t.clock.set(new Date(Date.parse(addMonths(signedInAgain, 24)) - MINUTE));
    const beforeNextTerm = await t.sweep();

    // Assess: still there, not warned again before its next 24 months are over.
    expect(fourWeeks.filter((o) => o.kind === 'account-inactive')).toEqual([]);
    expect(beforeNextTerm.filter((o) => o.kind === 'account-inactive')).toEqual([]);
    expect(await t.ctx.ports.users.findUserIdByEmail(email)).toBe(id);
    expect(warningsBefore).toBe(1);
    expect(t.outbox.list(email).filter((m) => m.subject.startsWith('Ihr regiokurs-Konto'))).toHaveLength(1);
  });
});
