import { createHmac } from 'node:crypto';
import type { DrawSnapshot } from '../../../shared/schemas/draw-snapshot.js';
import { DRAW_ALGORITHM } from '../../../shared/schemas/programme.js';
import { sha256Hex } from './canonical.js';

/** `seed = SHA-256(algorithm ‖ inputHash ‖ randomness)`: nobody knows it before the randomness is drawn. */
export function drawSeed(inputHash: string, randomness: string): string {
  return sha256Hex(DRAW_ALGORITHM + inputHash + randomness);
}

const ticketValue = (seed: string, id: string) => createHmac('sha256', seed).update(id, 'utf8').digest('hex');
const byValue = (a: { value: string }, b: { value: string }) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

export type TicketOrder = {
  /** Family ids, best ticket first; a family's ticket is its position + 1. */
  families: string[];
  /** Child ids per family, in the family's child order. */
  childrenOf: Map<string, string[]>;
};

/**
 * One ticket per family (HMAC of the seed over the family id), so siblings stand next to each
 * other; children inside a family by HMAC of their own id.
 */
export function drawTickets(snapshot: DrawSnapshot, seed: string): TicketOrder {
  const families = snapshot.families.map((f) => ({ id: f.id, value: ticketValue(seed, f.id) })).sort(byValue);
  const childrenOf = new Map(
    snapshot.families.map((f) => [
      f.id,
      f.children
        .map((c) => ({ id: c.id, value: ticketValue(seed, c.id) }))
        .sort(byValue)
        .map((c) => c.id),
    ]),
  );
  return { families: families.map((f) => f.id), childrenOf };
}
