import { beforeAll, describe, expect, it } from 'vitest';
import { scanTable } from '../../functions/db/consistency.js';
import type { Registration } from '../../shared/schemas/registration.js';
import { createTestContext } from '../support/context.js';
import { createOffer } from '../support/offers.js';
import { createUser, json } from '../support/users.js';
import { book, cancel, createFamily, expectConsistent, listRegistrations, unitOf } from '../support/booking.js';
import type { Family } from '../support/booking.js';
import type { TestUser } from '../support/users.js';
import { retrySetup } from '../support/retry-setup.js';

type Problem = { type: string; status: number; detail?: string; title: string; errors?: { path: string }[] };

describe('booking', () => {
  let t: Awaited<ReturnType<typeof createTestContext>>;

  beforeAll(async () => {
    t = await createTestContext();
  });

  it('confirms while places are free, then waitlists with a position, and the offer shows exact numbers', async () => {
    // Prepare
    const offer = await createOffer(t.ctx, { units: [{ id: 'u1', label: 'Gruppe', capacity: 1, confirmed: 0, waiting: 0 }] });
    const [a, b, c] = await Promise.all([createFamily(t.ctx), createFamily(t.ctx), createFamily(t.ctx)]);

    // Act: three families book, one after another.
    const first = await book(t.app, a, { offerId: offer.id, unitId: 'u1', childId: a.childIds[0] });
    const second = await book(t.app, b, { offerId: offer.id, unitId: 'u1', childId: b.childIds[0] });
    const third = await book(t.app, c, { offerId: offer.id, unitId: 'u1', childId: c.childIds[0] });

    // Assess
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ status: 'confirmed', offerId: offer.id, unitId: 'u1', childId: a.childIds[0] });
    const [waitingFirst, waitingSecond] = [(await second.json()) as Registration, (await third.json()) as Registration];
    expect([waitingFirst.status, waitingFirst.waitlistPosition, waitingSecond.waitlistPosition]).toEqual(['waitlisted', 1, 2]);
    expect(await unitOf(t.app, offer.id)).toMatchObject({ capacity: 1, confirmed: 1, waiting: 2 });
    const listed = await listRegistrations(t.app, c);
    expect(listed).toEqual([
      expect.objectContaining({ id: waitingSecond.id, status: 'waitlisted', waitlistPosition: 2, offerTitle: 'Testkurs', childFirstName: 'Kind1' }),
    ]);
    await expectConsistent(t.ctx);
  });

  it('answers 409 when a child is booked twice', async () => {
    // Prepare
    const offer = await createOffer(t.ctx, { waitlist: false, units: [{ id: 'u1', label: 'G', capacity: 1, confirmed: 0, waiting: 0 }] });
    const a = await createFamily(t.ctx);
    const body = { offerId: offer.id, unitId: 'u1', childId: a.childIds[0] };
    const booked = await book(t.app, a, body);

    // Act
    const twice = await book(t.app, a, body);

    // Assess
    expect(booked.status).toBe(201);
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as Problem).type).toContain('already-registered');
    await expectConsistent(t.ctx);
  });

  it('answers 409 full when the offer has no waitlist', async () => {
    // Prepare
    const offer = await createOffer(t.ctx, { waitlist: false, units: [{ id: 'u1', label: 'G', capacity: 1, confirmed: 0, waiting: 0 }] });
    const [a, b] = await Promise.all([createFamily(t.ctx), createFamily(t.ctx)]);
    const booked = await book(t.app, a, { offerId: offer.id, unitId: 'u1', childId: a.childIds[0] });

    // Act
    const full = await book(t.app, b, { offerId: offer.id, unitId: 'u1', childId: b.childIds[0] });

    // Assess
    expect(booked.status).toBe(201);
    expect(full.status).toBe(409);
    expect(((await full.json()) as Problem).type).toContain('full');
    await expectConsistent(t.ctx);
  });

  describe('books several units and siblings all or nothing', () => {
    /** A holiday care offer of two weeks without a waitlist, five places in week 1 and one in week 2, and a family with two children. */
    async function prepareWeeks() {
      const weeks = [
        { id: 'w1', label: 'Woche 1', capacity: 5, confirmed: 0, waiting: 0 },
        { id: 'w2', label: 'Woche 2', capacity: 1, confirmed: 0, waiting: 0 },
      ];
      const offer = await createOffer(t.ctx, { kind: 'holiday_care', waitlist: false, units: weeks });
      const siblings = await createFamily(t.ctx, 2);
      const [x, y] = siblings.childIds as [string, string];
      return { offer, siblings, x, y };
    }

    it('refuses the whole request when one unit is full, and writes nothing', async () => {
      // Prepare
      const { offer, siblings, x, y } = await prepareWeeks();

      // Act
      const refused = await book(t.app, siblings, {
        offerId: offer.id,
        items: [
          { unitId: 'w1', childId: x },
          { unitId: 'w1', childId: y },
          { unitId: 'w2', childId: x },
          { unitId: 'w2', childId: y },
        ],
      });

      // Assess
      expect(refused.status).toBe(409);
      expect(await unitOf(t.app, offer.id, 'w1')).toMatchObject({ confirmed: 0, waiting: 0 });
      expect(await listRegistrations(t.app, siblings)).toEqual([]);
      await expectConsistent(t.ctx);
    });

    it('confirms every item of a request that fits', async () => {
      // Prepare
      const { offer, siblings, x, y } = await prepareWeeks();

      // Act
      const ok = await book(t.app, siblings, {
        offerId: offer.id,
        items: [
          { unitId: 'w1', childId: x },
          { unitId: 'w1', childId: y },
          { unitId: 'w2', childId: x },
        ],
      });

      // Assess
      expect(ok.status).toBe(201);
      const { items } = (await ok.json()) as { items: Registration[] };
      expect(items.map((r) => [r.unitId, r.status])).toEqual([
        ['w1', 'confirmed'],
        ['w1', 'confirmed'],
        ['w2', 'confirmed'],
      ]);
      await expectConsistent(t.ctx);
    });

    it('lets one child’s conflict sink its sibling’s booking too', async () => {
      // Prepare
      const { offer, siblings, x, y } = await prepareWeeks();
      const booked = await book(t.app, siblings, {
        offerId: offer.id,
        items: [
          { unitId: 'w1', childId: x },
          { unitId: 'w1', childId: y },
          { unitId: 'w2', childId: x },
        ],
      });

      // Act: week 1 again for x plus week 2 for y: x's conflict sinks y's booking too.
      const again = await book(t.app, siblings, {
        offerId: offer.id,
        items: [
          { unitId: 'w2', childId: y },
          { unitId: 'w1', childId: x },
        ],
      });

      // Assess
      expect(booked.status).toBe(201);
      expect(again.status).toBe(409);
      expect(await unitOf(t.app, offer.id, 'w2')).toMatchObject({ confirmed: 1 });
      await expectConsistent(t.ctx);
    });
  });

  it('waitlists siblings behind the last free place: the first listed gets it', async () => {
    // Prepare
    const offer = await createOffer(t.ctx, { units: [{ id: 'u1', label: 'G', capacity: 1, confirmed: 0, waiting: 0 }] });
    const siblings = await createFamily(t.ctx, 2);

    // Act
    const res = await book(t.app, siblings, { offerId: offer.id, items: siblings.childIds.map((childId) => ({ unitId: 'u1', childId })) });

    // Assess
    const { items } = (await res.json()) as { items: Registration[] };
    expect(items.map((r) => [r.status, r.waitlistPosition])).toEqual([
      ['confirmed', undefined],
      ['waitlisted', 1],
    ]);
    await expectConsistent(t.ctx);
  });

  const day = 86_400_000;
  /** An instant `ms` away from the context's clock. */
  const fromNow = (ms: number) => new Date(t.ctx.ports.clock.now().getTime() + ms).toISOString();
  it.each<[string, () => Promise<{ id: string }>, 'own' | 'foreign' | 'foreign and booked', string, number, string]>([
    ['window closed', () => createOffer(t.ctx, { registrationOpens: fromNow(-3 * day), registrationCloses: fromNow(-day) }), 'own', 'u1', 422, 'offerId'],
    // The same instants written with a +14:00 offset: as strings they sort differently, as instants they do not.
    [
      'window not yet open',
      () => createOffer(t.ctx, { registrationOpens: '2999-01-01T10:00:00+14:00', registrationCloses: '2999-02-01T10:00:00+14:00' }),
      'own',
      'u1',
      422,
      'offerId',
    ],
    ['lottery', () => createOffer(t.ctx, { bookingMode: 'lottery' }), 'own', 'u1', 422, 'offerId'],
    ['too old', () => createOffer(t.ctx, { ageRange: { min: 0, max: 1 } }), 'own', 'u1', 422, 'childId'],
    // Another household's child answers as one that does not exist, booked or not: nothing to probe.
    ['foreign child', () => createOffer(t.ctx), 'foreign', 'u1', 404, 'childId'],
    ['foreign child booked by its family', () => createOffer(t.ctx), 'foreign and booked', 'u1', 404, 'childId'],
    ['unknown unit', () => createOffer(t.ctx), 'own', 'nope', 422, 'unitId'],
    ['unknown offer', async () => ({ id: 'nope' }), 'own', 'u1', 404, 'offerId'],
  ])('refuses what the offer rules out (%s) naming the field, and writes nothing', async (name, prepareOffer, whose, unitId, status, field) => {
    // Prepare
    const family = await createFamily(t.ctx);
    const childOf = whose === 'own' ? family : await createFamily(t.ctx);
    const offer = await prepareOffer();
    if (whose === 'foreign and booked') expect((await book(t.app, childOf, { offerId: offer.id, unitId, childId: childOf.childIds[0] })).status).toBe(201);

    // Act
    const res = await book(t.app, family, { offerId: offer.id, unitId, childId: childOf.childIds[0] });

    // Assess
    expect(res.status, name).toBe(status);
    const paths = ((await res.json()) as Problem).errors?.map((e) => e.path);
    expect(paths, name).toEqual([field]);
    expect(await listRegistrations(t.app, family)).toEqual([]);
    await expectConsistent(t.ctx);
  });

  describe('measures the age range on the offer’s first day', () => {
    /** An offer for three-year-olds starting in a week, and a family with a child who turns 4 on its first day ('old') and one who turns 4 the day after ('fits'). */
    async function prepareAgeBoundary() {
      const offer = await createOffer(t.ctx, { ageRange: { min: 3, max: 3 } });
      const family = await createFamily(t.ctx, 0);
      // Turns 4 on the offer's first day (in a week): too old. Turns 4 the day after: fits.
      const firstDay = new Date(t.ctx.ports.clock.now().getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
      const [y, md] = [Number(firstDay.slice(0, 4)) - 4, firstDay.slice(4)];
      const tooOld = { id: 'old', firstName: 'Alt', birthDate: `${y}${md}` };
      const fits = { id: 'fits', firstName: 'Passt', birthDate: new Date(Date.parse(`${y}${md}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10) };
      for (const child of [tooOld, fits]) await retrySetup(() => t.ctx.ports.households.addChild(family.householdId, child, firstDay));
      return { offer, family };
    }

    it('refuses a child who is past the range on that day', async () => {
      // Prepare
      const { offer, family } = await prepareAgeBoundary();

      // Act
      const res = await book(t.app, family, { offerId: offer.id, unitId: 'u1', childId: 'old' });

      // Assess
      expect(res.status).toBe(422);
    });

    it('accepts a child on the last day of its age range', async () => {
      // Prepare
      const { offer, family } = await prepareAgeBoundary();

      // Act
      const res = await book(t.app, family, { offerId: offer.id, unitId: 'u1', childId: 'fits' });

      // Assess
      expect(res.status).toBe(201);
    });
  });

  describe('answers 400 for bad requests, and writes nothing', () => {
    it('naming the header when the Idempotency-Key is missing', async () => {
      // Prepare
      const offer = await createOffer(t.ctx);
      const family = await createFamily(t.ctx);

      // Act
      const noKey = await t.app.request('/api/registrations', json('POST', { offerId: offer.id, unitId: 'u1', childId: family.childIds[0] }, family.headers));

      // Assess
      expect(noKey.status).toBe(400);
      expect(((await noKey.json()) as Problem).errors?.map((e) => e.path)).toEqual(['idempotency-key']);
      expect(await listRegistrations(t.app, family)).toEqual([]);
      expect(await unitOf(t.app, offer.id)).toMatchObject({ confirmed: 0, waiting: 0 });
    });

    it.each<[string, (offerId: string) => unknown, string]>([
      ['no child', (offerId) => ({ offerId, unitId: 'u1' }), 'childId'],
      ['a child id with a space', (offerId) => ({ offerId, unitId: 'u1', childId: 'a b' }), 'childId'],
      ['no items', (offerId) => ({ offerId, items: [] }), 'items'],
      [
        'the same item twice',
        (offerId) => ({
          offerId,
          items: [
            { unitId: 'u1', childId: 'x' },
            { unitId: 'u1', childId: 'x' },
          ],
        }),
        'items',
      ],
    ])('naming the field for %s', async (_name, bodyFor, field) => {
      // Prepare
      const offer = await createOffer(t.ctx);
      const family = await createFamily(t.ctx);
      const body = bodyFor(offer.id);

      // Act
      const res = await book(t.app, family, body);

      // Assess
      expect(res.status, JSON.stringify(body)).toBe(400);
      const paths = ((await res.json()) as Problem).errors?.map((e) => e.path).join(' ');
      expect(paths, JSON.stringify(body)).toContain(field);
      expect(await listRegistrations(t.app, family)).toEqual([]);
      expect(await unitOf(t.app, offer.id)).toMatchObject({ confirmed: 0, waiting: 0 });
    });

    it('for an Idempotency-Key too short', async () => {
      // Prepare
      const offer = await createOffer(t.ctx);
      const family = await createFamily(t.ctx);

      // Act
      const res = await book(t.app, family, { offerId: offer.id, unitId: 'u1', childId: family.childIds[0] }, 'short');

      // Assess
      expect(res.status).toBe(400);
      expect(await listRegistrations(t.app, family)).toEqual([]);
      expect(await unitOf(t.app, offer.id)).toMatchObject({ confirmed: 0, waiting: 0 });
    });
  });

  describe('an Idempotency-Key', () => {
    const KEY = 'key-00000001';

    it('replayed with the same request gets the first answer', async () => {
      // Prepare
      const offer = await createOffer(t.ctx);
      const family = await createFamily(t.ctx, 2);
      const body = { offerId: offer.id, unitId: 'u1', childId: family.childIds[0] };
      const first = await book(t.app, family, body, KEY);

      // Act
      const again = await book(t.app, family, body, KEY);

      // Assess
      expect(again.status).toBe(201);
      expect(again.headers.get('Idempotent-Replayed')).toBe('true');
      expect(await again.json()).toEqual(await first.json());
      await expectConsistent(t.ctx);
    });

    it('used for another request is refused with 422', async () => {
      // Prepare
      const offer = await createOffer(t.ctx);
      const family = await createFamily(t.ctx, 2);
      await book(t.app, family, { offerId: offer.id, unitId: 'u1', childId: family.childIds[0] }, KEY);

      // Act
      const other = await book(t.app, family, { offerId: offer.id, unitId: 'u1', childId: family.childIds[1] }, KEY);

      // Assess
      expect(other.status).toBe(422);
      expect(((await other.json()) as Problem).type).toContain('idempotency-mismatch');
      await expectConsistent(t.ctx);
    });

    it('is the user’s alone: another user’s identical key books', async () => {
      // Prepare
      const offer = await createOffer(t.ctx);
      const family = await createFamily(t.ctx, 2);
      await book(t.app, family, { offerId: offer.id, unitId: 'u1', childId: family.childIds[0] }, KEY);
      const stranger = await createFamily(t.ctx);

      // Act
      const res = await book(t.app, stranger, { offerId: offer.id, unitId: 'u1', childId: stranger.childIds[0] }, KEY);

      // Assess
      expect(res.status).toBe(201);
      await expectConsistent(t.ctx);
    });
  });
});

describe('cancellation', () => {
  let t: Awaited<ReturnType<typeof createTestContext>>;

  beforeAll(async () => {
    t = await createTestContext();
  });

  const bookChild = async (f: Family, offerId: string) =>
    ((await (await book(t.app, f, { offerId, unitId: 'u1', childId: f.childIds[0] })).json()) as Registration).id;
  const onePlace = () => createOffer(t.ctx, { units: [{ id: 'u1', label: 'Gruppe A', capacity: 1, confirmed: 0, waiting: 0 }] });

  describe('of a confirmed place with families waiting', () => {
    /** One place: a holds it, b and c wait in that order. */
    async function prepareLine() {
      const offer = await onePlace();
      const [a, b, c] = await Promise.all([createFamily(t.ctx), createFamily(t.ctx), createFamily(t.ctx)]);
      const ids: string[] = [];
      for (const f of [a, b, c]) ids.push(await bookChild(f, offer.id));
      return { offer, a, b, c, ids };
    }

    /** b was offered the place with a deadline and told, c is first in line, a is cancelled. */
    async function expectOffered({ offer, a, b, c }: Awaited<ReturnType<typeof prepareLine>>) {
      expect((await listRegistrations(t.app, a))[0]?.status).toBe('cancelled');
      expect((await listRegistrations(t.app, b))[0]).toMatchObject({ status: 'offered', offerExpiresAt: expect.any(String), offerExtended: false });
      expect((await listRegistrations(t.app, c))[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
      // The offered place is taken: nobody new can book it.
      expect(await unitOf(t.app, offer.id)).toMatchObject({ confirmed: 1, waiting: 1 });
      const [mail] = t.outbox.list(b.email);
      expect(mail?.subject).toContain('Platz frei für Sie');
      expect(mail?.text).toMatch(/Für Kind1 ist bei „Testkurs“ \(Gruppe A\) ein Platz frei geworden[\s\S]*Good news/);
      // c heard only of its own booking: on the waiting list.
      expect(t.outbox.list(c.email).map((m) => m.subject.split(':')[0])).toEqual(['Auf der Warteliste']);
      await expectConsistent(t.ctx);
    }

    it('offers the freed place to the head of the waitlist with a deadline and e-mails that family', async () => {
      // Prepare
      const line = await prepareLine();

      // Act
      const res = await cancel(t.app, line.a, line.ids[0] ?? '');

      // Assess
      expect(res.status).toBe(204);
      await expectOffered(line);
    });

    it('is idempotent: cancelling again answers 204 and changes nothing', async () => {
      // Prepare
      const line = await prepareLine();
      await cancel(t.app, line.a, line.ids[0] ?? '');

      // Act
      const again = await cancel(t.app, line.a, line.ids[0] ?? '');

      // Assess
      expect(again.status).toBe(204);
      await expectOffered(line);
      expect(t.outbox.list(line.b.email).map((m) => m.subject.split(':')[0])).toEqual(['Platz frei für Sie', 'Auf der Warteliste']);
      expect(t.outbox.list(line.a.email).map((m) => m.subject.split(':')[0])).toEqual(['Storniert', 'Buchung bestätigt']);
    });
  });

  it('takes a waiting registration out of the line', async () => {
    // Prepare
    const offer = await onePlace();
    const [b, c] = await Promise.all([createFamily(t.ctx), createFamily(t.ctx)]);
    await bookChild(b, offer.id);
    const waitingId = await bookChild(c, offer.id);

    // Act
    const res = await cancel(t.app, c, waitingId);

    // Assess
    expect(res.status).toBe(204);
    expect(await unitOf(t.app, offer.id)).toMatchObject({ confirmed: 1, waiting: 0 });
    await expectConsistent(t.ctx);
  });

  it('returns a confirmed place when nobody is waiting', async () => {
    // Prepare
    const offer = await onePlace();
    const b = await createFamily(t.ctx);
    const confirmedId = await bookChild(b, offer.id);

    // Act
    const res = await cancel(t.app, b, confirmedId);

    // Assess
    expect(res.status).toBe(204);
    expect(await unitOf(t.app, offer.id)).toMatchObject({ confirmed: 0, waiting: 0 });
    await expectConsistent(t.ctx);
  });

  it('lets the child book again once its registration is cancelled', async () => {
    // Prepare
    const offer = await onePlace();
    const a = await createFamily(t.ctx);
    await cancel(t.app, a, await bookChild(a, offer.id));

    // Act
    const res = await book(t.app, a, { offerId: offer.id, unitId: 'u1', childId: a.childIds[0] });

    // Assess
    expect(res.status).toBe(201);
  });

  describe('by someone else', () => {
    /** A family's confirmed registration in an offer of sportunion-lindach. */
    async function prepareRegistration() {
      const offer = await createOffer(t.ctx, { providerId: 'sportunion-lindach' });
      const owner = await createFamily(t.ctx);
      const reg = (await (await book(t.app, owner, { offerId: offer.id, unitId: 'u1', childId: owner.childIds[0] })).json()) as Registration;
      return { owner, reg };
    }

    it.each<[string, () => Promise<TestUser>]>([
      ['another family', () => createFamily(t.ctx)],
      ['another provider', () => createUser(t.ctx, [{ role: 'provider', providerId: 'hilfswerk-sonnental' }])],
    ])('is refused for %s with 404, and the registration stays', async (_name, prepareStranger) => {
      // Prepare
      const { owner, reg } = await prepareRegistration();
      const stranger = await prepareStranger();

      // Act
      const res = await cancel(t.app, stranger, reg.id);

      // Assess
      expect(res.status).toBe(404);
      expect((await listRegistrations(t.app, owner))[0]?.status).toBe('confirmed');
      await expectConsistent(t.ctx);
    });

    it('is refused for an unknown registration with 404', async () => {
      // Prepare
      const { owner } = await prepareRegistration();

      // Act
      const res = await cancel(t.app, owner, 'no-such-registration');

      // Assess
      expect(res.status).toBe(404);
    });

    it('is allowed to the offer’s provider', async () => {
      // Prepare
      const { owner, reg } = await prepareRegistration();
      const ownProvider = await createUser(t.ctx, [{ role: 'provider', providerId: 'sportunion-lindach' }]);

      // Act
      const res = await cancel(t.app, ownProvider, reg.id);

      // Assess
      expect(res.status).toBe(204);
      expect((await listRegistrations(t.app, owner))[0]?.status).toBe('cancelled');
      await expectConsistent(t.ctx);
    });
  });

  it('shows no other family a registration', async () => {
    // Prepare
    const offer = await createOffer(t.ctx, { providerId: 'sportunion-lindach' });
    const owner = await createFamily(t.ctx);
    await bookChild(owner, offer.id);
    const other = await createFamily(t.ctx);

    // Act
    const seen = await listRegistrations(t.app, other);

    // Assess
    expect(seen).toEqual([]);
    expect((await listRegistrations(t.app, owner))[0]?.status).toBe('confirmed');
  });

  it('shows a provider no family’s registrations (403), not even for its own offers', async () => {
    // Prepare
    const offer = await createOffer(t.ctx, { providerId: 'sportunion-lindach' });
    const owner = await createFamily(t.ctx);
    await bookChild(owner, offer.id);
    const ownProvider = await createUser(t.ctx, [{ role: 'provider', providerId: 'sportunion-lindach' }]);

    // Act
    const res = await t.app.request('/api/family/registrations', { headers: ownProvider.headers });

    // Assess
    expect(res.status).toBe(403);
  });
});

describe('family data rights', () => {
  /** A fresh table with a one-place unit: the leaving family's first child holds it, another family and then its second child wait. */
  async function prepareLeavingFamily() {
    const t = await createTestContext();
    const offer = await createOffer(t.ctx, { units: [{ id: 'u1', label: 'G', capacity: 1, confirmed: 0, waiting: 0 }] });
    const leaving = await createFamily(t.ctx, 2);
    const waiting = await createFamily(t.ctx);
    await t.app.request('/api/family/household', json('PUT', { name: 'Eva Gruber', phone: '+43 660 1234567', postalCode: '4821' }, leaving.headers));
    await book(t.app, leaving, { offerId: offer.id, unitId: 'u1', childId: leaving.childIds[0] });
    await book(t.app, waiting, { offerId: offer.id, unitId: 'u1', childId: waiting.childIds[0] });
    await book(t.app, leaving, { offerId: offer.id, unitId: 'u1', childId: leaving.childIds[1] });
    return { t, offer, leaving, waiting };
  }

  it('exports everything about the household', async () => {
    // Prepare
    const { t, leaving } = await prepareLeavingFamily();

    // Act
    const exported = await t.app.request('/api/family/export', { headers: leaving.headers });

    // Assess
    expect(exported.status).toBe(200);
    const data = (await exported.json()) as {
      account: { email: string };
      household: { guardian: { name: string }; children: unknown[] };
      registrations: Registration[];
    };
    expect(data.account.email).toBe(leaving.email);
    expect(data.household.guardian.name).toBe('Eva Gruber');
    expect(data.household.children).toHaveLength(2);
    expect(data.registrations.map((r) => r.status).sort()).toEqual(['confirmed', 'waitlisted']);
  });

  it('erases the household, offering its place to the waiting family', async () => {
    // Prepare
    const { t, offer, leaving, waiting } = await prepareLeavingFamily();

    // Act
    const res = await t.app.request('/api/family', { method: 'DELETE', headers: leaving.headers });

    // Assess
    expect(res.status).toBe(204);
    expect((await listRegistrations(t.app, waiting))[0]).toMatchObject({ status: 'offered' });
    expect(await unitOf(t.app, offer.id)).toMatchObject({ confirmed: 1, waiting: 0 });
    expect((await t.app.request('/api/family/registrations', { headers: leaving.headers })).status).toBe(401);
    // The token names the household for a few minutes more: a booking with it finds no child there and writes nothing.
    const late = await book(t.app, leaving, { offerId: offer.id, unitId: 'u1', childId: leaving.childIds[0] });
    expect(late.status).toBe(404);
    expect(await unitOf(t.app, offer.id)).toMatchObject({ confirmed: 1, waiting: 0 });
    const text = JSON.stringify(await scanTable(t.ctx.table));
    for (const personal of [leaving.email, 'Eva Gruber', leaving.householdId, ...leaving.childIds]) expect(text).not.toContain(personal);
    await expectConsistent(t.ctx);
  });
});
