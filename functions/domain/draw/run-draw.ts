import type { DrawSnapshot } from '../../../shared/schemas/draw-snapshot.js';
import { DRAW_ALGORITHM } from '../../../shared/schemas/programme.js';
import { allocate, countWastedSeats } from './allocate.js';
import { canonicalJson, sha256Hex } from './canonical.js';
import { buildModel } from './model.js';
import type { DrawOutcome } from './outcome.js';
import { fairnessReport } from './report.js';
import { collectResults } from './results.js';
import { drawSeed, drawTickets } from './tickets.js';

/** The commitment published at the freeze: hex SHA-256 of the snapshot's canonical JSON. */
export function snapshotHash(snapshot: DrawSnapshot): string {
  return sha256Hex(canonicalJson(snapshot));
}

/**
 * The fair draw ("Faire Runden", docs/DRAW.md): tickets from the snapshot's hash and the public
 * randomness, round 1, the rescue, serpentine rounds, waiting lists, the fairness report. Pure:
 * the same snapshot and randomness give the same outcome, byte for byte.
 */
export function runDraw(snapshot: DrawSnapshot, randomness: string): DrawOutcome {
  const inputHash = snapshotHash(snapshot);
  const seed = drawSeed(inputHash, randomness);
  const model = buildModel(snapshot, drawTickets(snapshot, seed));
  const state = allocate(model);
  const { children, units, cutoffs } = collectResults(model, state);
  const outputHash = sha256Hex(canonicalJson({ algorithm: DRAW_ALGORITHM, inputHash, randomness, units }));
  return {
    algorithm: DRAW_ALGORITHM,
    inputHash,
    randomness,
    seed,
    outputHash,
    tickets: Object.fromEntries(model.families.map((f) => [f.id, f.ticket])),
    ticketCount: model.families.length,
    children,
    units,
    cutoffs,
    moves: state.moves,
    report: fairnessReport(model, state, countWastedSeats(model, state)),
  };
}
