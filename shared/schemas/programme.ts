import * as z from 'zod';
import { id, isoDateTime } from './common.js';
import { catalogOfferSchema } from './offer.js';

/**
 * Holiday programmes ("Ferienprogramm", e.g. "Sommer 2027") and their fair draw. The rules are
 * in docs/DRAW.md; this file is the contract between the API, the draw and the web app.
 */

/** The version of the draw's rules; part of every seed and hash, so a replay names what it re-ran. */
export const DRAW_ALGORITHM = 'regiokurs/draw/v1';

const programmeStatus = z.enum(['draft', 'wishing', 'frozen', 'drawing', 'published']);

/**
 * Seats of a unit kept for children living in the unit's municipality. `minimum` (reserve first):
 * a resident takes a reserved seat while one is free, else an open one. `open_first`: a resident
 * takes an open seat while one is free, else a reserved one (residents get more). Reserved seats
 * still free after round 1 go to everyone.
 */
export const residentReserveSchema = z.object({
  kind: z.enum(['share', 'count']),
  /** A share 0…1 of each unit's seats (rounded down), or a number of seats per unit. */
  value: z.number().min(0).max(1000),
  semantics: z.enum(['minimum', 'open_first']).default('minimum'),
});
export type ResidentReserve = z.infer<typeof residentReserveSchema>;

const programmeFields = z.object({
  title: z.string().trim().min(1).max(120),
  description: z.string().max(3000).optional(),
  wishOpens: isoDateTime,
  wishCloses: isoDateTime,
  maxWishesPerChild: z.number().int().min(1).max(30),
  /** Places a child may win in the draw; absent = no limit. */
  maxPlacesPerChild: z.number().int().min(1).max(50).optional(),
  /** Holiday-care weeks a family may win in the draw, all its children together; absent = no limit. */
  maxCareWeeksPerFamily: z.number().int().min(1).max(100).optional(),
  residentReserve: residentReserveSchema.optional(),
  /** Move round-1 holders to another of their wishes so that more children get a place at all. */
  rescue: z.boolean(),
  /** Minutes needed between two places of one child (getting from one place to the next). */
  travelBufferMinutes: z.number().int().min(0).max(240),
  /** Where the randomness comes from, said before anyone knows it, e.g. "Lotto 6 aus 45 vom 4. Juli". */
  randomnessSource: z.string().trim().min(1).max(300),
});

const windowInOrder = (p: { wishOpens?: string; wishCloses?: string }) => !p.wishOpens || !p.wishCloses || Date.parse(p.wishOpens) < Date.parse(p.wishCloses);
const windowIssue = {
  message: 'Wunschfrist endet vor ihrem Beginn / wishes close before they open',
  path: ['wishCloses'],
  params: { code: 'wishes_close_before_open' },
};

/** A new programme; unset settings take their defaults (LOTTERY rules: 10 wishes, rescue on, no buffer). */
export const programmeInput = programmeFields
  .extend({
    maxWishesPerChild: programmeFields.shape.maxWishesPerChild.default(10),
    rescue: programmeFields.shape.rescue.default(true),
    travelBufferMinutes: programmeFields.shape.travelBufferMinutes.default(0),
  })
  .refine(windowInOrder, windowIssue);
export type ProgrammeInput = z.infer<typeof programmeInput>;

/** Any settings while a draft (no defaults here: an edit changes only what it names); `status: "wishing"` publishes it. */
export const programmePatch = programmeFields
  .partial()
  .extend({ status: z.literal('wishing').optional() })
  .refine(windowInOrder, windowIssue);
export type ProgrammePatch = z.infer<typeof programmePatch>;

/** What the draw did to one unit: public, anonymous. */
export const unitCutoffSchema = z.object({
  offerId: id,
  unitId: id,
  seats: z.number().int(),
  reserved: z.number().int(),
  /** Seats taken in the draw, and how many of them by residents on a reserved seat. */
  filled: z.number().int(),
  reservedToResidents: z.number().int(),
  /** The worst ticket (1 = best) that got an open seat here in the draw; null when nobody or nobody was turned away. */
  lastTicket: z.number().int().nullable(),
  waiting: z.number().int(),
});
export type UnitCutoff = z.infer<typeof unitCutoffSchema>;

/** One line of the fairness report; counts under 3 are suppressed (null). */
const reportGroupSchema = z.object({
  dimension: z.enum(['all', 'municipality', 'residence', 'wishCount', 'ageBand']),
  /** `all`; a municipality id (or `elsewhere`); `resident`/`nonResident`; `le3`/`gt3`; an age band like `6-9`. */
  value: z.string(),
  children: z.number().int().nullable(),
  zeroPlaceShare: z.number().nullable(),
  meanPlaces: z.number().nullable(),
  firstWishShare: z.number().nullable(),
  topThreeShare: z.number().nullable(),
});
export type ReportGroup = z.infer<typeof reportGroupSchema>;

