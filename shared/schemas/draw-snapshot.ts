import * as z from 'zod';
import { DRAW_ALGORITHM, residentReserveSchema, togetherMode } from './programme.js';

/**
 * The frozen input of a draw: everything the draw reads, over pseudonymous ids, nothing else.
 * Its canonical JSON (keys sorted, arrays in the order below) is hashed into the commitment
 * `inputHash` before the randomness is known; `GET /api/admin/programmes/{id}/replay` hands it
 * out and `npm run draw:replay` re-runs the draw from it.
 */
const pseudonym = z.string().regex(/^[a-z0-9]{8,40}$/);
/** A unit across the programme: `<offerId>/<unitId>`. */
const unitKey = z.string().regex(/^[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+$/);
export type UnitKey = z.infer<typeof unitKey>;

export const drawSnapshotSchema = z.object({
  algorithm: z.literal(DRAW_ALGORITHM),
  programmeId: z.string(),
  settings: z.object({
    maxPlacesPerChild: z.number().int().nullable(),
    maxCareWeeksPerFamily: z.number().int().nullable(),
    rescue: z.boolean(),
    travelBufferMinutes: z.number().int(),
    reserveSemantics: residentReserveSchema.shape.semantics.unwrap(),
  }),
  /** Sorted by key. */
  units: z.array(
    z.object({
      key: unitKey,
      offerId: z.string(),
      municipalityId: z.string(),
      seats: z.number().int().min(0),
      /** Of `seats`, kept for residents of `municipalityId` in round 1. */
      reserved: z.number().int().min(0),
      waitlist: z.boolean(),
      /** A week of holiday care: counts against `maxCareWeeksPerFamily`. */
      careWeek: z.boolean(),
      /** The unit's sessions as epoch milliseconds, sorted by start: places may not overlap. */
      sessions: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
    }),
  ),
  /** Sorted by id. */
  families: z.array(
    z.object({
      id: pseudonym,
      /** The municipality the family lives in, if it is one of the region's. */
      residence: z.string().nullable(),
      /** Sorted by id. */
      children: z.array(
        z.object({
          id: pseudonym,
          /** Age band at the programme's first day, for the report only, e.g. `6-9`. */
          ageBand: z.string(),
          /** Ranked, best first, without duplicates; only wishes allowed at the freeze. */
          wishes: z.array(unitKey),
        }),
      ),
      /** Sorted by offer id, then first child id; each bundle's child ids sorted. */
      together: z.array(z.object({ offerId: z.string(), childIds: z.array(pseudonym).min(2), mode: togetherMode })),
    }),
  ),
  /** Wishes taken out at the freeze, with why (e.g. `age`, `offer_cancelled`): the family sees it. */
  removed: z.array(z.object({ childId: pseudonym, unitKey, rank: z.number().int(), reason: z.string() })),
});
export type DrawSnapshot = z.infer<typeof drawSnapshotSchema>;
