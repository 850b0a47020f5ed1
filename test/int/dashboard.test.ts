import { beforeAll, describe, expect, it } from 'vitest';
import { checkConsistency, scanTable } from '../../functions/db/consistency.js';
import type { Item } from '../../functions/db/dynamo.js';
import { ageOn, dayIn } from '../../shared/dates.js';
import type { Dashboard } from '../../shared/schemas/dashboard.js';
import type { Offer } from '../../shared/schemas/offer.js';
import type { Registration } from '../../shared/schemas/registration.js';
import { createTestContext } from '../support/context.js';
import { createOffer } from '../support/offers.js';
import { createUser, json, type TestUser } from '../support/users.js';
import { book, bornYearsAgo, cancel } from '../support/booking.js';
import { body, createHousehold, seedRegionConfig, type Household } from '../support/provider.js';

/** A small deterministic generator (mulberry32), so the dataset is the same on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const LOCATIONS = ['lindach', 'obernberg', 'kirchau', 'weidenbrunn'];
const CATEGORIES = ['bewegung', 'kreativ', 'ferien'];
/** Postal codes of the four municipalities and one outside the region. */
const POSTAL_CODES = ['4801', '4811', '4821', '4831', '9999'];

const s = (n: number) => (n < 3 ? ('<3' as const) : n);
const r = (num: number, den: number) => (num < 3 ? ('<3' as const) : Math.round((num / Math.max(den, 1)) * 1000) / 1000);
const band = (age: number) => (age <= 2 ? '0-2' : age <= 5 ? '3-5' : age <= 9 ? '6-9' : age <= 13 ? '10-13' : '14+');
const monday = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
};

