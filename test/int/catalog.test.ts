import { beforeAll, describe, expect, it } from 'vitest';
import type { Offer } from '../../shared/schemas/offer.js';
import { createTestContext, testClock } from '../support/context.js';
import { createOffer } from '../support/offers.js';

type Page = { items: (Offer & { firstDay: string })[]; cursor?: string };

const at = (day: string, time = '10:00') => `${day}T${time}:00+01:00`;
const session = (day: string) => ({ id: 's1', start: at(day), end: at(day, '11:00'), place: 'Saal' });

/**
 * One catalog for the whole file, written once and only read by the tests: paging and ordering
 * are checked against every offer there is, so no test adds one.
 */
describe('catalog', () => {
  let t: Awaited<ReturnType<typeof createTestContext>>;
  const list = async (query = ''): Promise<Page> => (await t.app.request(`/api/offers?${query}`)).json() as Promise<Page>;
  const ids = (page: Page) => page.items.map((o) => o.id);

  beforeAll(async () => {
    t = await createTestContext({ TIME_ZONE: 'Europe/Vienna' }, testClock(new Date('2026-03-01T09:00:00Z')));
    const { ctx } = t;
    await createOffer(ctx, {
      id: 'schwimmen-kirchau',
      title: 'Babyschwimmen',
      category: 'bewegung',
      municipalityId: 'kirchau',
      ageRange: { min: 0, max: 1 },
      sessions: [session('2026-03-10')],
    });
    await createOffer(ctx, {
      id: 'malen-lindach',
      title: 'Malwerkstatt',
      description: 'Mit Wasserfarben',
      category: 'kreativ',
      municipalityId: 'lindach',
      ageRange: { min: 6, max: 10 },
      sessions: [session('2026-03-05')],
    });
    await createOffer(ctx, {
      id: 'voll-lindach',
      title: 'Erste Hilfe',
      category: 'gesundheit',
      municipalityId: 'lindach',
      units: [{ id: 'u1', label: 'Abend', capacity: 0, confirmed: 0, waiting: 0 }],
      sessions: [session('2026-03-20')],
    });
    await createOffer(ctx, { id: 'vorbei', title: 'Vorbei', sessions: [session('2026-02-10')] });
    await createOffer(ctx, { id: 'entwurf', title: 'Entwurf', status: 'draft', sessions: [session('2026-03-07')] });
    for (let i = 0; i < 7; i++) {
      await createOffer(ctx, { id: `treff-${i}`, title: `Treff ${i}`, category: 'treffpunkt', sessions: [session(`2026-04-0${i + 1}`)] });
    }
  });

  it('lists current published offers soonest first, without drafts and past offers', async () => {
    // Act
    const page = await list('limit=100');

    // Assess
    expect(ids(page).slice(0, 3)).toEqual(['malen-lindach', 'schwimmen-kirchau', 'voll-lindach']);
    expect(ids(page)).not.toContain('entwurf');
    expect(ids(page)).not.toContain('vorbei');
    expect(page.items[0]!.units[0]).toEqual({ id: 'u1', label: 'Gruppe', capacity: 10, confirmed: 0, waiting: 0 });
  });

  it.each([
    ['municipality', 'municipality=kirchau', ['schwimmen-kirchau']],
    ['category', 'category=kreativ', ['malen-lindach']],
    ['age', 'age=1&limit=100', ['schwimmen-kirchau']],
    ['dates', 'from=2026-03-06&to=2026-03-20', ['schwimmen-kirchau', 'voll-lindach']],
    ['past dates', 'from=2026-02-01&to=2026-02-28', ['vorbei']],
    ['text', 'q=wasserfarben', ['malen-lindach']],
  ])('filters by %s (%s) → %j', async (_name, query, expected) => {
    // Act
    const page = await list(query);

    // Assess
    expect(ids(page)).toEqual(expected);
  });

  it('filters by free places: a full offer is left out', async () => {
    // Act
    const page = await list('municipality=lindach&available=true');

    // Assess
    expect(ids(page)).not.toContain('voll-lindach');
    expect(ids(page)).toContain('malen-lindach');
  });

  it('lists a full offer when free places are not asked for', async () => {
    // Act
    const page = await list('municipality=lindach&available=false');

    // Assess
    expect(ids(page)).toContain('voll-lindach');
  });

  it('pages with an opaque cursor, each offer exactly once', async () => {
    // Prepare
    const all = ids(await list('limit=100'));

    // Act: follow the cursor, three offers a page, to the end.
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await list(`limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...ids(page));
      cursor = page.cursor;
      pages++;
    } while (cursor);

    // Assess
    expect(pages).toBe(4);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(10);
  });

  it('answers a cursor that means nothing with 400 naming it', async () => {
    // Act
    const res = await t.app.request('/api/offers?cursor=bm9uc2Vuc2U');

    // Assess
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: [{ path: 'cursor' }] });
  });

  it('shows one offer with sessions and live units', async () => {
    // Act
    const res = await t.app.request('/api/offers/malen-lindach');

    // Assess
    expect(res.status).toBe(200);
    const offer = (await res.json()) as Offer;
    expect(offer).toMatchObject({ id: 'malen-lindach', sessions: [{ id: 's1' }], units: [{ id: 'u1', capacity: 10 }] });
  });

  it.each([
    ['a draft', 'entwurf'],
    ['an unknown id', 'gibt-es-nicht'],
  ])('answers 404 for %s', async (_name, offerId) => {
    // Act
    const res = await t.app.request(`/api/offers/${offerId}`);

    // Assess
    expect(res.status).toBe(404);
  });

  it('serves an iCal feed of the filtered offers', async () => {
    // Act
    const res = await t.app.request('/api/calendar.ics?municipality=kirchau');

    // Assess
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const ics = await res.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('SUMMARY:Babyschwimmen');
    expect(ics).toContain('DTSTART:20260310T090000Z');
    expect(ics).not.toContain('Malwerkstatt');
  });

  it('serves one offer as its own feed, for "add to my calendar"', async () => {
    // Act
    const res = await t.app.request('/api/calendar.ics?offer=malen-lindach');

    // Assess
    const ics = await res.text();
    expect(ics).toContain('SUMMARY:Malwerkstatt');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it('answers 404 for the feed of a draft', async () => {
    // Act
    const res = await t.app.request('/api/calendar.ics?offer=entwurf');

    // Assess
    expect(res.status).toBe(404);
  });
});
