import type { RescueMove } from './outcome.js';
import type { DrawModel } from './model.js';
import { releaseReserved, seatKindFor, seatLedger, seatsFor, takeSeat, type SeatKind, type SeatLedger } from './seats.js';

/** A seat a child holds: the round it was won in (the rescue counts as round 1) and whether a rescue move made room for it. */
type Place = { unit: number; round: number; kind: SeatKind; rescued: boolean };

export type Allocation = {
  places: Place[][];
  /** Per unit, the children holding a seat there. */
  holders: Set<number>[];
  ledgers: SeatLedger[];
  careWeeks: number[];
  /** Per child: units it was moved away from in the rescue, with the rank it was moved to. */
  movedAway: Map<number, number>[];
  moves: RescueMove[];
  /** Reserved seats still free after round 1, released to everyone. */
  released: number;
};

/**
 * Round 1 (a first place for every child, in agent order), the rescue (augmenting paths so that
 * as many children as possible have a place), then serpentine rounds until one places nobody.
 */
export function allocate(model: DrawModel): Allocation {
  const state: Allocation = {
    places: model.children.map(() => []),
    holders: model.units.map(() => new Set()),
    ledgers: model.units.map((u) => seatLedger(u.seats, u.reserved)),
    careWeeks: model.families.map(() => 0),
    movedAway: model.children.map(() => new Map()),
    moves: [],
    released: 0,
  };
  const draw = new Turns(model, state);
  for (const child of model.children) draw.takeBest(child.index, 1);
  for (const ledger of state.ledgers) state.released += releaseReserved(ledger);
  if (model.settings.rescue) for (const child of model.children) if (state.places[child.index]!.length === 0) draw.rescue(child.index);
  for (let round = 2; ; round++) {
    const order = round % 2 === 0 ? [...model.children].reverse() : model.children;
    let placed = false;
    for (const child of order) placed = draw.takeBest(child.index, round) || placed;
    if (!placed) break;
  }
  return state;
}

class Turns {
  /** The round in which each child last won a place: one place per child and round, bundles aside. */
  private readonly tookIn: Int32Array;
  /**
   * Units a failed rescue search reached: all full, and every movable holder's other wishes among
   * them. No later augmenting path can enter such a set, so later searches skip it for good.
   */
  private readonly closed: Uint8Array;

  constructor(
    private readonly model: DrawModel,
    private readonly state: Allocation,
  ) {
    this.tookIn = new Int32Array(model.children.length);
    this.closed = new Uint8Array(model.units.length);
  }

  /** A child's turn: its best remaining wish it can take now, if any. */
  takeBest(c: number, round: number): boolean {
    const { maxPlacesPerChild } = this.model.settings;
    if (this.tookIn[c] === round) return false;
    if (maxPlacesPerChild !== null && this.state.places[c]!.length >= maxPlacesPerChild) return false;
    const child = this.model.children[c]!;
    return child.wishes.some((u) => this.takeWish(c, u, round));
  }

  /**
   * On a wish of a bundle's offer the bundle acts as one agent: it takes the best unit (by the sum
   * of its children's ranks) with seats for all of them. A together-or-none bundle never takes one
   * alone; a prefer-together bundle then lets the child take the wish alone.
   */
  private takeWish(c: number, u: number, round: number): boolean {
    const bundle = this.model.children[c]!.bundles.get(this.model.units[u]!.offerId);
    if (!bundle) return this.placeGroup([c], u, round);
    if (bundle.candidates.some((v) => this.placeGroup(bundle.children, v, round))) return true;
    return bundle.mode === 'prefer' && this.placeGroup([c], u, round);
  }

  /** Whether child c could hold one more place in unit u: wished, not held, under its cap, no clash with its places. */
  canHold(c: number, u: number): boolean {
    const { maxPlacesPerChild } = this.model.settings;
    const places = this.state.places[c]!;
    if (!this.model.children[c]!.rankOf.has(u) || this.state.holders[u]!.has(c)) return false;
    if (maxPlacesPerChild !== null && places.length >= maxPlacesPerChild) return false;
    return places.every((p) => !this.model.overlaps(p.unit, u));
  }

  private careWeeksAllow(familyIndex: number, u: number, added: number): boolean {
    const cap = this.model.settings.maxCareWeeksPerFamily;
    return !this.model.units[u]!.careWeek || cap === null || this.state.careWeeks[familyIndex]! + added <= cap;
  }

  private placeGroup(group: number[], u: number, round: number): boolean {
    const unit = this.model.units[u]!;
    const familyIndex = this.model.children[group[0]!]!.familyIndex;
    const resident = this.model.families[familyIndex]!.residence === unit.municipalityId;
    const ledger = this.state.ledgers[u]!;
    if (!group.every((m) => this.canHold(m, u))) return false;
    if (!this.careWeeksAllow(familyIndex, u, group.length) || seatsFor(ledger, resident) < group.length) return false;
    for (const m of group) {
      const kind = seatKindFor(ledger, resident, this.model.settings.reserveSemantics)!;
      takeSeat(ledger, kind);
      this.hold(m, { unit: u, round, kind, rescued: false });
    }
    return true;
  }

  private hold(c: number, place: Place): void {
    this.state.places[c]!.push(place);
    this.state.holders[place.unit]!.add(c);
    if (this.model.units[place.unit]!.careWeek) this.state.careWeeks[this.model.children[c]!.familyIndex]!++;
    this.tookIn[c] = place.round;
  }

  private release(c: number, u: number): void {
    this.state.places[c] = this.state.places[c]!.filter((p) => p.unit !== u);
    this.state.holders[u]!.delete(c);
    this.state.ledgers[u]!.openFree++;
    if (this.model.units[u]!.careWeek) this.state.careWeeks[this.model.children[c]!.familyIndex]!--;
  }

