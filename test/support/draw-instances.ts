import * as fc from 'fast-check';
import type { DrawSnapshot } from '../../shared/schemas/draw-snapshot.js';
import { DRAW_ALGORITHM } from '../../shared/schemas/programme.js';

/**
 * Holiday programmes for the draw's tests: small enough that every property runs hundreds of
 * times, crowded enough that units fill up, sessions clash and reserves matter.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Monday 6 July 2026, 00:00 UTC: the first day of the generated programmes. */
const FIRST_DAY = Date.UTC(2026, 6, 6);
const MUNICIPALITIES = ['lindach', 'moosried', 'obertal'] as const;

const familyId = (i: number) => `fam${String(i).padStart(5, '0')}`;
const childId = (family: number, child: number) => `kid${String(family).padStart(4, '0')}${child}`;

type Settings = DrawSnapshot['settings'];
type Unit = DrawSnapshot['units'][number];
type Family = DrawSnapshot['families'][number];

/** One session on day `day` (0 = Monday) from `hour` for `hours` hours, as epoch milliseconds. */
export const session = (day: number, hour: number, hours: number) => ({
  start: FIRST_DAY + day * DAY_MS + hour * HOUR_MS,
  end: FIRST_DAY + day * DAY_MS + (hour + hours) * HOUR_MS,
});

/** A snapshot from the parts a test cares about; units, families and bundles are sorted as the contract demands. */
export function snapshotOf(parts: {
  units: (Partial<Unit> & { key: string; seats: number })[];
  families: (Omit<Partial<Family>, 'children'> & { id: string; children: (Partial<Family['children'][number]> & { id: string; wishes: string[] })[] })[];
  settings?: Partial<Settings>;
  removed?: DrawSnapshot['removed'];
}): DrawSnapshot {
  const byString =
    <T>(f: (t: T) => string) =>
    (a: T, b: T) =>
      f(a) < f(b) ? -1 : f(a) > f(b) ? 1 : 0;
  return {
    algorithm: DRAW_ALGORITHM,
    programmeId: 'sommer-2027',
    settings: { maxPlacesPerChild: null, maxCareWeeksPerFamily: null, rescue: true, travelBufferMinutes: 0, reserveSemantics: 'minimum', ...parts.settings },
    units: parts.units
      .map((u, i) => ({
        offerId: u.key.split('/')[0]!,
        municipalityId: MUNICIPALITIES[0],
        reserved: 0,
        waitlist: true,
        careWeek: false,
        sessions: [session(i, 9, 3)],
        ...u,
      }))
      .sort(byString((u) => u.key)),
    families: parts.families
      .map((f) => ({
        residence: null,
        together: [],
        ...f,
        children: f.children.map((c) => ({ ageBand: '7-9', ...c })).sort(byString((c) => c.id)),
      }))
      .sort(byString((f) => f.id)),
    removed: parts.removed ?? [],
  };
}

export type InstanceOptions = {
  /** Together bundles of both modes (default true). */
  bundles?: boolean;
  /** `maxPlacesPerChild` and `maxCareWeeksPerFamily` may be set (default true). */
  caps?: boolean;
  /** Fixed rescue setting; drawn at random when absent. */
  rescue?: boolean;
  /** Upper bounds, for the bigger instances of a few properties. */
  maxUnits?: number;
  maxFamilies?: number;
  /** Most seats per unit (default 5); 1 or 2 make long rescue chains likely. */
  maxSeats?: number;
};

const unitArb = (maxSeats: number) =>
  fc.record({
    offer: fc.integer({ min: 0, max: 3 }),
    seats: fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 6, arbitrary: fc.integer({ min: 1, max: maxSeats }) }),
    reserved: fc.integer({ min: 0, max: 3 }),
    municipality: fc.constantFrom(...MUNICIPALITIES),
    waitlist: fc.boolean(),
    careWeek: fc.boolean(),
    sessions: fc.array(fc.record({ day: fc.integer({ min: 0, max: 4 }), hour: fc.integer({ min: 8, max: 15 }), hours: fc.integer({ min: 1, max: 4 }) }), {
      minLength: 1,
      maxLength: 2,
    }),
  });

