import { ageOn } from '../../shared/dates.js';
import type { User } from '../../shared/schemas/auth.js';
import { AGE_BANDS, OTHER_RESIDENCE, type Dashboard, type DashboardQuery } from '../../shared/schemas/dashboard.js';
import type { Household } from '../../shared/schemas/household.js';
import type { CatalogOffer, Offer } from '../../shared/schemas/offer.js';
import type { Ports } from '../ports/index.js';
import type { OfferStats } from '../ports/stats.js';
import { ForbiddenError } from './errors.js';

export type DashboardPorts = Pick<Ports, 'offers' | 'stats'>;
export type AgeBand = (typeof AGE_BANDS)[number];

/** An offer and its counters: everything a dashboard reads about it, however many registrations it has. */
export type OfferFacts = { offer: CatalogOffer; stats: OfferStats };

/** Fewer than this many children in a cell could single a family out. */
const MIN_COUNT = 3;
export const suppress = (n: number): number | '<3' => (n < MIN_COUNT ? '<3' : n);
const rate = (numerator: number, denominator: number) =>
  numerator < MIN_COUNT ? ('<3' as const) : Math.round((numerator / Math.max(denominator, 1)) * 1000) / 1000;

/** The age band of a child of `age` whole years. */
export function ageBand(age: number): AgeBand {
  if (age <= 2) return '0-2';
  if (age <= 5) return '3-5';
  if (age <= 9) return '6-9';
  if (age <= 13) return '10-13';
  return '14+';
}

/** Where a registration counts on the dashboard: the family's residence and the child's age band on the first day. */
export function dashboardDimensions(
  household: (Pick<Household, 'municipalityId'> & { children: Pick<Household['children'][number], 'id' | 'birthDate'>[] }) | undefined,
  childId: string,
  firstDay: string,
) {
  const child = household?.children.find((c) => c.id === childId);
  return { residence: household?.municipalityId ?? OTHER_RESIDENCE, band: ageBand(child ? ageOn(child.birthDate, firstDay) : 0) };
}

/** The Monday of the ISO week of `day` (`YYYY-MM-DD`). */
export function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/**
 * Which offer location the caller may see: a coordinator with `'*'` any (default: the region),
 * another only their own municipality (default) and never someone else's (I6).
 */
export function dashboardScope(actor: User, requested?: string): string {
  const allowed = actor.roles.flatMap((r) => (r.role === 'municipality' ? [r.municipalityId] : []));
  if (allowed.includes('*')) return requested ?? '*';
  const scope = requested ?? allowed[0];
  if (!scope || !allowed.includes(scope)) throw new ForbiddenError('Nur die eigene Gemeinde / only your own municipality', 'municipality');
  return scope;
}

type Tally = { offers: number; places: number; confirmed: number; waiting: number };
const emptyTally = (): Tally => ({ offers: 0, places: 0, confirmed: 0, waiting: 0 });
const addOffer = (t: Tally, offer: Offer) => {
  t.offers += 1;
  for (const u of offer.units) {
    t.places += u.capacity;
    t.confirmed += u.confirmed;
    t.waiting += u.waiting;
  }
};
const showSupply = (t: Tally) => ({
  offers: t.offers,
  places: t.places,
  confirmed: suppress(t.confirmed),
  waiting: suppress(t.waiting),
  fillRate: rate(t.confirmed, t.places),
});
const grouped = <T>(map: Map<string, T>, key: string, make: () => T): T => {
  const found = map.get(key);
  if (found) return found;
  const made = make();
  map.set(key, made);
  return made;
};
const distinct = () => ({ children: new Set<string>(), families: new Set<string>() });

/**
 * The dashboard from per-offer facts. Pure. Places, confirmed and waiting come from the units'
 * counters; age bands, residence, distinct children and families and attendance from the
 * offers' counters; every child count below 3 is "<3".
 */
export function aggregateDashboard(facts: OfferFacts[], scope: Dashboard['scope']): Dashboard {
  const total = emptyTally();
  const categories = new Map<string, Tally>();
  const weeks = new Map<string, Tally>();
  const bands = new Map<AgeBand, { confirmed: number; waiting: number }>(AGE_BANDS.map((b) => [b, { confirmed: 0, waiting: 0 }]));
  const served = distinct();
  const residences = new Map<string, ReturnType<typeof distinct>>();
  const cells = new Map<string, Set<string>>();
  const attendance = { present: 0, absent: 0 };

  for (const { offer, stats } of facts) {
    addOffer(total, offer);
    addOffer(grouped(categories, offer.category, emptyTally), offer);
    addOffer(grouped(weeks, mondayOf(offer.firstDay), emptyTally), offer);
    attendance.present += stats.attendance.present ?? 0;
    attendance.absent += stats.attendance.absent ?? 0;
    for (const [b, n] of bands) {
      n.confirmed += stats.confirmedByBand[b] ?? 0;
      n.waiting += stats.waitingByBand[b] ?? 0;
    }
    for (const { residence, id } of stats.children) {
      served.children.add(id);
      grouped(residences, residence, distinct).children.add(id);
      grouped(cells, `${residence}#${offer.municipalityId}`, () => new Set<string>()).add(id);
    }
    for (const { residence, id } of stats.families) {
      served.families.add(id);
      grouped(residences, residence, distinct).families.add(id);
    }
  }

  const marked = attendance.present + attendance.absent;
  const byKey = <T>(map: Map<string, T>) => [...map].sort(([a], [b]) => a.localeCompare(b));
  return {
    scope,
    totals: {
      ...showSupply(total),
      children: suppress(served.children.size),
      families: suppress(served.families.size),
      attendanceRate: marked === 0 ? null : rate(attendance.present, marked),
    },
    byCategory: byKey(categories).map(([category, t]) => ({ category, ...showSupply(t) })),
    byAgeBand: [...bands].map(([band, n]) => ({ band, confirmed: suppress(n.confirmed), waiting: suppress(n.waiting) })),
    byResidence: byKey(residences).map(([residence, d]) => ({
      residence,
      children: suppress(d.children.size),
      families: suppress(d.families.size),
    })),
    matrix: byKey(cells).map(([key, children]) => {
      const [residence = OTHER_RESIDENCE, location = ''] = key.split('#');
      return { residence, location, children: suppress(children.size) };
    }),
    weekly: byKey(weeks).map(([week, t]) => ({ week, ...showSupply(t) })),
  };
}

/**
 * The dashboard of the offers taking place in the caller's scope between `from` and `to`
 * (published offers; a cancelled offer's registrations are cancelled and count nowhere).
 */
export async function getDashboard(ports: DashboardPorts, actor: User, query: DashboardQuery): Promise<Dashboard> {
  const municipality = dashboardScope(actor, query.municipality);
  const offers = (await ports.offers.listCatalog(query.from)).filter(
    (o) => o.firstDay <= query.to && (municipality === '*' || o.municipalityId === municipality),
  );
  const stats = await ports.stats.getStats(offers);
  // One counter set per offer, in order (the port's contract), so the zip drops nothing.
  const facts = offers.flatMap((offer, i) => (stats[i] ? [{ offer, stats: stats[i] }] : []));
  return aggregateDashboard(facts, { municipality, from: query.from, to: query.to });
}
