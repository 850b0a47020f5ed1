import { createHash, createHmac } from 'node:crypto';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawSnapshotSchema, type DrawSnapshot } from '../../shared/schemas/draw-snapshot.js';
import type { DrawOutcome } from '../../functions/domain/draw/outcome.js';
import { runDraw, snapshotHash } from '../../functions/domain/draw/run-draw.js';
import { drawSnapshotArb, type InstanceOptions } from '../support/draw-instances.js';
import { feriennetBaseline } from '../support/feriennet-baseline.js';
import { maxChildrenPlaceable } from '../support/max-flow.js';

/**
 * The draw's promises (LOTTERY.md, "What the draw must prove"), checked on generated programmes
 * against the outcome alone: nothing here reuses the draw's own code.
 */

type Unit = DrawSnapshot['units'][number];
type Child = DrawSnapshot['families'][number]['children'][number];

/** Everything a check needs, looked up once. */
function facts(snapshot: DrawSnapshot, outcome: DrawOutcome) {
  const units = new Map(snapshot.units.map((u) => [u.key, u]));
  const childOf = new Map<string, { child: Child; family: DrawSnapshot['families'][number] }>();
  for (const family of snapshot.families) for (const child of family.children) childOf.set(child.id, { child, family });
  /** Per child: unit key → round it was won in. */
  const won = new Map<string, Map<string, number>>();
  for (const c of outcome.children) won.set(c.childId, new Map(c.wishes.filter((w) => w.outcome === 'confirmed').map((w) => [w.unitKey, w.round!])));
  const bundled = new Set(snapshot.families.flatMap((f) => f.together.flatMap((t) => t.childIds)));
  const clash = (a: Unit, b: Unit) => {
    const buffer = snapshot.settings.travelBufferMinutes * 60_000;
    return a.sessions.some((s) => b.sessions.some((t) => Math.max(s.start, t.start) < Math.min(s.end, t.end) + buffer));
  };
  const careWeeksOf = (familyId: string, upToRound = Infinity) =>
    snapshot.families
      .find((f) => f.id === familyId)!
      .children.reduce((sum, c) => sum + [...won.get(c.id)!].filter(([key, round]) => round <= upToRound && units.get(key)!.careWeek).length, 0);
  return { units, childOf, won, bundled, clash, careWeeksOf };
}

/** Every promise that holds for any programme; throws with the first broken one. */
function checkDraw(snapshot: DrawSnapshot, outcome: DrawOutcome): void {
  const { units, childOf, won, clash, careWeeksOf } = facts(snapshot, outcome);
  const { maxPlacesPerChild, maxCareWeeksPerFamily } = snapshot.settings;
  const agentIndex = new Map(outcome.children.map((c, i) => [c.childId, i]));

  for (const line of outcome.units) {
    const unit = units.get(line.key)!;
    expect(line.confirmed.length, `${line.key} above its seats`).toBeLessThanOrEqual(unit.seats);
    for (const id of line.confirmed) expect(childOf.get(id)!.child.wishes, `${id} placed in ${line.key} unwished`).toContain(line.key);
    expect(new Set(line.confirmed).size).toBe(line.confirmed.length);
  }
  for (const [id, places] of won) {
    const keys = [...places.keys()];
    expect(outcome.units.filter((u) => u.confirmed.includes(id)).map((u) => u.key)).toEqual(keys.sort());
    for (const a of keys) for (const b of keys) if (a < b) expect(clash(units.get(a)!, units.get(b)!), `${id} holds clashing ${a} and ${b}`).toBe(false);
    if (maxPlacesPerChild !== null) expect(places.size).toBeLessThanOrEqual(maxPlacesPerChild);
  }
  if (maxCareWeeksPerFamily !== null) for (const f of snapshot.families) expect(careWeeksOf(f.id)).toBeLessThanOrEqual(maxCareWeeksPerFamily);

  for (const family of snapshot.families)
    for (const bundle of family.together.filter((t) => t.mode === 'all_or_none')) {
      const held = bundle.childIds.map((id) => [...won.get(id)!.keys()].filter((k) => units.get(k)!.offerId === bundle.offerId).sort());
      for (const h of held) expect(h, `bundle of ${family.id} on ${bundle.offerId} split`).toEqual(held[0]);
    }
  expect(outcome.report.bundles.split).toBe(0);

  // Waiting lines: exactly the wishes not won, on units that keep a list, by (places, ticket, child order).
  for (const line of outcome.units) {
    const unit = units.get(line.key)!;
    const expected = outcome.children
      .filter((c) => childOf.get(c.childId)!.child.wishes.includes(line.key) && !won.get(c.childId)!.has(line.key))
      .map((c) => c.childId);
    expected.sort((a, b) => won.get(a)!.size - won.get(b)!.size || agentIndex.get(a)! - agentIndex.get(b)!);
    expect(line.waiting).toEqual(unit.waitlist ? expected : []);
  }

  // Wasted seats: a free seat, and a child still wishing the unit that could take it.
  const blocked = (id: string, unit: Unit, places: Map<string, number>) => {
    const { family } = childOf.get(id)!;
    if (family.together.some((t) => t.mode === 'all_or_none' && t.offerId === unit.offerId && t.childIds.includes(id))) return true;
    if (maxPlacesPerChild !== null && places.size >= maxPlacesPerChild) return true;
    if (unit.careWeek && maxCareWeeksPerFamily !== null && careWeeksOf(family.id) >= maxCareWeeksPerFamily) return true;
    return [...places.keys()].some((k) => clash(units.get(k)!, unit));
  };
  for (const line of outcome.units) {
    const unit = units.get(line.key)!;
    if (line.confirmed.length === unit.seats) continue;
    for (const [id, { child }] of childOf)
      if (child.wishes.includes(line.key) && !won.get(id)!.has(line.key))
        expect(blocked(id, unit, won.get(id)!), `wasted seat in ${line.key} for ${id}`).toBe(true);
  }
  expect(outcome.report.wastedSeats).toBe(0);

  checkReasons(snapshot, outcome);
  checkNoEnvy(snapshot, outcome);
}

