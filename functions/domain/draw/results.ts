import type { Allocation } from './allocate.js';
import type { DrawModel } from './model.js';
import type { ChildResult, DrawOutcome, WishReason, WishResult } from './outcome.js';

type Results = Pick<DrawOutcome, 'children' | 'units' | 'cutoffs'>;

/**
 * Every wish's outcome and reason, the units' lines and cut-offs. A wish not won waits on its
 * unit when the unit keeps a waiting list, in the order (places won ascending, ticket, child order).
 */
export function collectResults(model: DrawModel, state: Allocation): Results {
  const { units, children, families } = model;
  const lines = units.map((unit, u) => {
    if (!unit.waitlist) return [];
    const waiting = model.wishers[u]!.filter((c) => !state.holders[u]!.has(c));
    return waiting.sort((a, b) => state.places[a]!.length - state.places[b]!.length || a - b);
  });
  const positions = lines.map((line) => new Map(line.map((c, i) => [c, i + 1])));
  const free = (u: number) => state.ledgers[u]!.openFree + state.ledgers[u]!.reservedFree;
  const onReserved = units.map((_, u) => [...state.holders[u]!].filter((c) => state.places[c]!.find((p) => p.unit === u)?.kind === 'reserved').length);
  const lastOpenTicket = units.map((_, u) => {
    const tickets = [...state.holders[u]!]
      .filter((c) => state.places[c]!.find((p) => p.unit === u)?.kind === 'open')
      .map((c) => families[children[c]!.familyIndex]!.ticket);
    return tickets.length === 0 ? null : Math.max(...tickets);
  });

  const reasonFor = (c: number, u: number, rank: number): WishReason => {
    const child = children[c]!;
    const movedTo = state.movedAway[c]!.get(u);
    if (movedTo !== undefined) return { code: 'moved_away', toRank: movedTo };
    const clashes = state.places[c]!.filter((p) => model.overlaps(p.unit, u)).map((p) => child.rankOf.get(p.unit)!);
    const firstClash = clashes.length === 0 ? null : Math.min(...clashes);
    if (firstClash !== null && firstClash < rank) return { code: 'overlaps', withRank: firstClash };
    if (child.bundles.get(units[u]!.offerId)?.mode === 'all_or_none' && free(u) > 0) return { code: 'bundle_incomplete' };
    const { maxPlacesPerChild, maxCareWeeksPerFamily } = model.settings;
    if (free(u) > 0 && firstClash !== null) return { code: 'overlaps', withRank: firstClash };
    if (free(u) > 0 && maxPlacesPerChild !== null && state.places[c]!.length >= maxPlacesPerChild) return { code: 'place_cap' };
    if (free(u) > 0 && units[u]!.careWeek && maxCareWeeksPerFamily !== null && state.careWeeks[child.familyIndex]! >= maxCareWeeksPerFamily)
      return { code: 'care_week_cap' };
    const family = families[child.familyIndex]!;
    return {
      code: 'full',
      ticket: family.ticket,
      tickets: families.length,
      seats: units[u]!.seats,
      reservedToResidents: onReserved[u]!,
      municipalityId: units[u]!.municipalityId,
      lastTicket: lastOpenTicket[u]!,
    };
  };

  const childResults: ChildResult[] = children.map((child) => {
    const allowed = child.wishes.map((u, i): WishResult => {
      const rank = child.ranks[i]!;
      const place = state.places[child.index]!.find((p) => p.unit === u);
      const unitKey = units[u]!.key;
      if (place)
        return {
          unitKey,
          rank,
          outcome: 'confirmed',
          round: place.round,
          reason: place.rescued ? { code: 'won_rescue' } : { code: 'won', round: place.round },
        };
      const position = positions[u]!.get(child.index);
      const reason = reasonFor(child.index, u, rank);
      return position === undefined
        ? { unitKey, rank, outcome: 'not_drawn', reason }
        : { unitKey, rank, outcome: 'waitlisted', waitlistPosition: position, reason };
    });
    const removed = child.removed.map((r): WishResult => ({
      unitKey: r.unitKey,
      rank: r.rank,
      outcome: 'not_drawn',
      reason: { code: 'removed', why: r.reason },
    }));
    return { childId: child.id, familyId: families[child.familyIndex]!.id, wishes: [...allowed, ...removed].sort((a, b) => a.rank - b.rank) };
  });

  const unitResults = units.map((unit, u) => ({
    key: unit.key,
    confirmed: [...state.holders[u]!].sort((a, b) => a - b).map((c) => children[c]!.id),
    waiting: lines[u]!.map((c) => children[c]!.id),
  }));

  const cutoffs = units.map((unit, u) => {
    const turnedAway = model.wishers[u]!.some((c) => !state.holders[u]!.has(c));
    return {
      key: unit.key,
      seats: unit.seats,
      reserved: Math.min(unit.reserved, unit.seats),
      filled: state.holders[u]!.size,
      reservedToResidents: onReserved[u]!,
      lastTicket: turnedAway ? lastOpenTicket[u]! : null,
      waiting: lines[u]!.length,
    };
  });
  return { children: childResults, units: unitResults, cutoffs };
}