const childArb = fc.record({
  ageBand: fc.constantFrom('4-6', '7-9', '10-12'),
  /** Unit positions, taken modulo the number of units; duplicates dropped. */
  wishes: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
  /** Per wish: taken out at the freeze (age, offer cancelled). */
  removed: fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 2 }),
});

const familyArb = fc.record({
  residence: fc.constantFrom<string | null>(...MUNICIPALITIES, null),
  children: fc.array(childArb, { minLength: 1, maxLength: 3 }),
  together: fc.option(fc.record({ offer: fc.integer({ min: 0, max: 3 }), mode: fc.constantFrom('all_or_none' as const, 'prefer' as const) }), { freq: 2 }),
});

/** Generated snapshots, valid by `drawSnapshotSchema`, sorted as the contract says. */
export function drawSnapshotArb(options: InstanceOptions = {}): fc.Arbitrary<DrawSnapshot> {
  const { bundles = true, caps = true } = options;
  const cap = (max: number) => (caps ? fc.option(fc.integer({ min: 1, max }), { nil: null }) : fc.constant(null));
  return fc
    .record({
      units: fc.array(unitArb(options.maxSeats ?? 5), { minLength: 1, maxLength: options.maxUnits ?? 8, size: 'max' }),
      // `size: 'max'`: without it fast-check keeps arrays near 10 items whatever the bound.
      families: fc.array(familyArb, { minLength: 1, maxLength: options.maxFamilies ?? 8, size: 'max' }),
      settings: fc.record({
        maxPlacesPerChild: cap(3),
        maxCareWeeksPerFamily: cap(2),
        rescue: options.rescue === undefined ? fc.boolean() : fc.constant(options.rescue),
        travelBufferMinutes: fc.constantFrom(0, 30, 120),
        reserveSemantics: fc.constantFrom('minimum' as const, 'open_first' as const),
      }),
    })
    .map(({ units, families, settings }): DrawSnapshot => {
      const built: Unit[] = units.map((u, i) => ({
        key: `o${u.offer}/u${i}`,
        offerId: `o${u.offer}`,
        municipalityId: u.municipality,
        seats: u.seats,
        reserved: Math.min(u.reserved, u.seats),
        waitlist: u.waitlist,
        careWeek: u.careWeek,
        sessions: u.sessions.map((s) => session(s.day, s.hour, s.hours)).sort((a, b) => a.start - b.start),
      }));
      const removed: DrawSnapshot['removed'] = [];
      const snapshotFamilies: Family[] = families.map((f, fi) => {
        const bundle = bundles && f.children.length >= 2 && f.together ? f.together : null;
        const bundleUnits = bundle ? built.filter((u) => u.offerId === `o${bundle.offer}`).map((u) => u.key) : [];
        const children = f.children.map((c, ci) => {
          const id = childId(fi, ci);
          const listed = [...new Set([...c.wishes.map((w) => built[w % built.length]!.key), ...bundleUnits])];
          const wishes: string[] = [];
          listed.forEach((key, i) => {
            if (c.removed.includes(i)) removed.push({ childId: id, unitKey: key, rank: i + 1, reason: i % 2 === 0 ? 'age' : 'offer_cancelled' });
            else wishes.push(key);
          });
          return { id, ageBand: c.ageBand, wishes };
        });
        const together = bundle && bundleUnits.length > 0 ? [{ offerId: `o${bundle.offer}`, childIds: children.map((c) => c.id), mode: bundle.mode }] : [];
        return { id: familyId(fi), residence: f.residence, children, together };
      });
      return {
        algorithm: DRAW_ALGORITHM,
        programmeId: 'generated',
        settings,
        units: built.sort((a, b) => (a.key < b.key ? -1 : 1)),
        families: snapshotFamilies,
        removed,
      };
    });
}