/** Each wish's rank and reason agree with the facts: the explanation a family reads must be true. */
function checkReasons(snapshot: DrawSnapshot, outcome: DrawOutcome): void {
  const { units, childOf, won, clash } = facts(snapshot, outcome);
  const confirmedIn = new Map(outcome.units.map((u) => [u.key, u.confirmed.length]));
  for (const result of outcome.children) {
    const { child, family } = childOf.get(result.childId)!;
    const removed = snapshot.removed.filter((r) => r.childId === result.childId);
    expect(result.wishes.map((w) => w.rank)).toEqual(Array.from({ length: child.wishes.length + removed.length }, (_, i) => i + 1));
    expect(result.wishes.filter((w) => w.reason.code !== 'removed').map((w) => w.unitKey)).toEqual(child.wishes);
    const rankOf = new Map(result.wishes.map((w) => [w.unitKey, w.rank]));
    for (const w of result.wishes) {
      const unit = units.get(w.unitKey);
      const r = w.reason;
      if (r.code === 'removed') {
        expect(removed).toContainEqual({ childId: result.childId, unitKey: w.unitKey, rank: w.rank, reason: r.why });
        continue;
      }
      expect(w.outcome === 'confirmed', `${result.childId} ${w.unitKey}`).toBe(r.code === 'won' || r.code === 'won_rescue');
      if (w.outcome === 'waitlisted') expect(outcome.units.find((u) => u.key === w.unitKey)!.waiting[w.waitlistPosition! - 1]).toBe(result.childId);
      if (r.code === 'won') expect(r.round).toBe(w.round);
      if (r.code === 'won_rescue') expect(outcome.moves.some((m) => m.forChildId === result.childId && m.from === w.unitKey)).toBe(true);
      if (r.code === 'moved_away')
        expect(outcome.moves).toContainEqual(expect.objectContaining({ childId: result.childId, from: w.unitKey, fromRank: w.rank, toRank: r.toRank }));
      if (r.code === 'full') {
        expect(confirmedIn.get(w.unitKey)).toBe(unit!.seats);
        expect(r).toMatchObject({
          ticket: outcome.tickets[family.id],
          tickets: snapshot.families.length,
          seats: unit!.seats,
          municipalityId: unit!.municipalityId,
        });
      }
      if (r.code === 'overlaps') {
        const other = [...won.get(result.childId)!.keys()].find((k) => rankOf.get(k) === r.withRank);
        expect(other !== undefined && clash(units.get(other)!, unit!), `${result.childId} ${w.unitKey} clashes with wish ${r.withRank}`).toBe(true);
      }
      if (r.code === 'bundle_incomplete')
        expect(family.together.some((t) => t.mode === 'all_or_none' && t.offerId === unit!.offerId && t.childIds.includes(child.id))).toBe(true);
      if (r.code === 'place_cap') expect(won.get(result.childId)!.size).toBe(snapshot.settings.maxPlacesPerChild);
      if (r.code === 'care_week_cap') expect(unit!.careWeek && snapshot.settings.maxCareWeeksPerFamily !== null).toBe(true);
    }
  }
}

