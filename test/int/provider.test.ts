import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Offer } from '../../shared/schemas/offer.js';
import type { Registration } from '../../shared/schemas/registration.js';
import { createTestContext } from '../support/context.js';
import { createUser, json, type TestUser } from '../support/users.js';
import { book, bornYearsAgo, expectConsistent, listRegistrations } from '../support/booking.js';
import { body, createHousehold, offerDraft, seedRegionConfig } from '../support/provider.js';

type Problem = { type: string; status: number; errors?: { path: string }[] };

describe('offer lifecycle for providers', () => {
  let t: Awaited<ReturnType<typeof createTestContext>>;
  let sportunion: TestUser;
  let musikschule: TestUser;

  const draft = () => offerDraft(t.clock.now());
  const create = async (user = sportunion, input: unknown = draft()) => {
    const res = await t.app.request('/api/provider/offers', json('POST', input, user.headers));
    expect(res.status).toBe(201);
    return body<Offer>(res);
  };
  const patch = (id: string, changes: unknown, user = sportunion) => t.app.request(`/api/provider/offers/${id}`, json('PATCH', changes, user.headers));
  const family = () =>
    createHousehold(t.ctx, { name: 'Eva Gruber', phone: '+43 660 111', postalCode: '4801' }, [{ firstName: 'Lena', birthDate: bornYearsAgo(t.ctx, 4) }]);

  beforeAll(async () => {
    t = await createTestContext();
    await seedRegionConfig(t.ctx);
    sportunion = await createUser(t.ctx, [{ role: 'provider', providerId: 'sportunion-lindach' }]);
    musikschule = await createUser(t.ctx, [{ role: 'provider', providerId: 'musikschule-sonnental' }]);
  });

  it('creates a draft of the caller’s provider, never the one in the body, outside the catalog', async () => {
    // Act
    const offer = await create();

    // Assess
    expect(offer).toMatchObject({ status: 'draft', providerId: 'sportunion-lindach', providerName: 'Sportunion Lindach', price: { amount: 40, reduced: 20 } });
    expect(offer.sessions.map((s) => s.id)).toHaveLength(2);
    expect(offer.units).toEqual([expect.objectContaining({ label: 'Gruppe', capacity: 2, confirmed: 0, waiting: 0 })]);
    expect((await t.app.request(`/api/offers/${offer.id}`)).status).toBe(404);
    const own = await body<{ items: Offer[] }>(t.app.request('/api/provider/offers', { headers: sportunion.headers }));
    expect(own.items.find((o) => o.id === offer.id)?.units).toHaveLength(1);
    const theirs = await body<{ items: Offer[] }>(t.app.request('/api/provider/offers', { headers: musikschule.headers }));
    expect(theirs.items.map((o) => o.id)).not.toContain(offer.id);
  });

  it('publishes into the catalog with its units, and edits fields', async () => {
    // Prepare
    const offer = await create();

    // Act
    const res = await patch(offer.id, { status: 'published', title: 'Turnen für Zwerge', ageRange: { min: 3, max: 6 } });

    // Assess
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'published', title: 'Turnen für Zwerge', ageRange: { min: 3, max: 6 } });
    const catalog = await body<{ items: Offer[] }>(t.app.request('/api/offers?limit=100'));
    expect(catalog.items.find((o) => o.id === offer.id)).toMatchObject({ title: 'Turnen für Zwerge', units: [expect.objectContaining({ capacity: 2 })] });
  });

  describe('keeps every own-offer route to the offer’s provider', () => {
    /** Method, path under `/api/provider/offers/:id` (`:session` is the offer's first session), body. */
    const ownOfferRoutes: [string, string, unknown?][] = [
      ['GET', ''],
      ['PATCH', '', { title: 'Übernommen' }],
      ['GET', '/participants'],
      ['GET', '/sessions/:session/attendance'],
      ['PUT', '/sessions/:session/attendance', {}],
      ['GET', '/attendance.csv'],
      ['GET', '/attendance.pdf'],
    ];
    const send = (user: TestUser, method: string, path: string, payload: unknown) =>
      t.app.request(path, payload === undefined ? { method, headers: user.headers } : json(method, payload, user.headers));
    const pathOf = (offer: Offer, route: string) => `/api/provider/offers/${offer.id}${route.replace(':session', offer.sessions[0]?.id ?? '')}`;

    it.each(ownOfferRoutes)('answering %s :id%s of another provider as of no offer (404), and the offer stays', async (method, route, payload) => {
      // Prepare
      const offer = await create();
      const path = pathOf(offer, route);
      const missing = pathOf({ ...offer, id: 'no-such-offer' }, route);

      // Act
      const res = await send(musikschule, method, path, payload);
      const unknown = await send(musikschule, method, missing, payload);

      // Assess: nothing tells the other provider's offer from one that does not exist.
      expect(res.status, `${method} ${path}`).toBe(404);
      const { instance: _a, ...answer } = (await res.json()) as Record<string, unknown>;
      const { instance: _b, ...unknownAnswer } = (await unknown.json()) as Record<string, unknown>;
      expect(answer).toEqual(unknownAnswer);
      expect((await body<Offer>(t.app.request(pathOf(offer, ''), { headers: sportunion.headers }))).title).toBe('Eltern-Kind-Turnen');
    });

    it.each(ownOfferRoutes)('answering %s :id%s of the owner with 200', async (method, route, payload) => {
      // Prepare
      const offer = await create();
      const path = pathOf(offer, route);

      // Act
      const res = await send(sportunion, method, path, payload);

      // Assess
      expect(res.status, `${method} ${path} by the owner`).toBe(200);
    });

    it('answering an unknown offer with 404', async () => {
      // Act
      const res = await t.app.request('/api/provider/offers/nope', { headers: sportunion.headers });

      // Assess
      expect(res.status).toBe(404);
    });
  });

  const badInput: [Record<string, unknown>, string][] = [
    [{ units: [{ label: 'G', capacity: -1 }] }, 'units.0.capacity'],
    [{ sessions: [{ start: '2026-07-06T10:00:00+02:00', end: '2026-07-06T09:00:00+02:00', place: 'Saal' }] }, 'sessions.0.end'],
    [{ registrationOpens: '2026-07-06T10:00:00+02:00', registrationCloses: '2026-07-01T10:00:00+02:00' }, 'registrationCloses'],
    [{ category: 'gibtsnicht' }, 'category'],
    [{ municipalityId: 'atlantis' }, 'municipalityId'],
  ];

  it.each(badInput)('answers bad input %j with 400 naming %s on create', async (change, field) => {
    // Act
    const created = await t.app.request('/api/provider/offers', json('POST', { ...draft(), ...change }, sportunion.headers));

    // Assess
    expect(created.status).toBe(400);
    expect((await body<Problem>(created)).errors?.map((e) => e.path)).toContain(field);
  });

  it.each(badInput)('answers bad input %j with 400 naming %s on edit', async (change, field) => {
    // Prepare
    const offer = await create();

    // Act
    const edited = await patch(offer.id, change);

    // Assess
    expect(edited.status).toBe(400);
    expect((await body<Problem>(edited)).errors?.map((e) => e.path)).toContain(field);
  });

  it('allows no way back to draft', async () => {
    // Prepare
    const offer = await create();

    // Act
    const back = await patch(offer.id, { status: 'draft' });

    // Assess
    expect(back.status).toBe(400);
    expect((await body<Problem>(back)).errors?.map((e) => e.path)).toEqual(['status']);
  });

  it('allows no edit after cancelling', async () => {
    // Prepare
    const offer = await create();
    const cancelled = await patch(offer.id, { status: 'cancelled' });

    // Act
    const after = await patch(offer.id, { title: 'Doch nicht' });

    // Assess
    expect(cancelled.status).toBe(200);
    expect(after.status).toBe(409);
    expect((await body<Problem>(after)).errors?.map((e) => e.path)).toEqual(['status']);
  });

  it('never lets a concurrent edit overwrite another: the second save from the same read is refused', async () => {
    // Prepare: one read, and a first save from it.
    const offer = await create();
    const before = await t.ctx.ports.offers.getStoredOffer(offer.id);
    if (!before) throw new Error('offer missing');
    const span = { firstDay: before.firstDay, lastDay: before.lastDay, firstStart: before.firstStart };
    const edit = (title: string) => ({ before, after: { ...before, title }, span, now: t.clock.now().toISOString(), allowOverbooking: false });
    const first = await t.ctx.ports.offers.updateOffer(edit('Erste Änderung'));

    // Act: a second save from the same read.
    const second = await t.ctx.ports.offers.updateOffer(edit('Zweite Änderung'));

    // Assess
    expect(first).toEqual([]);
    expect(second).toEqual([{ kind: 'changed' }]);
    expect((await t.ctx.ports.offers.getStoredOffer(offer.id))?.title).toBe('Erste Änderung');
  });

  describe('never lowers capacity below the confirmed silently: 409, or overbooked on purpose', () => {
    /** A published offer whose unit of two places two families have booked. */
    async function prepareFullUnit() {
      const offer = await create();
      await patch(offer.id, { status: 'published' });
      const families = await Promise.all([family(), family()]);
      for (const f of families) expect((await book(t.app, f, { offerId: offer.id, unitId: offer.units[0]?.id, childId: f.children[0]?.id })).status).toBe(201);
      const unit = { id: offer.units[0]?.id, label: 'Gruppe', capacity: 1 };
      return { offer, unit };
    }

    it('refuses to lower it below the confirmed with 409 naming the capacity', async () => {
      // Prepare
      const { offer, unit } = await prepareFullUnit();

      // Act
      const refused = await patch(offer.id, { units: [unit] });

      // Assess
      expect(refused.status).toBe(409);
      expect((await body<Problem>(refused)).errors?.map((e) => e.path)).toEqual(['units.0.capacity']);
      await expectConsistent(t.ctx);
    });

    it('lowers it below the confirmed when the provider overbooks on purpose', async () => {
      // Prepare
      const { offer, unit } = await prepareFullUnit();
      // The consistency check counts any unit above its capacity, on purpose or not: the place
      // goes back afterwards, so that the other tests' checks of this table hold.
      onTestFinished(async () => void (await patch(offer.id, { units: [{ ...unit, capacity: 2 }] })));

      // Act
      const overbooked = await patch(offer.id, { units: [unit], allowOverbooking: true });

      // Assess
      expect(overbooked.status).toBe(200);
      expect((await body<Offer>(overbooked)).units[0]).toMatchObject({ capacity: 1, confirmed: 2, waiting: 0 });
    });

    it('raises an overbooked unit and adds a unit, keeping the confirmed', async () => {
      // Prepare
      const { offer, unit } = await prepareFullUnit();
      const overbooked = await patch(offer.id, { units: [unit], allowOverbooking: true });

      // Act
      const raised = await body<Offer>(
        patch(offer.id, {
          units: [
            { ...unit, capacity: 5 },
            { label: 'Zweite Gruppe', capacity: 3 },
          ],
        }),
      );

      // Assess
      expect(overbooked.status).toBe(200);
      expect(raised.units).toEqual([
        expect.objectContaining({ capacity: 5, confirmed: 2 }),
        expect.objectContaining({ label: 'Zweite Gruppe', capacity: 3, confirmed: 0 }),
      ]);
      await expectConsistent(t.ctx);
    });

    it('refuses to remove a unit that holds bookings with 409', async () => {
      // Prepare
      const { offer } = await prepareFullUnit();

      // Act
      const removeBooked = await patch(offer.id, { units: [{ label: 'Nur neu', capacity: 3 }] });

      // Assess
      expect(removeBooked.status).toBe(409);
      await expectConsistent(t.ctx);
    });
  });

  it('offers raised capacity to the waiting families, in line order, and tells them', async () => {
    // Prepare: one place, one family confirmed and two waiting.
    const offer = await create();
    await patch(offer.id, { status: 'published', units: [{ id: offer.units[0]?.id, label: 'Gruppe', capacity: 1 }] });
    const families = await Promise.all([family(), family(), family()]);
    const booked: Registration[] = [];
    for (const f of families)
      booked.push(await body<Registration>(book(t.app, f, { offerId: offer.id, unitId: offer.units[0]?.id, childId: f.children[0]?.id })));

    // Act
    const raised = await body<Offer>(patch(offer.id, { units: [{ id: offer.units[0]?.id, label: 'Gruppe', capacity: 2 }] }));

    // Assess
    expect(booked.map((r) => r.status)).toEqual(['confirmed', 'waitlisted', 'waitlisted']);
    expect(raised.units[0]).toMatchObject({ capacity: 2, confirmed: 2, waiting: 1 });
    expect((await listRegistrations(t.app, families[1] as TestUser)).map((r) => r.status)).toEqual(['offered']);
    expect((await listRegistrations(t.app, families[2] as TestUser)).map((r) => [r.status, r.waitlistPosition])).toEqual([['waitlisted', 1]]);
    expect(t.outbox.list(families[1]?.email).map((m) => m.subject)).toEqual([
      `Platz frei für Sie: ${offer.title} / A place for you: ${offer.title}`,
      `Auf der Warteliste: ${offer.title} / On the waiting list: ${offer.title}`,
    ]);
    await expectConsistent(t.ctx);
  });

  it('cancels: out of the catalog, every registration cancelled without promotions, families told in German and English', async () => {
    // Prepare: two places taken, one family waiting.
    const offer = await create();
    await patch(offer.id, { status: 'published' });
    const families = await Promise.all([family(), family(), family()]);
    const booked: Registration[] = [];
    for (const f of families)
      booked.push(await body<Registration>(book(t.app, f, { offerId: offer.id, unitId: offer.units[0]?.id, childId: f.children[0]?.id })));

    // Act
    const cancelled = await patch(offer.id, { status: 'cancelled' });

    // Assess
    expect(booked.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'waitlisted']);
    expect(cancelled.status).toBe(200);
    expect((await body<Offer>(cancelled)).units[0]).toMatchObject({ confirmed: 0, waiting: 0 });
    const catalog = await body<{ items: Offer[] }>(t.app.request('/api/offers?limit=100'));
    expect(catalog.items.map((o) => o.id)).not.toContain(offer.id);
    for (const f of families) {
      expect((await listRegistrations(t.app, f)).map((r) => r.status)).toEqual(['cancelled']);
      const mails = t.outbox.list(f.email);
      // The booking's e-mail, then one for the cancelled offer: no second one per registration.
      expect(mails.map((m) => m.subject.split(':')[0])).toEqual([
        'Abgesagt',
        booked[families.indexOf(f)]?.status === 'confirmed' ? 'Buchung bestätigt' : 'Auf der Warteliste',
      ]);
      expect(mails[0]?.subject).toBe(`Abgesagt: ${offer.title} / Cancelled: ${offer.title}`);
      expect(mails[0]?.text.indexOf('abgesagt')).toBeLessThan(mails[0]?.text.indexOf('cancelled') ?? 0);
    }
    await expectConsistent(t.ctx);
  });

  it('publishes no cancelled offer again (409)', async () => {
    // Prepare: a published offer with a booking, cancelled.
    const offer = await create();
    await patch(offer.id, { status: 'published' });
    const booker = await family();
    const booked = await book(t.app, booker, { offerId: offer.id, unitId: offer.units[0]?.id, childId: booker.children[0]?.id });
    const cancelled = await patch(offer.id, { status: 'cancelled' });

    // Act
    const republished = await patch(offer.id, { status: 'published' });

    // Assess
    expect(booked.status).toBe(201);
    expect(cancelled.status).toBe(200);
    expect(republished.status).toBe(409);
    await expectConsistent(t.ctx);
  });

  describe('answers input the table cannot hold with 400 naming the field, and changes nothing', () => {
    type Edit = { sessions: { id?: string }[]; units: { id?: string; label: string; capacity: number }[] };

    it.each<[string, (offer: Offer) => unknown, string]>([
      [
        'the same unit twice',
        (o) => ({ units: [...o.units, { ...o.units[0], label: 'Kopie' }].map(({ id, label, capacity }) => ({ id, label, capacity })) }),
        'units.1.id',
      ],
      ['the same session twice', (o) => ({ sessions: [o.sessions[0], o.sessions[0]] }), 'sessions.1.id'],
      ['a price below a cent', () => ({ price: { amount: 40, reduced: 5e-324 } }), 'price.reduced'],
      ['a price with three decimals', () => ({ price: { amount: 12.999 } }), 'price.amount'],
    ])('an edit with %s', async (_what, changes, field) => {
      // Prepare
      const offer = await create();

      // Act
      const res = await patch(offer.id, changes(offer));

      // Assess
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await body<Problem>(res)).errors?.map((e) => e.path)).toContain(field);
      const after = await body<Offer>(t.app.request(`/api/provider/offers/${offer.id}`, { headers: sportunion.headers }));
      expect({ sessions: after.sessions, units: after.units, price: after.price, version: (after as Offer & { version: number }).version }).toEqual({
        sessions: offer.sessions,
        units: offer.units,
        price: offer.price,
        version: (offer as Offer & { version: number }).version,
      });
    });

    it('a new offer naming one unit id twice', async () => {
      // Prepare
      const input = draft() as Edit;
      input.units = [
        { id: 'gruppe', label: 'Gruppe A', capacity: 2 },
        { id: 'gruppe', label: 'Gruppe B', capacity: 2 },
      ];

      // Act
      const res = await t.app.request('/api/provider/offers', json('POST', input, sportunion.headers));

      // Assess
      expect(res.status).toBe(400);
      expect((await body<Problem>(res)).errors?.map((e) => e.path)).toEqual(['units.1.id']);
    });

    it('keeps prices in whole cents as given', async () => {
      // Act
      const offer = await create(sportunion, { ...draft(), price: { amount: 12.99, reduced: 0.5 } });

      // Assess
      expect(offer.price).toEqual({ amount: 12.99, reduced: 0.5 });
    });
  });
});
