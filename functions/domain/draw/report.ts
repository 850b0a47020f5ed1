import type { FairnessReport, ReportGroup } from '../../../shared/schemas/programme.js';
import type { Allocation } from './allocate.js';
import { maxPlaceable } from './max-flow.js';
import type { DrawModel } from './model.js';

/** Cells with fewer children than this are suppressed: a parent must not read off one child's result. */
const SMALLEST_CELL = 3;

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);

/** Gini coefficient of non-negative numbers: 0 = everyone the same, towards 1 = all with one child. */
export function gini(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const total = sorted.reduce((s, v) => s + v, 0);
  if (sorted.length === 0 || total === 0) return 0;
  const weighted = sorted.reduce((s, v, i) => s + (i + 1) * v, 0);
  return (2 * weighted) / (sorted.length * total) - (sorted.length + 1) / sorted.length;
}

type ChildFigures = { places: number; first: boolean; topThree: boolean; groups: [ReportGroup['dimension'], string][] };

function groupLine(dimension: ReportGroup['dimension'], value: string, members: ChildFigures[]): ReportGroup {
  const n = members.length;
  if (n < SMALLEST_CELL) return { dimension, value, children: null, zeroPlaceShare: null, meanPlaces: null, firstWishShare: null, topThreeShare: null };
  const count = (f: (c: ChildFigures) => boolean) => members.filter(f).length;
  return {
    dimension,
    value,
    children: n,
    zeroPlaceShare: share(
      count((c) => c.places === 0),
      n,
    ),
    meanPlaces: share(
      members.reduce((s, c) => s + c.places, 0),
      n,
    ),
    firstWishShare: share(
      count((c) => c.first),
      n,
    ),
    topThreeShare: share(
      count((c) => c.topThree),
      n,
    ),
  };
}

const DIMENSIONS: ReportGroup['dimension'][] = ['all', 'municipality', 'residence', 'wishCount', 'ageBand'];

/**
 * The fairness report of one draw. `inputChangesAfterFreeze` and `manualOverrides` are 0 here:
 * the pure draw knows of neither; the caller that does overwrites them.
 */
export function fairnessReport(model: DrawModel, state: Allocation, wastedSeats: number): FairnessReport {
  const { units, children, families, bundles } = model;
  const figures: ChildFigures[] = children.map((child) => {
    const ranks = state.places[child.index]!.map((p) => child.rankOf.get(p.unit)!);
    const family = families[child.familyIndex]!;
    return {
      places: ranks.length,
      first: ranks.includes(1),
      topThree: ranks.some((r) => r <= 3),
      groups: [
        ['all', 'all'],
        ['municipality', family.residence ?? 'elsewhere'],
        ['residence', family.residence === null ? 'nonResident' : 'resident'],
        ['wishCount', child.wishes.length <= 3 ? 'le3' : 'gt3'],
        ['ageBand', child.ageBand],
      ],
    };
  });
  const cells = new Map<string, ChildFigures[]>();
  for (const f of figures)
    for (const [d, v] of f.groups) {
      const key = `${d}\u0000${v}`;
      cells
        .set(key, cells.get(key) ?? [])
        .get(key)!
        .push(f);
    }
  const groups = [...cells.entries()]
    .map(([key, members]) => {
      const [dimension, value] = key.split('\u0000') as [ReportGroup['dimension'], string];
      return groupLine(dimension, value, members);
    })
    .sort((a, b) => DIMENSIONS.indexOf(a.dimension) - DIMENSIONS.indexOf(b.dimension) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));

  const places = figures.map((f) => f.places);
  const distribution = { '0': 0, '1': 0, '2': 0, '3+': 0 };
  for (const p of places) distribution[p >= 3 ? '3+' : (String(p) as '0' | '1' | '2')]++;
  const placed = places.filter((p) => p > 0).length;

  const holdsOn = (c: number, offerId: string) => state.places[c]!.filter((p) => units[p.unit]!.offerId === offerId).map((p) => p.unit);
  const together = (b: (typeof bundles)[number]) => {
    const held = b.children.map((c) => holdsOn(c, b.offerId));
    const shared = held[0]!.filter((u) => held.every((h) => h.includes(u)));
    return { shared: shared.length > 0, apart: held.some((h) => h.some((u) => !shared.includes(u))) };
  };
  const allOrNone = bundles.filter((b) => b.mode === 'all_or_none');
  const prefer = bundles.filter((b) => b.mode === 'prefer');

  const seats = units.reduce((s, u) => s + u.seats, 0);
  const seatsFilled = state.holders.reduce((s, h) => s + h.size, 0);
  const usedByResidents = state.places.reduce((s, ps) => s + ps.filter((p) => p.kind === 'reserved').length, 0);
  const removedWishes: Record<string, number> = {};
  for (const child of children) for (const r of child.removed) removedWishes[r.reason] = (removedWishes[r.reason] ?? 0) + 1;

  return {
    children: children.length,
    wishes: children.reduce((s, c) => s + c.wishes.length, 0),
    placed,
    placeableMax: maxPlaceable(
      children.map((c) => c.wishes),
      units.map((u) => u.seats),
    ),
    zeroPlaceShare: share(children.length - placed, children.length),
    placesPerChild: {
      mean: share(
        places.reduce((s, p) => s + p, 0),
        children.length,
      ),
      gini: share(gini(places), 1),
      distribution,
    },
    firstWishShare: share(figures.filter((f) => f.first).length, children.length),
    topThreeShare: share(figures.filter((f) => f.topThree).length, children.length),
    rescueMoves: state.moves.length,
    rescueRankLoss: state.moves.reduce((s, m) => s + m.toRank - m.fromRank, 0),
    bundles: {
      allOrNone: allOrNone.length,
      split: allOrNone.filter((b) => together(b).apart).length,
      prefer: prefer.length,
      preferKept: prefer.filter((b) => together(b).shared).length,
    },
    seats,
    seatsFilled,
    wastedSeats,
    reserve: { seats: units.reduce((s, u) => s + Math.min(u.reserved, u.seats), 0), usedByResidents, released: state.released },
    removedWishes: Object.fromEntries(Object.entries(removedWishes).sort(([a], [b]) => (a < b ? -1 : 1))),
    inputChangesAfterFreeze: 0,
    manualOverrides: 0,
    groups,
  };
}