/** Tickets as LOTTERY.md defines them, computed here from scratch: families by HMAC(seed, familyId), children by HMAC(seed, childId). */
function checkTickets(snapshot: DrawSnapshot, randomness: string, outcome: DrawOutcome): void {
  const hex = (text: string) => createHash('sha256').update(text).digest('hex');
  const hmac = (key: string, id: string) => createHmac('sha256', key).update(id).digest('hex');
  const seed = hex(`regiokurs/draw/v1${outcome.inputHash}${randomness}`);
  expect(outcome.seed).toBe(seed);
  const byHmac = (a: { id: string }, b: { id: string }) => (hmac(seed, a.id) < hmac(seed, b.id) ? -1 : 1);
  const families = [...snapshot.families].sort(byHmac);
  expect(outcome.tickets).toEqual(Object.fromEntries(families.map((f, i) => [f.id, i + 1])));
  expect(outcome.ticketCount).toBe(families.length);
  expect(outcome.children.map((c) => c.childId)).toEqual(families.flatMap((f) => [...f.children].sort(byHmac).map((c) => c.id)));
}

/**
 * Justified envy within a round: a child (not bundled) that got a worse wish or nothing in round
 * r while a better wish's unit was still free for it at the end of round r (seats only fill up,
 * so it was free at its turn too), and that wish did not clash with its earlier places. Round 1
 * is checked by seat kind (reserve semantics) and only without rescue, which reshuffles it.
 */
function checkNoEnvy(snapshot: DrawSnapshot, outcome: DrawOutcome): void {
  const { units, childOf, won, bundled, clash } = facts(snapshot, outcome);
  const { maxPlacesPerChild, maxCareWeeksPerFamily, reserveSemantics, rescue } = snapshot.settings;
  const lastRound = Math.max(1, ...[...won.values()].flatMap((p) => [...p.values()]));
  const heldBy = (key: string, upToRound: number) => [...won].filter(([, p]) => (p.get(key) ?? Infinity) <= upToRound).map(([id]) => id);

  const freeForAtRoundOne = (unit: Unit, resident: boolean) => {
    const holders = heldBy(unit.key, 1);
    if (resident) return holders.length < unit.seats;
    const open = unit.seats - unit.reserved;
    const residents = holders.filter((id) => childOf.get(id)!.family.residence === unit.municipalityId).length;
    const openUsed = reserveSemantics === 'minimum' ? holders.length - residents + Math.max(0, residents - unit.reserved) : Math.min(open, holders.length);
    return openUsed < open;
  };

  for (const [id, places] of won) {
    if (bundled.has(id)) continue;
    const { child, family } = childOf.get(id)!;
    for (let round = rescue ? 2 : 1; round <= lastRound + 1; round++) {
      const before = [...places].filter(([, r]) => r < round).map(([k]) => units.get(k)!);
      if (maxPlacesPerChild !== null && before.length >= maxPlacesPerChild) continue;
      const got = [...places].find(([, r]) => r === round)?.[0];
      const better = got === undefined ? child.wishes : child.wishes.slice(0, child.wishes.indexOf(got));
      for (const key of better) {
        const unit = units.get(key)!;
        if ((places.get(key) ?? Infinity) <= round) continue;
        if (unit.careWeek && maxCareWeeksPerFamily !== null) continue;
        if (before.some((b) => clash(b, unit))) continue;
        const free = round === 1 ? freeForAtRoundOne(unit, family.residence === unit.municipalityId) : heldBy(key, round).length < unit.seats;
        expect(free, `${id} envies ${key} in round ${round} (got ${got ?? 'nothing'})`).toBe(false);
      }
    }
  }
}

const RUNS = { numRuns: 120 };
/** A guard against a hang on a slow, busy machine, not a check of speed. */
const PROPERTY_TIMEOUT_MS = 120_000;
const drawn = (options: InstanceOptions = {}) => fc.tuple(drawSnapshotArb(options), fc.string({ minLength: 1, maxLength: 12 }));

/** The children that got at least one place. */
const placedCount = (outcome: DrawOutcome) => outcome.children.filter((c) => c.wishes.some((w) => w.outcome === 'confirmed')).length;
const seatsOf = (snapshot: DrawSnapshot) => new Map(snapshot.units.map((u) => [u.key, u.seats]));
const childrenOf = (snapshot: DrawSnapshot) => snapshot.families.flatMap((f) => f.children);

