import { runDraw } from '../functions/domain/draw/run-draw.js';
import type { DrawSnapshot } from '../shared/schemas/draw-snapshot.js';
import { DRAW_ALGORITHM } from '../shared/schemas/programme.js';
import { feriennetBaseline } from '../test/support/feriennet-baseline.js';
import { round } from './meter.js';

/**
 * The draw at a region's scale: a generated summer programme (about 3 000 children in 1 800
 * families, 20 000 wishes, 200 units of 12–28 seats (about 4 000 seats: more than children, as in a real programme, with popular units far over-wished) over four weeks, a 30 % resident reserve,
 * some siblings bound together), timed, and its fairness figures beside a Feriennet-style score
 * deferred acceptance on the same wishes.
 */

/** mulberry32: a small seeded generator, so every run draws the same programme. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const FIRST_MONDAY = Date.UTC(2027, 6, 5);
const MUNICIPALITIES = ['lindach', 'moosried', 'obertal', 'kirchberg', 'auwald', 'steinach', 'hofen', 'brunn'];
const AGE_BANDS = ['4-6', '7-9', '10-12', '13-15'];
const UNITS = 200;

function generateProgramme(children: number, wishes: number): DrawSnapshot {
  const rnd = random(2027);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const units: DrawSnapshot['units'] = Array.from({ length: UNITS }, (_, i) => {
    const offer = `offer${String(Math.floor(i / 2)).padStart(3, '0')}`;
    const seats = 12 + Math.floor(rnd() * 17);
    const careWeek = i % 8 === 0;
    const week = Math.floor(rnd() * 4);
    const days = careWeek ? 5 : 1 + Math.floor(rnd() * 5);
    const firstDay = Math.floor(rnd() * (6 - days));
    const [from, hours] = careWeek
      ? [8, 8]
      : pick([
          [9, 3],
          [13, 3],
          [9, 7],
        ] as const);
    return {
      key: `${offer}/unit${i % 2}`,
      offerId: offer,
      municipalityId: pick(MUNICIPALITIES),
      seats,
      reserved: Math.floor(seats * 0.3),
      waitlist: true,
      careWeek,
      sessions: Array.from({ length: days }, (_, d) => {
        const start = FIRST_MONDAY + (week * 7 + firstDay + d) * DAY_MS + from * HOUR_MS;
        return { start, end: start + hours * HOUR_MS };
      }),
    };
  });
  // Some offers are wanted far more than others (popularity falls off like 1/rank).
  const weights = units.map((_, i) => 1 / (1 + ((i * 37) % UNITS) / 8));
  const total = weights.reduce((s, w) => s + w, 0);
  const drawUnit = () => {
    let x = rnd() * total;
    for (let i = 0; i < UNITS; i++) if ((x -= weights[i]!) <= 0) return i;
    return UNITS - 1;
  };

  const mean = wishes / children;
  const counts = Array.from({ length: children }, () => Math.max(1, Math.min(15, Math.round(1 + rnd() * (2 * mean - 2)))));
  for (let sum = counts.reduce((s, c) => s + c, 0); sum !== wishes;) {
    const i = Math.floor(rnd() * children);
    if (sum < wishes && counts[i]! < 15) (counts[i]!++, sum++);
    else if (sum > wishes && counts[i]! > 1) (counts[i]!--, sum--);
  }
  const wishList = (n: number) => {
    const chosen = new Set<number>();
    while (chosen.size < n) chosen.add(drawUnit());
    return [...chosen].map((u) => units[u]!.key);
  };

  const families: DrawSnapshot['families'] = [];
  for (let c = 0; c < children;) {
    const size = Math.min(children - c, rnd() < 0.45 ? 1 : rnd() < 0.78 ? 2 : 3);
    const id = `fam${String(families.length).padStart(6, '0')}`;
    const kids = Array.from({ length: size }, (_, k) => ({
      id: `kid${String(c + k).padStart(6, '0')}`,
      ageBand: pick(AGE_BANDS),
      wishes: wishList(counts[c + k]!),
    }));
    const together: DrawSnapshot['families'][number]['together'] = [];
    if (size >= 2 && rnd() < 0.2) {
      const shared = kids[0]!.wishes[0]!;
      for (const kid of kids.slice(1)) kid.wishes = [shared, ...kid.wishes.filter((w) => w !== shared)].slice(0, Math.max(kid.wishes.length, 1));
      together.push({ offerId: shared.split('/')[0]!, childIds: kids.map((k) => k.id), mode: rnd() < 0.5 ? 'all_or_none' : 'prefer' });
    }
    families.push({ id, residence: rnd() < 0.85 ? pick(MUNICIPALITIES) : null, children: kids, together });
    c += size;
  }
  return {
    algorithm: DRAW_ALGORITHM,
    programmeId: 'bench-sommer-2027',
    settings: { maxPlacesPerChild: null, maxCareWeeksPerFamily: 3, rescue: true, travelBufferMinutes: 30, reserveSemantics: 'minimum' },
    units: units.sort((a, b) => (a.key < b.key ? -1 : 1)),
    families,
    removed: [],
  };
}

const MB = 1024 * 1024;

/** Times `runDraw` (median of 3) on a generated programme and compares its figures with the Feriennet-style baseline. */
export function benchDraw(opts: { children: number; wishes: number }): Record<string, unknown> {
  const snapshot = generateProgramme(opts.children, opts.wishes);
  const randomness = '7-12-19-23-31-40';
  const heapBefore = process.memoryUsage().heapUsed;
  const times: number[] = [];
  let outcome = runDraw(snapshot, randomness);
  const heapAfter = process.memoryUsage().heapUsed;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    outcome = runDraw(snapshot, randomness);
    times.push(performance.now() - start);
  }
  const r = outcome.report;

  const kids = snapshot.families.flatMap((f) => f.children);
  const baseline = feriennetBaseline(kids, new Map(snapshot.units.map((u) => [u.key, u.seats])), randomness);
  const firstWish = kids.filter((k) => baseline.get(k.id) === k.wishes[0]).length;
  return {
    programme: { children: kids.length, families: snapshot.families.length, wishes: r.wishes, units: snapshot.units.length, seats: r.seats },
    'runDraw median ms': round(times.sort((a, b) => a - b)[1]!, 1),
    'heap used delta MB': round((heapAfter - heapBefore) / MB, 1),
    'peak RSS MB': round((process.resourceUsage().maxRSS * 1024) / MB, 1),
    draw: {
      zeroPlaceShare: r.zeroPlaceShare,
      meanPlaces: r.placesPerChild.mean,
      firstWishShare: r.firstWishShare,
      placed: r.placed,
      placeableMax: r.placeableMax,
      rescueMoves: r.rescueMoves,
      seatsFilled: r.seatsFilled,
      wastedSeats: r.wastedSeats,
    },
    feriennet: {
      zeroPlaceShare: round((kids.length - baseline.size) / kids.length, 4),
      meanPlaces: round(baseline.size / kids.length, 4),
      firstWishShare: round(firstWish / kids.length, 4),
      placed: baseline.size,
    },
  };
}