describe('municipality dashboard', () => {
  let t: Awaited<ReturnType<typeof createTestContext>>;
  let region: TestUser;
  let lindach: TestUser;
  let provider: TestUser;
  let offers: Offer[];
  let households: Household[];
  let bookedCount = 0;
  const from = '2000-01-01';
  const to = '2999-12-31';

  beforeAll(async () => {
    t = await createTestContext();
    await seedRegionConfig(t.ctx);
    region = await createUser(t.ctx, [{ role: 'municipality', municipalityId: '*' }]);
    lindach = await createUser(t.ctx, [{ role: 'municipality', municipalityId: 'lindach' }]);
    provider = await createUser(t.ctx, [{ role: 'provider', providerId: 'sportunion-lindach' }]);
    const rand = random(42);
    const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)] as T;
    const now = t.clock.now().getTime();
    offers = [];
    for (let i = 0; i < 16; i++) {
      const start = now + (7 + 7 * (i % 5)) * 86_400_000;
      offers.push(
        await createOffer(t.ctx, {
          title: `Angebot ${i}`,
          municipalityId: LOCATIONS[i % 4],
          category: CATEGORIES[i % 3],
          ageRange: { min: 0, max: 17 },
          sessions: [
            { id: 's1', start: new Date(start).toISOString(), end: new Date(start + 3_600_000).toISOString(), place: 'Saal' },
            { id: 's2', start: new Date(start + 86_400_000).toISOString(), end: new Date(start + 90_000_000).toISOString(), place: 'Saal' },
          ],
          units: [
            { id: 'u1', label: 'A', capacity: 4 + (i % 7) * 3, confirmed: 0, waiting: 0 },
            { id: 'u2', label: 'B', capacity: i % 2 ? 2 : 10, confirmed: 0, waiting: 0 },
          ],
        }),
      );
    }
    households = [];
    for (let h = 0; h < 110; h++) {
      const children = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, c) => ({
        firstName: `Vorname${h}x${c}q`,
        birthDate: bornYearsAgo(t.ctx, Math.floor(rand() * 16)),
      }));
      households.push(await createHousehold(t.ctx, { name: `Elternteil${h}z`, phone: `+43 660 ${1000 + h}`, postalCode: pick(POSTAL_CODES) }, children));
    }
    const booked: Registration[] = [];
    for (const f of households) {
      for (const child of f.children) {
        for (let k = 0; k < 1 + Math.floor(rand() * 2); k++) {
          const res = await book(t.app, f, { offerId: pick(offers).id, unitId: rand() < 0.7 ? 'u1' : 'u2', childId: child.id });
          if (res.status === 201) booked.push((await res.json()) as Registration);
        }
      }
    }
    bookedCount = booked.length;
    for (const reg of booked.filter(() => rand() < 0.1)) {
      const owner = households.find((f) => f.children.some((c) => c.id === reg.childId));
      if (owner) expect((await cancel(t.app, owner, reg.id)).status).toBe(204);
    }
    // Attendance on the Lindach offers (the provider's own), first session.
    for (const offer of offers.filter((o) => o.municipalityId === 'lindach')) {
      const { items } = await body<{ items: { registrationId: string; status: string }[] }>(
        t.app.request(`/api/provider/offers/${offer.id}/participants`, { headers: provider.headers }),
      );
      const marks = Object.fromEntries(items.filter((p) => p.status === 'confirmed').map((p, i) => [p.registrationId, i % 4 === 0 ? 'absent' : 'present']));
      expect((await t.app.request(`/api/provider/offers/${offer.id}/sessions/s1/attendance`, json('PUT', marks, provider.headers))).status).toBe(200);
    }
  });

  /** The dashboard recounted the slow way, from every item of the table. */
  async function recount(scope: string): Promise<Dashboard> {
    const items = await scanTable(t.ctx.table);
    const tz = t.ctx.config.TIME_ZONE;
    const offerItems = items.filter((i) => i.sk === 'OFFER' && i.status === 'published' && (scope === '*' || i.municipalityId === scope));
    const unitItems = items.filter((i) => String(i.sk).startsWith('UNIT#'));
    const residenceOf = new Map(items.filter((i) => i.sk === 'HH').map((i) => [String(i.id), String(i.municipalityId ?? 'other')]));
    const birthOf = new Map(items.filter((i) => String(i.sk).startsWith('CHILD#')).map((i) => [String(i.id), String(i.birthDate)]));
    const regs = items.filter((i) => i.sk === 'REG' && (i.status === 'confirmed' || i.status === 'waitlisted'));
    const supply = (os: Item[]) => {
      const units = unitItems.filter((u) => os.some((o) => o.id === u.offerId));
      const sum = (f: string) => units.reduce((n, u) => n + Number(u[f]), 0);
      const [places, confirmed, waiting] = [sum('capacity'), sum('confirmed'), sum('waiting')];
      return { offers: os.length, places, confirmed: s(confirmed), waiting: s(waiting), fillRate: r(confirmed, places) };
    };
    const firstDay = (o: Item) => dayIn(tz, (o.sessions as { start: string }[])[0]?.start ?? '');
    const inScope = regs.filter((g) => offerItems.some((o) => o.id === g.offerId));
    const confirmed = inScope.filter((g) => g.status === 'confirmed');
    const distinct = (gs: Item[], f: string) => new Set(gs.map((g) => g[f])).size;
    const keysOf = (values: string[]) => [...new Set(values)].sort();
    const marks = items.filter((i) => String(i.sk).startsWith('ATT#') && offerItems.some((o) => String(i.pk) === `OFFER#${String(o.id)}`));
    const present = marks.filter((m) => m.mark === 'present').length;
    const marked = marks.filter((m) => m.mark !== 'excused').length;
    const locationOf = (g: Item) => String(offerItems.find((o) => o.id === g.offerId)?.municipalityId);
    return {
      scope: { municipality: scope, from, to },
      totals: {
        ...supply(offerItems),
        children: s(distinct(confirmed, 'childId')),
        families: s(distinct(confirmed, 'householdId')),
        attendanceRate: marked === 0 ? null : r(present, marked),
      },
      byCategory: keysOf(offerItems.map((o) => String(o.category))).map((category) => ({
        category,
        ...supply(offerItems.filter((o) => o.category === category)),
      })),
      byAgeBand: ['0-2', '3-5', '6-9', '10-13', '14+'].map((b) => {
        const of = (status: string) =>
          inScope.filter((g) => {
            const offer = offerItems.find((o) => o.id === g.offerId);
            return g.status === status && offer && band(ageOn(birthOf.get(String(g.childId)) ?? '', firstDay(offer))) === b;
          }).length;
        return { band: b as Dashboard['byAgeBand'][number]['band'], confirmed: s(of('confirmed')), waiting: s(of('waitlisted')) };
      }),
      byResidence: keysOf(confirmed.map((g) => residenceOf.get(String(g.householdId)) ?? 'other')).map((residence) => {
        const here = confirmed.filter((g) => residenceOf.get(String(g.householdId)) === residence);
        return { residence, children: s(distinct(here, 'childId')), families: s(distinct(here, 'householdId')) };
      }),
      matrix: keysOf(confirmed.map((g) => `${residenceOf.get(String(g.householdId))}#${locationOf(g)}`)).map((key) => {
        const [residence = '', location = ''] = key.split('#');
        const cell = confirmed.filter((g) => residenceOf.get(String(g.householdId)) === residence && locationOf(g) === location);
        return { residence, location, children: s(distinct(cell, 'childId')) };
      }),
      weekly: keysOf(offerItems.map((o) => monday(firstDay(o)))).map((week) => ({ week, ...supply(offerItems.filter((o) => monday(firstDay(o)) === week)) })),
    };
  }

  const dashboard = (user: TestUser, query = '') => body<Dashboard>(t.app.request(`/api/dashboard?from=${from}&to=${to}${query}`, { headers: user.headers }));

  describe('equals a brute-force recount over several hundred registrations', () => {
    it('region-wide', async () => {
      // Act
      const whole = await dashboard(region);

      // Assess
      expect(bookedCount).toBeGreaterThan(300);
      expect(whole).toEqual(await recount('*'));
      expect(whole.totals.attendanceRate).toEqual(expect.any(Number));
    });

    it.each(LOCATIONS)('for %s', async (m) => {
      // Act
      const one = await dashboard(region, `&municipality=${m}`);

      // Assess
      expect(one).toEqual(await recount(m));
    });

    it('for a coordinator, of their own municipality when they name none', async () => {
      // Act
      const own = await dashboard(lindach);

      // Assess
      expect(own).toEqual(await recount('lindach'));
    });
  });

  it('leaves the table consistent (I5), dashboard counters and attendance marks included', async () => {
    // Act
    const { problems } = await checkConsistency(t.ctx.table);

    // Assess
    expect(problems).toEqual([]);
  });

  it.each([
    ['?to=2026-01-01', 'from'],
    ['?from=2026-02-01&to=2026-01-01', 'to'],
    ['?from=2026-13-01&to=2026-12-31', 'from'],
    ['?from=2026-01-01&to=2026-12-31&municipality=a%20b', 'municipality'],
  ])('answers a bad query %s with 400 naming %s', async (query, field) => {
    // Act
    const res = await t.app.request(`/api/dashboard${query}`, { headers: region.headers });

    // Assess
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(field);
  });

  it.each(['/api/dashboard', '/api/dashboard.csv'])('keeps a coordinator to their own municipality: another one is 403 (%s)', async (path) => {
    // Act
    const res = await t.app.request(`${path}?municipality=kirchau&from=${from}&to=${to}`, { headers: lindach.headers });

    // Assess
    expect(res.status).toBe(403);
  });

  it('shows every count under 3 children as "<3"', async () => {
    // Prepare: the only offer of its category in Weidenbrunn, and one child booked on it.
    const quiet = await createOffer(t.ctx, { municipalityId: 'weidenbrunn', category: 'gesundheit', title: 'Erste Hilfe' });
    const f = await createHousehold(t.ctx, { name: 'Elternteil Ruhig', phone: '+43 660 9999', postalCode: '4831' }, [
      { firstName: 'Ruhig', birthDate: bornYearsAgo(t.ctx, 5) },
    ]);
    const booked = await book(t.app, f, { offerId: quiet.id, unitId: 'u1', childId: f.children[0]?.id });

    // Act
    const d = await dashboard(region, '&municipality=weidenbrunn');

    // Assess
    expect(booked.status).toBe(201);
    expect(d.byCategory.find((c) => c.category === 'gesundheit')).toEqual({
      category: 'gesundheit',
      offers: 1,
      places: 10,
      confirmed: '<3',
      waiting: '<3',
      fillRate: '<3',
    });
    const counts = [
      d.totals.children,
      d.totals.families,
      ...d.byCategory.flatMap((c) => [c.confirmed, c.waiting]),
      ...d.byAgeBand.flatMap((b) => [b.confirmed, b.waiting]),
      ...d.byResidence.flatMap((x) => [x.children, x.families]),
      ...d.matrix.map((x) => x.children),
      ...d.weekly.flatMap((w) => [w.confirmed, w.waiting]),
    ];
    for (const n of counts) expect(n === '<3' || (typeof n === 'number' && n >= 3), String(n)).toBe(true);
    expect(counts).toContain('<3');
  });

  it('exports the same figures as CSV', async () => {
    // Prepare: the figures as JSON.
    const d = await dashboard(region);

    // Act
    const res = await t.app.request(`/api/dashboard.csv?from=${from}&to=${to}`, { headers: region.headers });

    // Assess
    expect(res.status).toBe(200);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain(`Gesamt;;;Plätze;${d.totals.places}\r\n`);
    expect(text).toContain(`Kategorie;bewegung;;Buchungen;${d.byCategory.find((c) => c.category === 'bewegung')?.confirmed}\r\n`);
  });

  describe('names of children and guardians, from any route', () => {
    /** Every route of the app called as `user`, path parameters filled with real ids; the answers' text. */
    const answersFor = async (user: TestUser) => {
      const offer = offers[0] as Offer;
      const params: Record<string, string> = { offerId: offer.id, id: offer.id, sessionId: 's1', childId: households[0]?.children[0]?.id ?? '' };
      const bodies: string[] = [];
      for (const route of t.app.routes) {
        // The dev outbox exists only locally (never in the cloud configuration) and holds e-mails, not API answers.
        if (route.method === 'ALL' || route.path === '/api/dev/outbox') continue;
        // Signing out answers no data and would end the scan's session for the routes after it.
        if (route.method === 'DELETE' && route.path.startsWith('/api/auth/session')) continue;
        const path = route.path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? name);
        const query = route.path.startsWith('/api/dashboard') ? `?from=${from}&to=${to}` : '';
        const res = await t.app.request(`${path}${query}`, {
          method: route.method,
          headers: { 'Content-Type': 'application/json', ...user.headers },
          body: ['POST', 'PUT', 'PATCH'].includes(route.method) ? '{}' : undefined,
        });
        bodies.push(new TextDecoder().decode(await res.arrayBuffer()));
      }
      return bodies;
    };
    /** The names of the seeded households found in any of `bodies`. */
    const namesIn = (bodies: string[]) =>
      households.flatMap((f) => [f.guardian.name, ...f.children.map((c) => c.firstName)]).filter((name) => bodies.some((b) => b.includes(name)));

    it.each<[string, () => TestUser]>([
      ['a coordinator of one municipality', () => lindach],
      ['the region’s coordinator', () => region],
    ])('are never given to %s', async (_name, userOf) => {
      // Act: every route, as that user.
      const bodies = await answersFor(userOf());

      // Assess
      expect(bodies.length).toBeGreaterThan(30);
      expect(namesIn(bodies)).toEqual([]);
    });

    it('are found by the same scan where they belong, in the offer’s own provider’s participant list', async () => {
      // Act: every route, as the provider (the control of the scan above).
      const bodies = await answersFor(provider);

      // Assess
      expect(bodies.length).toBeGreaterThan(30);
      expect(namesIn(bodies).length).toBeGreaterThan(0);
    });
  });
});
