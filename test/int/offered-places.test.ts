import { beforeAll, describe, expect, it } from 'vitest';
import type { Participant } from '../../shared/schemas/provider.js';
import type { Registration } from '../../shared/schemas/registration.js';
import { testClock, createTestContext } from '../support/context.js';
import { createOffer } from '../support/offers.js';
import { book, cancel, createFamily, expectConsistent, listRegistrations, unitOf, type Family } from '../support/booking.js';
import { createUser, type TestUser } from '../support/users.js';

type Problem = { status: number; title: string; errors?: { path: string }[] };
type Answer = { items: Registration[] };

const HOUR = 3600_000;

describe('offered places', () => {
  const clock = testClock(new Date('2027-03-01T08:00:00Z'));
  let t: Awaited<ReturnType<typeof createTestContext>>;

  beforeAll(async () => {
    t = await createTestContext({}, clock);
  });

  const answer = (f: TestUser, registrationId: string, what: 'accept' | 'decline' | 'extend') =>
    t.app.request(`/api/registrations/${registrationId}/${what}`, { method: 'POST', headers: f.headers });
  const runDueWork = async () => {
    const res = await t.app.request('/api/dev/jobs/run', { method: 'POST' });
    expect(res.status).toBe(200);
    return ((await res.json()) as { ran: { kind: string; subject: string; outcome: string }[] }).ran;
  };
  const only = async (f: Family) => (await listRegistrations(t.app, f))[0];
  const bookChildren = async (f: Family, offerId: string, childIds = f.childIds.slice(0, 1)) => {
    const res = await book(t.app, f, { offerId, items: childIds.map((childId) => ({ unitId: 'u1', childId })) });
    expect(res.status).toBe(201);
    return ((await res.json()) as Answer).items.map((r) => r.id);
  };

  /** An offer with `capacity` places in a week: `holders` hold them, then `waiting` families queue in that order. */
  async function prepareLine(capacity: number, waitingChildren: number[] = [1, 1], startsInHours = 7 * 24) {
    const start = clock.now().getTime() + startsInHours * HOUR;
    const offer = await createOffer(t.ctx, {
      units: [{ id: 'u1', label: 'Gruppe A', capacity, confirmed: 0, waiting: 0 }],
      sessions: [{ id: 's1', start: new Date(start).toISOString(), end: new Date(start + HOUR).toISOString(), place: 'Turnsaal' }],
    });
    const holders = await Promise.all(Array.from({ length: capacity }, () => createFamily(t.ctx)));
    const held = [];
    for (const h of holders) held.push((await bookChildren(h, offer.id))[0] ?? '');
    const waiting: Family[] = [];
    for (const n of waitingChildren) {
      const f = await createFamily(t.ctx, n);
      await bookChildren(f, offer.id, f.childIds);
      waiting.push(f);
    }
    return { offer, holders, held, waiting };
  }

  it('offers a freed place to the first family in line only, with a 48-hour deadline, and keeps newcomers out', async () => {
    // Prepare
    const { offer, holders, held, waiting } = await prepareLine(1);
    const [b, c] = waiting as [Family, Family];
    const newcomer = await createFamily(t.ctx);

    // Act
    const cancelled = await cancel(t.app, holders[0] as Family, held[0] ?? '');
    const newcomerBooking = await book(t.app, newcomer, { offerId: offer.id, unitId: 'u1', childId: newcomer.childIds[0] });

    // Assess
    expect(cancelled.status).toBe(204);
    const offered = await only(b);
    expect(offered).toMatchObject({ status: 'offered', offerExpiresAt: new Date(clock.now().getTime() + 48 * HOUR).toISOString(), offerExtended: false });
    expect(await only(c)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(((await newcomerBooking.json()) as Registration).status).toBe('waitlisted');
    expect(await unitOf(t.app, offer.id)).toMatchObject({ confirmed: 1, waiting: 2 });
    const [mail] = t.outbox.list(b.email);
    expect(mail?.text).toContain('bis Mittwoch, 3. März 2027 um 09:00');
    expect(mail?.text).toContain(`${t.ctx.config.PUBLIC_URL}/bookings#reg-${offered?.id}`);
    // c heard only of its own booking: on the waiting list.
    expect(t.outbox.list(c.email).map((m) => m.subject.split(':')[0])).toEqual(['Auf der Warteliste']);
    await expectConsistent(t.ctx);
  });

  it('confirms the place when the family accepts, and accepting again answers the same', async () => {
    // Prepare
    const { offer, holders, held, waiting } = await prepareLine(1);
    const b = waiting[0] as Family;
    await cancel(t.app, holders[0] as Family, held[0] ?? '');
    const id = (await only(b))?.id ?? '';

    // Act
    const accepted = await answer(b, id, 'accept');
    const again = await answer(b, id, 'accept');

    // Assess
    expect(accepted.status).toBe(200);
    expect(((await accepted.json()) as Answer).items).toEqual([expect.objectContaining({ id, status: 'confirmed' })]);
    expect(again.status).toBe(200);
    expect(await only(b)).toMatchObject({ status: 'confirmed' });
    expect(await unitOf(t.app, offer.id)).toMatchObject({ confirmed: 1, waiting: 1 });
    expect((await runDueWork()).filter((r) => r.kind === 'offer-expiry')).toEqual([]);
    await expectConsistent(t.ctx);
  });

  it('passes the place to the next in line when the family declines', async () => {
    // Prepare
    const { offer, holders, held, waiting } = await prepareLine(1);
    const [b, c] = waiting as [Family, Family];
    await cancel(t.app, holders[0] as Family, held[0] ?? '');
    const id = (await only(b))?.id ?? '';

    // Act
    const declined = await answer(b, id, 'decline');

    // Assess
    expect(declined.status).toBe(200);
    expect(await only(b)).toMatchObject({ status: 'declined' });
    expect(await only(c)).toMatchObject({ status: 'offered' });
    expect(t.outbox.list(c.email)[0]?.subject).toContain('Platz frei für Sie');
    expect(await unitOf(t.app, offer.id)).toMatchObject({ confirmed: 1, waiting: 0 });
    expect((await answer(b, id, 'accept')).status).toBe(409);
    await expectConsistent(t.ctx);
  });

  it('lets the deadline pass: the sweep expires the offer, tells the family and offers the place to the next', async () => {
    // Prepare
    const { holders, held, waiting } = await prepareLine(1);
    const [b, c] = waiting as [Family, Family];
    await cancel(t.app, holders[0] as Family, held[0] ?? '');
    const id = (await only(b))?.id ?? '';

    // Act: a sweep just before the deadline, then one just after it.
    clock.advance(48 * HOUR - 60_000);
    const before = await runDueWork();
    clock.advance(2 * 60_000);
    const after = await runDueWork();

    // Assess
    expect(before.filter((r) => r.subject === id)).toEqual([]);
    expect(after).toContainEqual({ kind: 'offer-expiry', subject: id, outcome: 'done' });
    expect(await only(b)).toMatchObject({ status: 'expired' });
    expect(t.outbox.list(b.email)[0]?.subject).toContain('Frist abgelaufen');
    expect(await only(c)).toMatchObject({ status: 'offered' });
    const late = await answer(b, id, 'accept');
    expect(late.status).toBe(409);
    expect(((await late.json()) as Problem).title).toContain('Frist');
    await expectConsistent(t.ctx);
  });

  it('gives more time once on request, never past the start; the sweep follows the new deadline', async () => {
    // Prepare: the offer starts in 60 hours, so the extension is cut short at its start.
    const { holders, held, waiting } = await prepareLine(1, [1, 1], 60);
    const b = waiting[0] as Family;
    await cancel(t.app, holders[0] as Family, held[0] ?? '');
    const offered = await only(b);
    const id = offered?.id ?? '';
    const firstDeadline = Date.parse(offered?.offerExpiresAt ?? '');

    // Act
    const extended = await answer(b, id, 'extend');
    const twice = await answer(b, id, 'extend');
    clock.set(new Date(firstDeadline + 60_000));
    const atOldDeadline = await runDueWork();

    // Assess
    expect(extended.status).toBe(200);
    const [after] = ((await extended.json()) as Answer).items;
    expect(after).toMatchObject({ status: 'offered', offerExtended: true });
    expect(Date.parse(after?.offerExpiresAt ?? '')).toBe(firstDeadline + 12 * HOUR);
    expect(twice.status).toBe(409);
    expect(atOldDeadline.filter((r) => r.subject === id)).toEqual([]);
    expect(await only(b)).toMatchObject({ status: 'offered' });
    await expectConsistent(t.ctx);
  });

  it('keeps a family’s children together: places collect for them at the head of the line, nobody overtakes', async () => {
    // Prepare: two places; the siblings wait first, a single child behind them.
    const { offer, holders, held, waiting } = await prepareLine(2, [2, 1]);
    const [siblings, single] = waiting as [Family, Family];

    // Act: one place frees, then the second.
    await cancel(t.app, holders[0] as Family, held[0] ?? '');
    const afterOne = await listRegistrations(t.app, siblings);
    const singleAfterOne = await only(single);
    await expectConsistent(t.ctx);
    await cancel(t.app, holders[1] as Family, held[1] ?? '');

    // Assess
    expect(afterOne.map((r) => r.status)).toEqual(['waitlisted', 'waitlisted']);
    expect(singleAfterOne).toMatchObject({ status: 'waitlisted', waitlistPosition: 3 });
    expect(await only(single)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const both = await listRegistrations(t.app, siblings);
    expect(both.map((r) => r.status)).toEqual(['offered', 'offered']);
    const mails = t.outbox.list(siblings.email).filter((m) => m.subject.startsWith('Platz frei für Sie'));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain('Für Kind1 und Kind2');
    const accepted = await answer(siblings, both[1]?.id ?? '', 'accept');
    expect(((await accepted.json()) as Answer).items.map((r) => r.status)).toEqual(['confirmed', 'confirmed']);
    expect(await unitOf(t.app, offer.id)).toMatchObject({ confirmed: 2, waiting: 1 });
    await expectConsistent(t.ctx);
  });

  it('still lets the deadline of a sibling pass when the family cancelled the child the deadline is filed under', async () => {
    // Prepare: siblings offered together; the family cancels the first one and keeps the second.
    const { offer, holders, held, waiting } = await prepareLine(2, [2, 1]);
    const [siblings, single] = waiting as [Family, Family];
    for (const [i, h] of holders.entries()) await cancel(t.app, h, held[i] ?? '');
    const offered = await listRegistrations(t.app, siblings);
    const leadId = (await t.ctx.ports.registrations.getRegistration(offered[0]?.id ?? ''))?.offerGroup?.[0];
    const [first, second] = [offered.find((r) => r.id === leadId), offered.find((r) => r.id !== leadId)];
    expect((await cancel(t.app, siblings, first?.id ?? '')).status).toBe(204);
    const singleAfterCancel = await only(single);

    // Act
    clock.set(new Date(Date.parse(second?.offerExpiresAt ?? '') + 60_000));
    const ran = await runDueWork();

    // Assess: the cancelled child's place went to the next family at once; the kept sibling's expired.
    expect(singleAfterCancel).toMatchObject({ status: 'offered' });
    expect(ran).toContainEqual({ kind: 'offer-expiry', subject: first?.id, outcome: 'done' });
    expect((await listRegistrations(t.app, siblings)).find((r) => r.id === second?.id)?.status).toBe('expired');
    expect((await unitOf(t.app, offer.id))?.confirmed).toBeLessThanOrEqual(1);
    await expectConsistent(t.ctx);
  });

  it('offers a freed place on the next sweep when offering it right after the cancellation did not happen', async () => {
    // Prepare: a cancellation written, its offer to the line cut off (as by a crash).
    const { offer, held, waiting } = await prepareLine(1);
    const b = waiting[0] as Family;
    const stored = await t.ctx.ports.registrations.getRegistration(held[0] ?? '');
    expect(stored && (await t.ctx.ports.registrations.cancel(stored, clock.now().toISOString()))).toBe(true);
    const before = await only(b);

    // Act
    const ran = await runDueWork();

    // Assess
    expect(before?.status).toBe('waitlisted');
    expect(ran).toContainEqual({ kind: 'offer-places', subject: `${offer.id}#u1`, outcome: 'done' });
    expect(await only(b)).toMatchObject({ status: 'offered' });
    expect(t.outbox.list(b.email)[0]?.subject).toContain('Platz frei für Sie');
    await expectConsistent(t.ctx);
  });

  it('ends a race of accepts and expiry sweeps around the deadline in exactly one of them', async () => {
    for (let round = 0; round < 4; round++) {
      // Prepare: the clock ticks a millisecond per reading, from just before the deadline.
      const { holders, held, waiting } = await prepareLine(1, [1]);
      const b = waiting[0] as Family;
      await cancel(t.app, holders[0] as Family, held[0] ?? '');
      const offered = await only(b);
      const deadline = Date.parse(offered?.offerExpiresAt ?? '');
      clock.set(new Date(deadline - 15 - round * 5));
      const ticking = clock.now;
      clock.now = () => (clock.advance(1), ticking());

      // Act
      const [accepts] = await Promise.all([
        Promise.all(Array.from({ length: 5 }, () => answer(b, offered?.id ?? '', 'accept'))),
        Promise.all(Array.from({ length: 3 }, () => runDueWork())),
      ]);
      clock.now = ticking;
      clock.set(new Date(deadline + 60_000));
      await runDueWork();

      // Assess
      const status = (await only(b))?.status;
      expect(['confirmed', 'expired']).toContain(status);
      const oks = accepts.filter((r) => r.status === 200).length;
      if (status === 'expired') expect(oks).toBe(0);
      else expect(oks).toBeGreaterThan(0);
      expect(t.outbox.list(b.email).filter((m) => m.subject.includes('Frist abgelaufen'))).toHaveLength(status === 'expired' ? 1 : 0);
      await expectConsistent(t.ctx);
    }
  });

  it('at a last call tells the whole line, and the first family to accept gets the place', async () => {
    // Prepare: the offer starts in an hour, too soon to hold a place for one family.
    const { offer, holders, held, waiting } = await prepareLine(1, [1, 1], 1);
    const [b, c] = waiting as [Family, Family];

    // Act
    await cancel(t.app, holders[0] as Family, held[0] ?? '');
    const [bListed, cListed] = [await only(b), await only(c)];
    const first = await answer(c, cListed?.id ?? '', 'accept');
    const second = await answer(b, bListed?.id ?? '', 'accept');

    // Assess
    expect([bListed, cListed]).toEqual([
      expect.objectContaining({ status: 'waitlisted', lastCall: true }),
      expect.objectContaining({ status: 'waitlisted', lastCall: true }),
    ]);
    for (const f of [b, c]) expect(t.outbox.list(f.email).filter((m) => m.subject.startsWith('Kurzfristig frei'))).toHaveLength(1);
    // Only the family that got the place is sent its confirmation.
    expect(t.outbox.list(c.email)[0]?.subject).toContain('Platz bestätigt');
    expect(t.outbox.list(b.email)[0]?.subject).toContain('Kurzfristig frei');
    expect(first.status).toBe(200);
    expect(await only(c)).toMatchObject({ status: 'confirmed' });
    expect(second.status).toBe(409);
    expect(((await second.json()) as Problem).title).toContain('schon vergeben');
    expect(await unitOf(t.app, offer.id)).toMatchObject({ confirmed: 1, waiting: 1 });
    await expectConsistent(t.ctx);
  });

  it('shows offered families with their deadline to the provider, and lets nobody else answer for a family', async () => {
    // Prepare
    const { offer, holders, held, waiting } = await prepareLine(1);
    const b = waiting[0] as Family;
    await cancel(t.app, holders[0] as Family, held[0] ?? '');
    const offered = await only(b);
    const [stranger, provider] = await Promise.all([createFamily(t.ctx), createUser(t.ctx, [{ role: 'provider', providerId: offer.providerId }])]);

    // Act
    const participants = await t.app.request(`/api/provider/offers/${offer.id}/participants`, { headers: provider.headers });
    const byStranger = await answer(stranger, offered?.id ?? '', 'accept');
    const byProvider = await answer(provider, offered?.id ?? '', 'decline');
    const badId = await answer(b, 'not an id', 'accept');

    // Assess
    const items = ((await participants.json()) as { items: Participant[] }).items;
    expect(items).toContainEqual(expect.objectContaining({ registrationId: offered?.id, status: 'offered', offerExpiresAt: offered?.offerExpiresAt }));
    expect(byStranger.status).toBe(404);
    expect(byProvider.status).toBe(403);
    expect(badId.status).toBe(400);
    expect(((await badId.json()) as Problem).errors?.[0]?.path).toBe('id');
    expect(await only(b)).toMatchObject({ status: 'offered' });
    await expectConsistent(t.ctx);
  });
});
