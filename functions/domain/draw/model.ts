import type { DrawSnapshot, UnitKey } from '../../../shared/schemas/draw-snapshot.js';
import { InvalidInputError } from '../errors.js';
import type { TicketOrder } from './tickets.js';

/** The snapshot indexed for the draw: units by position, children in agent order (family ticket, then child ticket). */
type DrawUnit = DrawSnapshot['units'][number] & { index: number };

type DrawBundle = {
  offerId: string;
  mode: 'all_or_none' | 'prefer';
  familyIndex: number;
  children: number[];
  /** Units of the offer every bundled child wished, best first by the sum of the children's ranks, then by key. */
  candidates: number[];
};

type DrawChild = {
  id: string;
  /** Position in agent order: 0 = the first child of the first ticket. */
  index: number;
  familyIndex: number;
  ageBand: string;
  /** Allowed wishes as unit indices, best first, and each one's rank in the list the family entered. */
  wishes: number[];
  ranks: number[];
  rankOf: Map<number, number>;
  /** The bundle this child belongs to per offer id. */
  bundles: Map<string, DrawBundle>;
  removed: { unitKey: UnitKey; rank: number; reason: string }[];
};

type DrawFamily = { id: string; residence: string | null; ticket: number; children: number[] };

export type DrawModel = {
  settings: DrawSnapshot['settings'];
  units: DrawUnit[];
  families: DrawFamily[];
  children: DrawChild[];
  bundles: DrawBundle[];
  /** Per unit, the children wishing it, in agent order. */
  wishers: number[][];
  /** Whether two units' sessions clash, travel buffer included. */
  overlaps: (a: number, b: number) => boolean;
};

/**
 * Original ranks: the snapshot lists only allowed wishes, in order; removed wishes keep the rank
 * they had, and the allowed ones fill the remaining ranks 1…n in order.
 */
function originalRanks(allowed: number, removedRanks: Set<number>): number[] {
  const ranks: number[] = [];
  for (let r = 1; ranks.length < allowed; r++) if (!removedRanks.has(r)) ranks.push(r);
  return ranks;
}

export function buildModel(snapshot: DrawSnapshot, order: TicketOrder): DrawModel {
  const units = snapshot.units.map((u, index) => ({ ...u, index }));
  const unitIndex = new Map(units.map((u) => [u.key, u.index]));
  const removedOf = new Map<string, DrawChild['removed']>();
  for (const r of snapshot.removed) removedOf.set(r.childId, [...(removedOf.get(r.childId) ?? []), { unitKey: r.unitKey, rank: r.rank, reason: r.reason }]);

  const byId = new Map(snapshot.families.map((f) => [f.id, f]));
  const families: DrawFamily[] = [];
  const children: DrawChild[] = [];
  const bundles: DrawBundle[] = [];
  order.families.forEach((familyId, familyIndex) => {
    const family = byId.get(familyId)!;
    const childById = new Map(family.children.map((c) => [c.id, c]));
    const indices: number[] = [];
    for (const childId of order.childrenOf.get(familyId) ?? []) {
      const child = childById.get(childId)!;
      const wishes = child.wishes.map((key) => {
        const u = unitIndex.get(key);
        if (u === undefined)
          throw new InvalidInputError(`Kind ${childId} wünscht die unbekannte Einheit ${key} / child ${childId} wishes unknown unit ${key}`, 'families');
        return u;
      });
      const removed = (removedOf.get(childId) ?? []).sort((a, b) => a.rank - b.rank);
      const ranks = originalRanks(wishes.length, new Set(removed.map((r) => r.rank)));
      const index = children.length;
      children.push({
        id: childId,
        index,
        familyIndex,
        ageBand: child.ageBand,
        wishes,
        ranks,
        rankOf: new Map(wishes.map((u, i) => [u, ranks[i]!])),
        bundles: new Map(),
        removed,
      });
      indices.push(index);
    }
    const agentOf = new Map(indices.map((i) => [children[i]!.id, i]));
    for (const t of family.together) {
      const members = t.childIds.flatMap((id) => agentOf.get(id) ?? []).sort((a, b) => a - b);
      if (members.length < 2 || members.some((m) => children[m]!.bundles.has(t.offerId))) continue;
      const rankSum = new Map<number, number>();
      for (const u of children[members[0]!]!.wishes) {
        if (units[u]!.offerId !== t.offerId || !members.every((m) => children[m]!.rankOf.has(u))) continue;
        rankSum.set(
          u,
          members.reduce((sum, m) => sum + children[m]!.rankOf.get(u)!, 0),
        );
      }
      const candidates = [...rankSum.keys()].sort((a, b) => rankSum.get(a)! - rankSum.get(b)! || (units[a]!.key < units[b]!.key ? -1 : 1));
      const bundle: DrawBundle = { offerId: t.offerId, mode: t.mode, familyIndex, children: members, candidates };
      for (const m of members) children[m]!.bundles.set(t.offerId, bundle);
      bundles.push(bundle);
    }
    families.push({ id: familyId, residence: family.residence, ticket: familyIndex + 1, children: indices });
  });

  const wishers = units.map((): number[] => []);
  for (const child of children) for (const u of child.wishes) wishers[u]!.push(child.index);
  return {
    settings: snapshot.settings,
    units,
    families,
    children,
    bundles,
    wishers,
    overlaps: overlapTable(units, snapshot.settings.travelBufferMinutes * 60_000),
  };
}

/** Two units clash when any of their sessions come closer than the travel buffer; computed once per pair, on demand. */
function overlapTable(units: DrawUnit[], bufferMs: number): (a: number, b: number) => boolean {
  const n = units.length;
  const memo = new Int8Array(n * n);
  return (a, b) => {
    const cell = a * n + b;
    if (memo[cell] === 0) {
      const clash = units[a]!.sessions.some((s) => units[b]!.sessions.some((t) => s.start < t.end + bufferMs && t.start < s.end + bufferMs));
      memo[cell] = memo[b * n + a] = clash ? 1 : 2;
    }
    return memo[cell] === 1;
  };
}