export const fairnessReportSchema = z.object({
  children: z.number().int(),
  wishes: z.number().int(),
  /** Children with at least one place, and the most that could have one (an independent max-flow count). */
  placed: z.number().int(),
  placeableMax: z.number().int(),
  zeroPlaceShare: z.number(),
  placesPerChild: z.object({ mean: z.number(), gini: z.number(), distribution: z.record(z.string(), z.number().int()) }),
  firstWishShare: z.number(),
  topThreeShare: z.number(),
  rescueMoves: z.number().int(),
  rescueRankLoss: z.number().int(),
  bundles: z.object({ allOrNone: z.number().int(), split: z.number().int(), prefer: z.number().int(), preferKept: z.number().int() }),
  seats: z.number().int(),
  seatsFilled: z.number().int(),
  wastedSeats: z.number().int(),
  reserve: z.object({ seats: z.number().int(), usedByResidents: z.number().int(), released: z.number().int() }),
  /** Wishes removed at the freeze, by reason code. */
  removedWishes: z.record(z.string(), z.number().int()),
  inputChangesAfterFreeze: z.number().int(),
  manualOverrides: z.number().int(),
  groups: z.array(reportGroupSchema),
});
export type FairnessReport = z.infer<typeof fairnessReportSchema>;

/** `GET /admin/programmes/{id}/report`: the report and cut-offs, for the caller's scope. */
export const drawReportAnswer = z.object({ report: fairnessReportSchema, cutoffs: z.array(unitCutoffSchema) });

/** A programme as anyone may read it: the settings, where the draw stands, and once drawn, its proof. */
export const programmeSchema = programmeFields.extend({
  id,
  status: programmeStatus,
  algorithm: z.literal(DRAW_ALGORITHM),
  /** SHA-256 of the frozen snapshot (hex), published before the randomness is known. */
  inputHash: z.string().optional(),
  frozenAt: isoDateTime.optional(),
  randomness: z.string().optional(),
  seed: z.string().optional(),
  outputHash: z.string().optional(),
  publishedAt: isoDateTime.optional(),
  cutoffs: z.array(unitCutoffSchema).optional(),
  report: fairnessReportSchema.optional(),
});
export type Programme = z.infer<typeof programmeSchema>;

/** One programme with its published lottery offers, as the programme page shows it. */
export const programmeDetailSchema = programmeSchema.extend({ offers: z.array(catalogOfferSchema) });
export type ProgrammeDetail = z.infer<typeof programmeDetailSchema>;

export const togetherMode = z.enum(['all_or_none', 'prefer']);

const wishSchema = z.object({ offerId: id, unitId: id });

/** A family's whole wish list for one programme; a PUT replaces it. */
export const wishesInput = z.object({
  children: z
    .array(z.object({ childId: id, wishes: z.array(wishSchema).max(30) }))
    .max(12)
    .refine((cs) => new Set(cs.map((c) => c.childId)).size === cs.length, { message: 'Kind doppelt / child listed twice' }),
  /** Siblings bound on one offer: in the same unit together, or (`prefer`) together if possible. */
  together: z
    .array(z.object({ offerId: id, childIds: z.array(id).min(2).max(12), mode: togetherMode }))
    .max(30)
    .default([]),
});
export type WishesInput = z.infer<typeof wishesInput>;

export const wishesAnswer = wishesInput.extend({
  programmeId: id,
  /** True while the wish window is open: the list can still be changed. */
  editable: z.boolean(),
  updatedAt: isoDateTime.optional(),
});
export type WishesAnswer = z.infer<typeof wishesAnswer>;

/** The randomness as drawn in public: letters, digits, punctuation and spaces, compared in one Unicode form (NFC). */
export const drawRequest = z.object({
  randomness: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[\p{L}\p{N}\p{P}\p{S}\p{Zs}]+$/u, 'Nur Buchstaben, Ziffern und Satzzeichen / letters, digits and punctuation only')
    .transform((s) => s.normalize('NFC')),
});

/** German and English side by side: every explanation a family reads. */
const bilingual = z.object({ de: z.string(), en: z.string() });

const wishOutcome = z.enum(['confirmed', 'waitlisted', 'not_drawn']);

/** A family's draw result: per child and wish what happened and why. */
export const familyResultSchema = z.object({
  programmeId: id,
  /** "Losnummer 312 von 812": the family's place in ticket order (1 = first). */
  ticket: z.number().int(),
  tickets: z.number().int(),
  children: z.array(
    z.object({
      childId: id,
      firstName: z.string(),
      wishes: z.array(
        z.object({
          rank: z.number().int().min(1),
          offerId: id,
          unitId: id,
          offerTitle: z.string(),
          unitLabel: z.string(),
          outcome: wishOutcome,
          /** The round the place was won in (1 = first places, rescue included). */
          round: z.number().int().optional(),
          waitlistPosition: z.number().int().optional(),
          /** The registration the draw wrote for this wish: its status lives on under "Meine Buchungen". */
          registrationId: id.optional(),
          reason: bilingual,
        }),
      ),
    }),
  ),
});
export type FamilyResult = z.infer<typeof familyResultSchema>;
