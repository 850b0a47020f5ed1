import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FamilyFeedCreated, FamilyFeedStatus } from '../../shared/schemas/calendar-feed.js';
import type { Offer } from '../../shared/schemas/offer.js';
import { book, cancel, createFamily, type Family } from '../support/booking.js';
import { createTestContext, testClock } from '../support/context.js';
import { body, offerDraft, publishDraft, seedRegionConfig } from '../support/provider.js';
import { createUser, json, type TestUser } from '../support/users.js';

type Vevent = { uid: string; summary: string; status: string; sequence: number; lastModified: string };

/** A feed as a real parser (ical.js) reads it: the calendar's own properties and each event's. */
function parseFeed(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  const events: Vevent[] = calendar.getAllSubcomponents('vevent').map((v) => ({
    uid: String(v.getFirstPropertyValue('uid')),
    summary: String(v.getFirstPropertyValue('summary')),
    status: String(v.getFirstPropertyValue('status')),
    sequence: Number(v.getFirstPropertyValue('sequence')),
    lastModified: String(v.getFirstPropertyValue('last-modified') ?? ''),
  }));
  const prop = (name: string) => String(calendar.getFirstPropertyValue(name) ?? '');
  return { events, name: prop('name'), calName: prop('x-wr-calname'), refresh: prop('refresh-interval'), ttl: prop('x-published-ttl'), url: prop('url') };
}

