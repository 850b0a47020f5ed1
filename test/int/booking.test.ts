import { beforeAll, describe, expect, it } from 'vitest';
import { scanTable } from '../../functions/db/consistency.js';
import type { Registration } from '../../shared/schemas/registration.js';
import { createTestContext } from '../support/context.js';
import { createOffer } from '../support/offers.js';
import { createUser, json } from '../support/users.js';
import { book, cancel, createFamily, expectConsistent, listRegistrations, unitOf } from '../support/booking.js';

type Problem = { type: string; status: number; detail?: string; title: string; errors?: { path: string }[] };

describe('booking', () => {
  let t: Awaited<ReturnType<typeof createTestContext>>;

  beforeAll(async () => {
    t = await createTestContext();
  });

  it('confirms while places are free, then waitlists with a position, and the offer shows exact numbers', async () => {
    const offer = await createOffer(t.ctx, { units: [{ id: 'u1', label: 'Gruppe', capacity: 1, confirmed: 0, waiting: 0 }] });
    const [a, b, c] = await Promise.all([createFamily(t.ctx), createFamily(t.ctx), createFamily(t.ctx)]);
    const first = await book(t.app, a, { offerId: offer.id, unitId: 'u1', childId: a.childIds[0] });
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ status: 'confirmed', offerId: offer.id, unitId: 'u1', childId: a.childIds[0] });
    const second = (await (await book(t.app, b, { offerId: offer.id, unitId: 'u1', childId: b.childIds[0] })).json()) as Registration;
    const third = (await (await book(t.app, c, { offerId: offer.id, unitId: 'u1', childId: c.childIds[0] })).json()) as Registration;
    expect([second.status, second.waitlistPosition, third.waitlistPosition]).toEqual(['waitlisted', 1, 2]);
    expect(await unitOf(t.app, offer.id)).toMatchObject({ capacity: 1, confirmed: 1, waiting: 2 });
    const listed = await listRegistrations(t.app, c);
    expect(listed).toEqual([expect.objectContaining({ id: third.id, status: 'waitlisted', waitlistPosition: 2, offerTitle: 'Testkurs', childFirstName: 'Kind1' })]);
    await expectConsistent(t.ctx);
  });

  it('answers 409 when a child is booked twice, and 409 full when the offer has no waitlist', async () => {
    const offer = await createOffer(t.ctx, { waitlist: false, units: [{ id: 'u1', label: 'G', capacity: 1, confirmed: 0, waiting: 0 }] });
    const [a, b] = await Promise.all([createFamily(t.ctx), createFamily(t.ctx)]);
    const body = { offerId: offer.id, unitId: 'u1', childId: a.childIds[0] };
    expect((await book(t.app, a, body)).status).toBe(201);
    const twice = await book(t.app, a, body);
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as Problem).type).toContain('already-registered');
    const full = await book(t.app, b, { offerId: offer.id, unitId: 'u1', childId: b.childIds[0] });
    expect(full.status).toBe(409);
    expect(((await full.json()) as Problem).type).toContain('full');
    await expectConsistent(t.ctx);
  });

  it('books several units and siblings all or nothing', async () => {
    const weeks = [
      { id: 'w1', label: 'Woche 1', capacity: 5, confirmed: 0, waiting: 0 },
      { id: 'w2', label: 'Woche 2', capacity: 1, confirmed: 0, waiting: 0 },
    ];
    const offer = await createOffer(t.ctx, { kind: 'holiday_care', waitlist: false, units: weeks });
    const siblings = await createFamily(t.ctx, 2);
    const [x, y] = siblings.childIds as [string, string];
    const refused = await book(t.app, siblings, { offerId: offer.id, items: [{ unitId: 'w1', childId: x }, { unitId: 'w1', childId: y }, { unitId: 'w2', childId: x }, { unitId: 'w2', childId: y }] });
    expect(refused.status).toBe(409);
    expect(await unitOf(t.app, offer.id, 'w1')).toMatchObject({ confirmed: 0, waiting: 0 });
    expect(await listRegistrations(t.app, siblings)).toEqual([]);

    const ok = await book(t.app, siblings, { offerId: offer.id, items: [{ unitId: 'w1', childId: x }, { unitId: 'w1', childId: y }, { unitId: 'w2', childId: x }] });
    expect(ok.status).toBe(201);
    const { items } = (await ok.json()) as { items: Registration[] };
    expect(items.map((r) => [r.unitId, r.status])).toEqual([['w1', 'confirmed'], ['w1', 'confirmed'], ['w2', 'confirmed']]);
    // Week 1 again for x plus week 2 for y: x's conflict sinks y's booking too.
    const again = await book(t.app, siblings, { offerId: offer.id, items: [{ unitId: 'w2', childId: y }, { unitId: 'w1', childId: x }] });
    expect(again.status).toBe(409);
    expect(await unitOf(t.app, offer.id, 'w2')).toMatchObject({ confirmed: 1 });
    await expectConsistent(t.ctx);
  });

  it('waitlists siblings behind the last free place: the first listed gets it', async () => {
    const offer = await createOffer(t.ctx, { units: [{ id: 'u1', label: 'G', capacity: 1, confirmed: 0, waiting: 0 }] });
    const siblings = await createFamily(t.ctx, 2);
    const res = await book(t.app, siblings, { offerId: offer.id, items: siblings.childIds.map((childId) => ({ unitId: 'u1', childId })) });
    const { items } = (await res.json()) as { items: Registration[] };
    expect(items.map((r) => [r.status, r.waitlistPosition])).toEqual([['confirmed', undefined], ['waitlisted', 1]]);
    await expectConsistent(t.ctx);
  });

  it('refuses what the offer rules out with 422 naming the field, and writes nothing', async () => {
    const family = await createFamily(t.ctx);
    const stranger = await createFamily(t.ctx);
    const now = t.ctx.ports.clock.now().getTime();
    const day = 86_400_000;
    const open = await createOffer(t.ctx);
    const closed = await createOffer(t.ctx, { registrationOpens: new Date(now - 3 * day).toISOString(), registrationCloses: new Date(now - day).toISOString() });
    // The same instants written with a +14:00 offset: as strings they sort differently, as instants they do not.
    const notYet = await createOffer(t.ctx, { registrationOpens: '2999-01-01T10:00:00+14:00', registrationCloses: '2999-02-01T10:00:00+14:00' });
    const lottery = await createOffer(t.ctx, { bookingMode: 'lottery' });
    const babies = await createOffer(t.ctx, { ageRange: { min: 0, max: 1 } });
    const cases: [string, unknown, number, string][] = [
      ['window closed', { offerId: closed.id, unitId: 'u1', childId: family.childIds[0] }, 422, 'offerId'],
      ['window not yet open', { offerId: notYet.id, unitId: 'u1', childId: family.childIds[0] }, 422, 'offerId'],
      ['lottery', { offerId: lottery.id, unitId: 'u1', childId: family.childIds[0] }, 422, 'offerId'],
      ['too old', { offerId: babies.id, unitId: 'u1', childId: family.childIds[0] }, 422, 'childId'],
      ['foreign child', { offerId: open.id, unitId: 'u1', childId: stranger.childIds[0] }, 422, 'childId'],
      ['unknown unit', { offerId: open.id, unitId: 'nope', childId: family.childIds[0] }, 422, 'unitId'],
      ['unknown offer', { offerId: 'nope', unitId: 'u1', childId: family.childIds[0] }, 404, 'offerId'],
    ];
    for (const [name, body, status, field] of cases) {
      const res = await book(t.app, family, body);
      expect(res.status, name).toBe(status);
      const problem = (await res.json()) as Problem;
      expect(problem.errors?.map((e) => e.path), name).toEqual([field]);
    }
    expect(await listRegistrations(t.app, family)).toEqual([]);
    await expectConsistent(t.ctx);
  });

  it('accepts a child on the last day of its age range, measured on the offer’s first day', async () => {
    const offer = await createOffer(t.ctx, { ageRange: { min: 3, max: 3 } });
    const family = await createFamily(t.ctx, 0);
    // Turns 4 on the offer's first day (in a week): too old. Turns 4 the day after: fits.
    const firstDay = new Date(t.ctx.ports.clock.now().getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    const [y, md] = [Number(firstDay.slice(0, 4)) - 4, firstDay.slice(4)];
    const tooOld = { id: 'old', firstName: 'Alt', birthDate: `${y}${md}` };
    const fits = { id: 'fits', firstName: 'Passt', birthDate: new Date(Date.parse(`${y}${md}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10) };
    for (const child of [tooOld, fits]) await t.ctx.ports.households.addChild(family.householdId, child, firstDay);
    expect((await book(t.app, family, { offerId: offer.id, unitId: 'u1', childId: 'old' })).status).toBe(422);
    expect((await book(t.app, family, { offerId: offer.id, unitId: 'u1', childId: 'fits' })).status).toBe(201);
  });

  it('answers 400 naming the header or field for bad requests, and writes nothing', async () => {
    const offer = await createOffer(t.ctx);
    const family = await createFamily(t.ctx);
    const noKey = await t.app.request('/api/registrations', json('POST', { offerId: offer.id, unitId: 'u1', childId: family.childIds[0] }, family.headers));
    expect(noKey.status).toBe(400);
    expect(((await noKey.json()) as Problem).errors?.map((e) => e.path)).toEqual(['idempotency-key']);
    const cases: [unknown, string][] = [
      [{ offerId: offer.id, unitId: 'u1' }, 'childId'],
      [{ offerId: offer.id, unitId: 'u1', childId: 'a b' }, 'childId'],
      [{ offerId: offer.id, items: [] }, 'items'],
      [{ offerId: offer.id, items: [{ unitId: 'u1', childId: 'x' }, { unitId: 'u1', childId: 'x' }] }, 'items'],
    ];
    for (const [body, field] of cases) {
      const res = await book(t.app, family, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const paths = ((await res.json()) as Problem).errors?.map((e) => e.path).join(' ');
      expect(paths, JSON.stringify(body)).toContain(field);
    }
    expect((await book(t.app, family, { offerId: offer.id, unitId: 'u1', childId: family.childIds[0] }, 'short')).status).toBe(400);
    expect(await listRegistrations(t.app, family)).toEqual([]);
    expect(await unitOf(t.app, offer.id)).toMatchObject({ confirmed: 0, waiting: 0 });
  });

  it('replays a repeated key with the first answer, and refuses the key for another request', async () => {
    const offer = await createOffer(t.ctx);
    const family = await createFamily(t.ctx, 2);
    const body = { offerId: offer.id, unitId: 'u1', childId: family.childIds[0] };
    const first = await book(t.app, family, body, 'key-00000001');
    const again = await book(t.app, family, body, 'key-00000001');
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    const other = await book(t.app, family, { ...body, childId: family.childIds[1] }, 'key-00000001');
    expect(other.status).toBe(422);
    expect(((await other.json()) as Problem).type).toContain('idempotency-mismatch');
    // Another user's identical key is theirs alone.
    const stranger = await createFamily(t.ctx);
    expect((await book(t.app, stranger, { ...body, childId: stranger.childIds[0] }, 'key-00000001')).status).toBe(201);
    await expectConsistent(t.ctx);
  });
});

describe('cancellation', () => {
  let t: Awaited<ReturnType<typeof createTestContext>>;

  beforeAll(async () => {
    t = await createTestContext();
  });

  it('gives the freed place to the head of the waitlist, e-mails that family, and is idempotent', async () => {
    const offer = await createOffer(t.ctx, { units: [{ id: 'u1', label: 'Gruppe A', capacity: 1, confirmed: 0, waiting: 0 }] });
    const [a, b, c] = await Promise.all([createFamily(t.ctx), createFamily(t.ctx), createFamily(t.ctx)]);
    const ids: string[] = [];
    for (const f of [a, b, c]) ids.push(((await (await book(t.app, f, { offerId: offer.id, unitId: 'u1', childId: f.childIds[0] })).json()) as Registration).id);
    expect((await cancel(t.app, a, ids[0] ?? '')).status).toBe(204);
    expect((await cancel(t.app, a, ids[0] ?? '')).status).toBe(204);
    expect((await listRegistrations(t.app, a))[0]?.status).toBe('cancelled');
    expect((await listRegistrations(t.app, b))[0]).toMatchObject({ status: 'confirmed' });
    expect((await listRegistrations(t.app, c))[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await unitOf(t.app, offer.id)).toMatchObject({ confirmed: 1, waiting: 1 });
    const [mail] = t.outbox.list(b.email);
    expect(mail?.subject).toContain('Platz frei');
    expect(mail?.text).toMatch(/Kind1 ist von der Warteliste.*Gruppe A[\s\S]*Good news/);
    expect(t.outbox.list(c.email)).toEqual([]);
    await expectConsistent(t.ctx);

    // A waiting registration leaves the line; a confirmed one with nobody waiting returns its place.
    expect((await cancel(t.app, c, ids[2] ?? '')).status).toBe(204);
    expect(await unitOf(t.app, offer.id)).toMatchObject({ confirmed: 1, waiting: 0 });
    expect((await cancel(t.app, b, ids[1] ?? '')).status).toBe(204);
    expect(await unitOf(t.app, offer.id)).toMatchObject({ confirmed: 0, waiting: 0 });
    await expectConsistent(t.ctx);
    // The child may book again once its registration is cancelled.
    expect((await book(t.app, a, { offerId: offer.id, unitId: 'u1', childId: a.childIds[0] })).status).toBe(201);
  });

  it('lets no other family and no other provider cancel or see a registration; the offer’s provider may cancel', async () => {
    const offer = await createOffer(t.ctx, { providerId: 'sportunion-lindach' });
    const owner = await createFamily(t.ctx);
    const other = await createFamily(t.ctx);
    const foreignProvider = await createUser(t.ctx, [{ role: 'provider', providerId: 'hilfswerk-sonnental' }]);
    const ownProvider = await createUser(t.ctx, [{ role: 'provider', providerId: 'sportunion-lindach' }]);
    const reg = (await (await book(t.app, owner, { offerId: offer.id, unitId: 'u1', childId: owner.childIds[0] })).json()) as Registration;
    expect((await cancel(t.app, other, reg.id)).status).toBe(404);
    expect((await cancel(t.app, foreignProvider, reg.id)).status).toBe(404);
    expect(await listRegistrations(t.app, other)).toEqual([]);
    expect((await listRegistrations(t.app, owner))[0]?.status).toBe('confirmed');
    expect((await t.app.request('/api/family/registrations', { headers: ownProvider.headers })).status).toBe(403);
    expect((await cancel(t.app, ownProvider, reg.id)).status).toBe(204);
    expect((await listRegistrations(t.app, owner))[0]?.status).toBe('cancelled');
    expect((await cancel(t.app, owner, 'no-such-registration')).status).toBe(404);
    await expectConsistent(t.ctx);
  });
});

describe('family data rights', () => {
  it('exports everything about the household and erases it, moving waiting families up', async () => {
    const t = await createTestContext();
    const offer = await createOffer(t.ctx, { units: [{ id: 'u1', label: 'G', capacity: 1, confirmed: 0, waiting: 0 }] });
    const leaving = await createFamily(t.ctx, 2);
    const waiting = await createFamily(t.ctx);
    await t.app.request('/api/family/household', json('PUT', { name: 'Eva Gruber', phone: '+43 660 1234567', postalCode: '4821' }, leaving.headers));
    await book(t.app, leaving, { offerId: offer.id, unitId: 'u1', childId: leaving.childIds[0] });
    await book(t.app, waiting, { offerId: offer.id, unitId: 'u1', childId: waiting.childIds[0] });
    await book(t.app, leaving, { offerId: offer.id, unitId: 'u1', childId: leaving.childIds[1] });

    const exported = await t.app.request('/api/family/export', { headers: leaving.headers });
    expect(exported.status).toBe(200);
    const data = (await exported.json()) as { account: { email: string }; household: { guardian: { name: string }; children: unknown[] }; registrations: Registration[] };
    expect(data.account.email).toBe(leaving.email);
    expect(data.household.guardian.name).toBe('Eva Gruber');
    expect(data.household.children).toHaveLength(2);
    expect(data.registrations.map((r) => r.status).sort()).toEqual(['confirmed', 'waitlisted']);

    expect((await t.app.request('/api/family', { method: 'DELETE', headers: leaving.headers })).status).toBe(204);
    expect((await listRegistrations(t.app, waiting))[0]).toMatchObject({ status: 'confirmed' });
    expect(await unitOf(t.app, offer.id)).toMatchObject({ confirmed: 1, waiting: 0 });
    expect((await t.app.request('/api/family/registrations', { headers: leaving.headers })).status).toBe(401);
    const text = JSON.stringify(await scanTable(t.ctx.table));
    for (const personal of [leaving.email, 'Eva Gruber', leaving.householdId, ...leaving.childIds]) expect(text).not.toContain(personal);
    await expectConsistent(t.ctx);
  });
});
