import * as z from 'zod';
import { id, isoDate } from './common.js';

/** The range is of offer days: an offer counts when any of its days falls between `from` and `to`. */
export const dashboardQuery = z
  .object({
    /** A municipality as offer location; omitted: the caller's own, or the region for `'*'`. */
    municipality: id.optional(),
    from: isoDate,
    to: isoDate,
  })
  .refine((q) => q.from <= q.to, { message: 'from ≤ to', path: ['to'], params: { code: 'to_before_from' } });
export type DashboardQuery = z.infer<typeof dashboardQuery>;

/** A count of children or families: below 3 it is shown as "<3", so nobody can be singled out. */
const suppressedCount = z.union([z.number().int().min(3), z.literal('<3')]);
/** A rate whose numerator counts children: suppressed like that count. */
const suppressedRate = z.union([z.number().min(0), z.literal('<3')]);

const demand = z.object({ confirmed: suppressedCount, waiting: suppressedCount });
const supply = demand.extend({ offers: z.number().int(), places: z.number().int(), fillRate: suppressedRate });

export const AGE_BANDS = ['0-2', '3-5', '6-9', '10-13', '14+'] as const;
/** Residence outside the region's municipalities, or not given yet. */
export const OTHER_RESIDENCE = 'other';

export const dashboardSchema = z.object({
  scope: z.object({ municipality: z.union([id, z.literal('*')]), from: isoDate, to: isoDate }),
  totals: supply.extend({ children: suppressedCount, families: suppressedCount, attendanceRate: suppressedRate.nullable() }),
  byCategory: z.array(supply.extend({ category: id })),
  byAgeBand: z.array(demand.extend({ band: z.enum(AGE_BANDS) })),
  byResidence: z.array(z.object({ residence: id, children: suppressedCount, families: suppressedCount })),
  /** Cross-municipal use: confirmed children by where they live × where the offer takes place. */
  matrix: z.array(z.object({ residence: id, location: id, children: suppressedCount })),
  /** By the week (its Monday) of each offer's first day. */
  weekly: z.array(supply.extend({ week: isoDate })),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
