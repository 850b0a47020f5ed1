import type { FairnessReport, UnitCutoff } from '../../../shared/schemas/programme.js';
import type { UnitKey } from '../../../shared/schemas/draw-snapshot.js';

/**
 * Why a wish ended as it did: a code with the facts the explanation needs. `explainWish`
 * (explain.ts) turns it into German and English sentences.
 */
export type WishReason =
  /** Won in round `round` (1 = first places). */
  | { code: 'won'; round: number }
  /** Won in the rescue: placed because a round-1 holder moved over. */
  | { code: 'won_rescue' }
  /** Held in round 1, then moved to wish `toRank` so that another child gets a place at all. */
  | { code: 'moved_away'; toRank: number }
  /** The unit was full when the child's turn came. */
  | { code: 'full'; ticket: number; tickets: number; seats: number; reservedToResidents: number; municipalityId: string; lastTicket: number | null }
  /** Overlaps (travel buffer included) a place the child won with wish `withRank`. */
  | { code: 'overlaps'; withRank: number }
  /** The child reached `maxPlacesPerChild`, or the family `maxCareWeeksPerFamily`. */
  | { code: 'place_cap' }
  | { code: 'care_week_cap' }
  /** A together-or-none bundle on this offer could not get seats for all its children in one unit. */
  | { code: 'bundle_incomplete' }
  /** Taken out at the freeze (snapshot `removed`), e.g. `age`. */
  | { code: 'removed'; why: string };

export type WishResult = {
  unitKey: UnitKey;
  /** 1 = the child's first wish (its rank in the wish list the family entered). */
  rank: number;
  outcome: 'confirmed' | 'waitlisted' | 'not_drawn';
  /** Only when confirmed: 1 for round 1 and rescue, then 2, 3, … */
  round?: number;
  /** Only when waitlisted: 1 = first in the unit's line after the draw. */
  waitlistPosition?: number;
  reason: WishReason;
};

export type ChildResult = { childId: string; familyId: string; wishes: WishResult[] };

/** A rescue move: `childId` went from its wish `fromRank` to `toRank`, so that `forChildId` got a place. */
export type RescueMove = { childId: string; from: UnitKey; fromRank: number; to: UnitKey; toRank: number; forChildId: string };

/** Everything the draw decides, from the snapshot and the randomness alone. */
export type DrawOutcome = {
  algorithm: string;
  inputHash: string;
  randomness: string;
  /** hex SHA-256("regiokurs/draw/v1" ‖ inputHash ‖ randomness) */
  seed: string;
  /** hex SHA-256 over the canonical JSON of placements and waitlists: equal results, equal hashes. */
  outputHash: string;
  /** Per family: 1-based place in ticket order, of `tickets`. */
  tickets: Record<string, number>;
  ticketCount: number;
  /** Every child of the snapshot, in ticket order (family ticket, then child ticket). */
  children: ChildResult[];
  /** Per unit (snapshot order): who won a seat and who waits, in line order. */
  units: { key: UnitKey; confirmed: string[]; waiting: string[] }[];
  cutoffs: (Omit<UnitCutoff, 'offerId' | 'unitId'> & { key: UnitKey })[];
  moves: RescueMove[];
  report: FairnessReport;
};