describe('runDraw on generated programmes', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('generates snapshots the contract accepts', () => {
    fc.assert(
      fc.property(drawSnapshotArb(), (snapshot) => {
        expect(drawSnapshotSchema.parse(snapshot)).toEqual(snapshot);
      }),
      { numRuns: 30 },
    );
  });

  it('never exceeds seats, places only wishes, never clashes, never splits a bundle, wastes no seat, leaves no justified envy', () => {
    fc.assert(
      fc.property(drawn(), ([snapshot, randomness]) => {
        const outcome = runDraw(snapshot, randomness);
        checkTickets(snapshot, randomness, outcome);
        checkDraw(snapshot, outcome);
      }),
      { numRuns: 250 },
    );
  });

  it('leaves no justified envy in round 1 without rescue', () => {
    fc.assert(
      fc.property(drawn({ rescue: false }), ([snapshot, randomness]) => checkNoEnvy(snapshot, runDraw(snapshot, randomness))),
      RUNS,
    );
  });

  it.each([
    ['roomy', 5],
    ['tight', 1],
  ])('places as many children as an independent max flow allows (no bundles, rescue on, %s units)', (_, maxSeats) => {
    fc.assert(
      fc.property(drawn({ bundles: false, rescue: true, maxFamilies: 14, maxSeats }), ([snapshot, randomness]) => {
        const outcome = runDraw(snapshot, randomness);
        const max = maxChildrenPlaceable(childrenOf(snapshot), seatsOf(snapshot));
        const careCapped = snapshot.settings.maxCareWeeksPerFamily !== null;
        expect(outcome.report.placeableMax).toBe(max);
        expect(outcome.report.placed).toBe(placedCount(outcome));
        if (!careCapped) expect(placedCount(outcome)).toBe(max);
        else expect(placedCount(outcome)).toBeLessThanOrEqual(max);
      }),
      { numRuns: 150 },
    );
  });

  it('leaves no more children without a place than a Feriennet-style deferred acceptance (no bundles)', () => {
    fc.assert(
      fc.property(drawn({ bundles: false, rescue: true, caps: false, maxFamilies: 14 }), ([snapshot, randomness]) => {
        const outcome = runDraw(snapshot, randomness);
        const children = childrenOf(snapshot);
        const baseline = feriennetBaseline(children, seatsOf(snapshot), randomness);
        const baselineZero = (children.length - baseline.size) / children.length;
        expect(outcome.report.zeroPlaceShare).toBeLessThanOrEqual(Math.round(baselineZero * 10_000) / 10_000);
      }),
      RUNS,
    );
  });

  it('gives the same outcome for the same snapshot and randomness, another one for other randomness', () => {
    let differing = 0;
    let contested = 0;
    fc.assert(
      fc.property(drawn({ maxFamilies: 12 }), ([snapshot, randomness]) => {
        const first = runDraw(snapshot, randomness);
        expect(runDraw(structuredClone(snapshot), randomness)).toEqual(first);
        const other = runDraw(snapshot, `${randomness}!`);
        checkDraw(snapshot, other);
        expect(other.inputHash).toBe(first.inputHash);
        expect(other.seed).not.toBe(first.seed);
        if (first.report.placed < first.report.children) contested++;
        if (other.outputHash !== first.outputHash) differing++;
      }),
      RUNS,
    );
    expect(contested).toBeGreaterThan(10);
    expect(differing).toBeGreaterThan(contested / 2);
  });
});

/** The same value with every object's keys in another order, recursively. */
function reorderKeys(value: unknown, pick: (n: number) => number): unknown {
  if (Array.isArray(value)) return value.map((v) => reorderKeys(v, pick));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const shuffled: [string, unknown][] = [];
  while (entries.length > 0) shuffled.push(entries.splice(pick(entries.length), 1)[0]!);
  return Object.fromEntries(shuffled.map(([k, v]) => [k, reorderKeys(v, pick)]));
}

describe('snapshotHash', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('does not depend on the order of keys, and changes with any value', () => {
    fc.assert(
      fc.property(drawSnapshotArb(), fc.array(fc.nat(), { minLength: 1, maxLength: 50 }), (snapshot, choices) => {
        let i = 0;
        const reordered = reorderKeys(snapshot, (n) => choices[i++ % choices.length]! % n) as DrawSnapshot;
        expect(snapshotHash(reordered)).toBe(snapshotHash(snapshot));
        expect(runDraw(reordered, 'R').outputHash).toBe(runDraw(snapshot, 'R').outputHash);
        const changed = structuredClone(snapshot);
        changed.units[0]!.seats += 1;
        expect(snapshotHash(changed)).not.toBe(snapshotHash(snapshot));
      }),
      { numRuns: 60 },
    );
  });
});