  /** A round-1 holder that may be moved: one place, no bundle, not the child being rescued. */
  private movable(h: number, c: number): boolean {
    return h !== c && this.state.places[h]!.length === 1 && this.model.children[h]!.bundles.size === 0;
  }

  /**
   * Dijkstra over units from the wishes of child c (no place yet) to a unit with a free seat:
   * an edge u → v is a holder of u that could move to its own wish v, weighted by its rank loss
   * (never below 0). On a tie of cost the path whose last mover has the worse ticket wins, and a
   * free seat needing no move beats both. Paths are of any length, so when none exists none
   * will later (Berge; the placed count ends a maximum b-matching).
   */
  rescue(c: number): void {
    const { units, children } = this.model;
    const child = children[c]!;
    const n = units.length;
    const dist = new Float64Array(n).fill(Infinity);
    const viaHolder = new Int32Array(n).fill(-1);
    const fromUnit = new Int32Array(n).fill(-1);
    /** The tie-break: the last mover's agent index, larger = worse ticket = preferred; Infinity for no move. */
    const moverKey = new Float64Array(n).fill(-1);
    const done = new Uint8Array(n);
    let capped = false;
    const before = (cost: number, key: number, v: number) => cost < dist[v]! || (cost === dist[v]! && key > moverKey[v]!);
    for (const u of child.wishes) {
      if (this.closed[u] || child.bundles.get(units[u]!.offerId)?.mode === 'all_or_none' || !this.careWeeksAllow(child.familyIndex, u, 1)) continue;
      dist[u] = 0;
      moverKey[u] = Infinity;
    }
    for (;;) {
      let u = -1;
      for (let v = 0; v < n; v++) if (!done[v] && dist[v]! < Infinity && (u === -1 || before(dist[v]!, moverKey[v]!, u))) u = v;
      if (u === -1) {
        if (!capped) for (let v = 0; v < n; v++) if (done[v]) this.closed[v] = 1;
        return;
      }
      done[u] = 1;
      if (this.state.ledgers[u]!.openFree > 0) return this.augment(c, u, viaHolder, fromUnit);
      for (const h of this.state.holders[u]!) {
        if (!this.movable(h, c)) continue;
        const mover = children[h]!;
        const lossBase = dist[u]! - mover.rankOf.get(u)!;
        for (const v of mover.wishes) {
          if (done[v] || this.closed[v] || v === u) continue;
          const cost = Math.max(dist[u]!, lossBase + mover.rankOf.get(v)!);
          if (!before(cost, h, v)) continue;
          // A care-week cap may loosen later, so a search it cut short proves nothing closed.
          if (!this.careWeeksAllow(mover.familyIndex, v, units[u]!.careWeek ? 0 : 1)) {
            capped = true;
            continue;
          }
          dist[v] = cost;
          moverKey[v] = h;
          viaHolder[v] = h;
          fromUnit[v] = u;
        }
      }
    }
  }

  private augment(c: number, end: number, viaHolder: Int32Array, fromUnit: Int32Array): void {
    const { units, children } = this.model;
    const steps: { h: number; from: number; to: number }[] = [];
    let start = end;
    while (viaHolder[start] !== -1) {
      steps.push({ h: viaHolder[start]!, from: fromUnit[start]!, to: start });
      start = fromUnit[start]!;
    }
    // Several movers of one family could together pass its care-week cap: then no rescue for c.
    const cap = this.model.settings.maxCareWeeksPerFamily;
    if (cap !== null) {
      const weeks = [...this.state.careWeeks];
      const cw = (u: number) => (units[u]!.careWeek ? 1 : 0);
      weeks[children[c]!.familyIndex]! += cw(start);
      for (const s of steps) weeks[children[s.h]!.familyIndex]! += cw(s.to) - cw(s.from);
      if (weeks.some((w, f) => w > cap && w > this.state.careWeeks[f]!)) return;
    }
    for (const { h, from, to } of steps) {
      const mover = children[h]!;
      this.release(h, from);
      takeSeat(this.state.ledgers[to]!, 'open');
      this.hold(h, { unit: to, round: 1, kind: 'open', rescued: false });
      const toRank = mover.rankOf.get(to)!;
      this.state.movedAway[h]!.set(from, toRank);
      this.state.moves.push({
        childId: mover.id,
        from: units[from]!.key,
        fromRank: mover.rankOf.get(from)!,
        to: units[to]!.key,
        toRank,
        forChildId: children[c]!.id,
      });
    }
    takeSeat(this.state.ledgers[start]!, 'open');
    this.hold(c, { unit: start, round: 1, kind: 'open', rescued: steps.length > 0 });
  }
}

/**
 * Free seats some child waiting on the unit could have taken (wished, under its caps, no clash;
 * together-or-none offers aside, which need seats for all at once): zero after a correct draw.
 */
export function countWastedSeats(model: DrawModel, state: Allocation): number {
  const turns = new Turns(model, state);
  const cap = model.settings.maxCareWeeksPerFamily;
  let wasted = 0;
  model.units.forEach((unit, u) => {
    const free = state.ledgers[u]!.openFree + state.ledgers[u]!.reservedFree;
    if (free === 0) return;
    let takers = 0;
    for (const c of model.wishers[u]!) {
      const child = model.children[c]!;
      if (child.bundles.get(unit.offerId)?.mode === 'all_or_none' || !turns.canHold(c, u)) continue;
      if (unit.careWeek && cap !== null && state.careWeeks[child.familyIndex]! >= cap) continue;
      takers++;
    }
    wasted += Math.min(free, takers);
  });
  return wasted;
}
