import { createHash } from 'node:crypto';
import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { RegistrationStatus } from '../../shared/schemas/registration.js';
import type { OfferStats, StatsRepo } from '../ports/stats.js';
import { batchGet, toItem, withoutKeys, type Item, type TableRef } from './dynamo.js';
import { keys } from './keys.js';

/** An offer's dashboard counters by name (e.g. `att:present`); absent names count 0. */
export type OfferCounters = Record<string, number>;

/**
 * The update that moves an offer's counters (those of its unit `unitId`, if given) by the sum of
 * `deltas`, for a transaction to append. One update per item: a transaction may touch an item only once.
 */
export function statsUpdate(table: TableRef, offerId: string, deltas: OfferCounters[], unitId?: string): TransactWriteItem {
  const sum = new Map<string, number>();
  for (const delta of deltas) for (const [name, n] of Object.entries(delta)) sum.set(name, (sum.get(name) ?? 0) + n);
  const entries = [...sum];
  return {
    Update: {
      TableName: table.tableName,
      Key: toItem(keys.offerStats(offerId, unitId)),
      // ADD creates a missing counter at 0 first, so the item needs no set-up.
      UpdateExpression: `ADD ${entries.map((_, i) => `#c${i} :c${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#c${i}`, name])),
      ExpressionAttributeValues: toItem(Object.fromEntries(entries.map(([, n], i) => [`:c${i}`, n]))),
    },
  };
}

/**
 * One registration's move between statuses (`from` absent: new; `to` absent: gone), with what a
 * dashboard counts it by: the family's municipality of residence (`other` outside the region)
 * and the child's age band on the offer's first day, both fixed at booking.
 */
export type RegistrationMove = {
  unitId: string;
  householdId: string;
  childId: string;
  residence: string;
  band: string;
  from?: RegistrationStatus;
  to?: RegistrationStatus;
};

/**
 * A one-way digest of an id: per-child and per-family counters make distinct counts exact, but
 * keep no id that erasing a family would have to find (64 bits: no collisions at a region's size).
 */
const digest = (id: string) => createHash('sha256').update(id).digest('base64url').slice(0, 11);

/** The counters one registration adds to while in `status`. */
export const countersOf = (m: RegistrationMove, status: RegistrationStatus | undefined): string[] =>
  status === 'confirmed'
    ? [`conf:${m.band}`, `kid:${m.residence}:${digest(m.childId)}`, `hh:${m.residence}:${digest(m.householdId)}`]
    : status === 'waitlisted'
      ? [`wait:${m.band}`]
      : [];

/** Reads the counter names `countersOf` and the attendance transaction write; counters at 0 count nothing. */
function readStats(counters: OfferCounters): OfferStats {
  const stats: OfferStats = { confirmedByBand: {}, waitingByBand: {}, children: [], families: [], attendance: {} };
  for (const [name, n] of Object.entries(counters)) {
    if (n <= 0) continue;
    const [kind, a = '', b = ''] = name.split(':');
    if (kind === 'conf') stats.confirmedByBand[a] = n;
    if (kind === 'wait') stats.waitingByBand[a] = n;
    if (kind === 'kid') stats.children.push({ residence: a, id: b });
    if (kind === 'hh') stats.families.push({ residence: a, id: b });
    if (kind === 'att') stats.attendance[a] = n;
  }
  return stats;
}

/**
 * What a booking, cancellation or offered-place transaction appends so that the offer's dashboard
 * counters move with its registrations (I5): one update per unit whose counters move, so that
 * bookings of different units share no item. A registration stored without its dimensions was
 * never counted, so its moves are not either.
 */
export function registrationStatsUpdates(
  table: TableRef,
  offerId: string,
  moves: (Omit<RegistrationMove, 'residence' | 'band'> & Partial<Pick<RegistrationMove, 'residence' | 'band'>>)[],
): TransactWriteItem[] {
  const byUnit = new Map<string, OfferCounters[]>();
  for (const { residence, band, ...move } of moves) {
    if (residence === undefined || band === undefined) continue;
    const m = { ...move, residence, band };
    const deltas = [...countersOf(m, m.from).map((name) => ({ [name]: -1 })), ...countersOf(m, m.to).map((name) => ({ [name]: 1 }))];
    if (deltas.length > 0) byUnit.set(m.unitId, [...(byUnit.get(m.unitId) ?? []), ...deltas]);
  }
  return [...byUnit].map(([unitId, deltas]) => statsUpdate(table, offerId, deltas, unitId));
}

/** The offers' counter items: one per offer and one per unit, however many registrations and marks it has. */
export function createStatsRepo(table: TableRef): StatsRepo {
  return {
    async getStats(offers) {
      const keysOf = offers.flatMap((o) => [keys.offerStats(o.id), ...o.units.map((u) => keys.offerStats(o.id, u.id))]);
      const summed = new Map<string, OfferCounters>();
      for (const item of await batchGet<Item>(table, keysOf)) {
        const offerId = String(item.pk).slice(keys.offer('').pk.length);
        const counters = summed.get(offerId) ?? {};
        for (const [name, n] of Object.entries(withoutKeys(item))) counters[name] = (counters[name] ?? 0) + Number(n);
        summed.set(offerId, counters);
      }
      return offers.map((o) => readStats(summed.get(o.id) ?? {}));
    },
  };
}