describe('calendar feeds (iCal)', () => {
  let t: Awaited<ReturnType<typeof createTestContext>>;
  let provider: TestUser;
  const clock = testClock();

  beforeAll(async () => {
    t = await createTestContext({}, clock);
    await seedRegionConfig(t.ctx);
    provider = await createUser(t.ctx, [{ role: 'provider', providerId: 'sportunion-lindach' }]);
  });

  const feed = async (path: string) => {
    const res = await t.app.request(path);
    expect(res.status, path).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    return parseFeed(await res.text());
  };
  const publish = (overrides: Record<string, unknown> = {}) => publishDraft(t.app, provider, offerDraft(t.clock.now(), overrides));
  const eventsOf = (events: Vevent[], offer: Offer) => events.filter((e) => e.uid.startsWith(`${offer.id}-`));

  it('serves the region, a municipality, a category and one offer as feeds a real parser reads, with name and refresh interval', async () => {
    // Prepare
    const { offer } = await publish({ title: 'Feedkurs' });

    // Act
    const feeds = await Promise.all(
      ['/api/calendar.ics', '/api/calendar.ics?municipality=lindach', '/api/calendar.ics?category=bewegung', `/api/calendar.ics?offer=${offer.id}`].map(feed),
    );

    // Assess
    for (const f of feeds) {
      expect(eventsOf(f.events, offer).map((e) => e.summary)).toEqual(['Feedkurs', 'Feedkurs']);
      expect(f.name).not.toBe('');
      expect(f.calName).toBe(f.name);
      expect(f.refresh).toBe('PT6H');
      expect(f.ttl).toBe('PT6H');
      expect(f.url).toMatch(/\/api\/calendar\.ics/);
    }
    expect(feeds[1]?.url).toContain('municipality=lindach');
    expect(eventsOf((await feed('/api/calendar.ics?municipality=kirchau')).events, offer)).toEqual([]);
  });

  it('raises SEQUENCE and LAST-MODIFIED when the offer is edited, keeping the UIDs', async () => {
    // Prepare
    const { offer, path } = await publish();
    const before = eventsOf((await feed(`/api/calendar.ics?offer=${offer.id}`)).events, offer);
    clock.advance(60_000);

    // Act
    expect((await t.app.request(path, json('PATCH', { title: 'Neuer Titel' }, provider.headers))).status).toBe(200);

    // Assess
    const after = eventsOf((await feed(`/api/calendar.ics?offer=${offer.id}`)).events, offer);
    expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    for (const [i, e] of after.entries()) {
      expect(e.sequence).toBeGreaterThan(before[i]?.sequence ?? Infinity);
      expect(e.lastModified > (before[i]?.lastModified ?? '')).toBe(true);
      expect(e.summary).toBe('Neuer Titel');
    }
  });

  it('keeps a session removed by an edit as STATUS:CANCELLED, in the offer’s and the region’s feed', async () => {
    // Prepare
    const { offer, path } = await publish();
    const [kept, removed] = offer.sessions;

    // Act
    expect((await t.app.request(path, json('PATCH', { sessions: [kept] }, provider.headers))).status).toBe(200);

    // Assess
    for (const f of [await feed(`/api/calendar.ics?offer=${offer.id}`), await feed('/api/calendar.ics')]) {
      const events = eventsOf(f.events, offer);
      expect(events.find((e) => e.uid === `${offer.id}-${kept?.id}@regiokurs`)?.status).toBe('CONFIRMED');
      expect(events.find((e) => e.uid === `${offer.id}-${removed?.id}@regiokurs`)?.status).toBe('CANCELLED');
    }
  });

  it('keeps a cancelled offer in the feeds with every session STATUS:CANCELLED', async () => {
    // Prepare
    const { offer, path } = await publish();

    // Act
    expect((await t.app.request(path, json('PATCH', { status: 'cancelled' }, provider.headers))).status).toBe(200);

    // Assess
    for (const f of [await feed(`/api/calendar.ics?offer=${offer.id}`), await feed('/api/calendar.ics?municipality=lindach')]) {
      const events = eventsOf(f.events, offer);
      expect(events).toHaveLength(2);
      expect(events.every((e) => e.status === 'CANCELLED' && e.summary.startsWith('Abgesagt'))).toBe(true);
    }
    // The public catalog itself never lists it.
    const listed = await body<{ items: Offer[] }>(t.app.request('/api/offers?limit=100'));
    expect(listed.items.map((o) => o.id)).not.toContain(offer.id);
  });

  describe('a family’s private feed', () => {
    let mine: Family;
    let theirs: Family;
    let booked: Offer;
    let cancelledBooking: Offer;
    let othersOffer: Offer;

    const create = async (family: TestUser, childNames: boolean) => {
      const res = await t.app.request('/api/family/calendar-feed', json('POST', { childNames }, family.headers));
      expect(res.status).toBe(201);
      return body<FamilyFeedCreated>(res);
    };
    const pathOf = (url: string) => new URL(url).pathname;

    beforeAll(async () => {
      mine = await createFamily(t.ctx, 2, 4);
      theirs = await createFamily(t.ctx, 1, 4);
      booked = (await publish({ title: 'Gebucht' })).offer;
      cancelledBooking = (await publish({ title: 'Storniert' })).offer;
      othersOffer = (await publish({ title: 'Fremd' })).offer;
      const unitId = (o: Offer) => o.units[0]?.id;
      for (const childId of mine.childIds) expect((await book(t.app, mine, { offerId: booked.id, unitId: unitId(booked), childId })).status).toBe(201);
      const toCancel = await body<{ id: string }>(
        book(t.app, mine, { offerId: cancelledBooking.id, unitId: unitId(cancelledBooking), childId: mine.childIds[0] }),
      );
      expect((await cancel(t.app, mine, toCancel.id)).status).toBe(204);
      expect((await book(t.app, theirs, { offerId: othersOffer.id, unitId: unitId(othersOffer), childId: theirs.childIds[0] })).status).toBe(201);
    });

    it('lists exactly the household’s active bookings, one event per session, without the children’s names', async () => {
      // Act
      const created = await create(mine, false);
      const f = await feed(pathOf(created.url));

      // Assess
      expect(f.events.map((e) => e.summary)).toEqual(['Gebucht', 'Gebucht']);
      expect(f.events.every((e) => e.status === 'CONFIRMED')).toBe(true);
      expect(f.events.every((e) => !e.summary.includes('Kind'))).toBe(true);
      const status = await body<FamilyFeedStatus>(t.app.request('/api/family/calendar-feed', { headers: mine.headers }));
      expect(status).toEqual({ active: true, childNames: false, createdAt: created.createdAt });
      expect(JSON.stringify(status)).not.toContain(pathOf(created.url).split('/').at(-1));
    });

    it('names the children in the titles only when the family opted in, and replacing kills the old address', async () => {
      // Prepare
      const old = await create(mine, false);

      // Act
      const replaced = await create(mine, true);

      // Assess
      expect((await t.app.request(pathOf(old.url))).status).toBe(404);
      const f = await feed(pathOf(replaced.url));
      expect(f.events.map((e) => e.summary)).toEqual(['Gebucht – Kind1, Kind2', 'Gebucht – Kind1, Kind2']);
      const other = await feed(pathOf((await create(theirs, true)).url));
      expect(other.events.map((e) => e.summary)).toEqual(['Fremd – Kind1', 'Fremd – Kind1']);
    });

    it('answers 404 at once after revocation, and for a token never issued', async () => {
      // Prepare
      const created = await create(mine, true);

      // Act
      const revoked = await t.app.request('/api/family/calendar-feed', { method: 'DELETE', headers: mine.headers });

      // Assess
      expect(revoked.status).toBe(204);
      expect((await t.app.request(pathOf(created.url))).status).toBe(404);
      expect((await t.app.request(`/api/feeds/family/${'A'.repeat(43)}`)).status).toBe(404);
      expect(await body<FamilyFeedStatus>(t.app.request('/api/family/calendar-feed', { headers: mine.headers }))).toEqual({ active: false });
    });

    it('is erased with the household', async () => {
      // Prepare
      const family = await createFamily(t.ctx, 1, 4);
      const created = await create(family, false);

      // Act
      expect((await t.app.request('/api/family', { method: 'DELETE', headers: family.headers })).status).toBe(204);

      // Assess: the address is dead and nothing of the feed is left stored.
      expect((await t.app.request(pathOf(created.url))).status).toBe(404);
      expect(await t.ctx.ports.familyFeeds.getByHousehold(family.householdId)).toBeUndefined();
    });

    it('is the family’s own: signed out 401, a provider 403', async () => {
      expect((await t.app.request('/api/family/calendar-feed', json('POST', { childNames: true }))).status).toBe(401);
      expect((await t.app.request('/api/family/calendar-feed', json('POST', { childNames: true }, provider.headers))).status).toBe(403);
      expect((await t.app.request('/api/family/calendar-feed', json('POST', { childNames: 'ja' }, mine.headers))).status).toBe(400);
    });
  });
});
