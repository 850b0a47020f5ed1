import { ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { isActive } from '../../shared/registration-status.js';
import type { UnitItem } from '../ports/offers.js';
import type { RegistrationItem } from '../ports/registrations.js';
import { fromItem, withoutKeys, type Item, type TableRef } from './dynamo.js';
import { keys, partition, sortKey } from './keys.js';
import { ERASED_AT } from './retention-repo.js';
import { countersOf } from './stats-repo.js';

/** One broken rule, naming the item (`pk / sk`) that breaks it. */
export type Inconsistency = { invariant: 'I1' | 'I2' | 'I3' | 'I5'; item: string; message: string };

const itemName = (item: Item) => `${String(item.pk)} / ${String(item.sk)}`;

/** Counts by key, for comparing a stored counter with what the registrations say. */
class Tally {
  private readonly counts = new Map<string, number>();
  add(key: string, n = 1) {
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
  }
  keys() {
    return this.counts.keys();
  }
  get(key: string) {
    return this.counts.get(key) ?? 0;
  }
  entries() {
    return this.counts.entries();
  }
}

/**
 * Checks the whole table's booking data against I1, I2, I3 and I5: every unit's `confirmed`
 * (places confirmed or offered), `waiting` (which may also count waitlist reservations still in
 * flight) and `free`, every offered place's pending deadline, every child's `activeRegistrations`, every guard and waitlist entry,
 * and every offer's dashboard counters, recomputed from the registrations and attendance
 * marks. An offer whose personal data is erased (retention) keeps its counters without the
 * registrations and marks behind them: its units' `confirmed`/`waiting` and its dashboard
 * counters are not compared, everything else is. Pure: the items come from `scanTable`.
 */
export function findInconsistencies(items: Item[]): Inconsistency[] {
  const problems: Inconsistency[] = [];
  const report = (invariant: Inconsistency['invariant'], item: Item | string, message: string) =>
    problems.push({ invariant, item: typeof item === 'string' ? item : itemName(item), message });

  const units = new Map<string, UnitItem & Item>();
  const guards = new Map<string, Item>();
  const waits = new Map<string, Item>();
  const children = new Map<string, Item>();
  const registrations = new Map<string, RegistrationItem & Item>();
  const stats: [offerId: string, item: Item][] = [];
  const dueWork = new Map<string, Item>();
  const lines = new Map<string, Item[]>();
  // Offers whose personal data is erased: their units' and dashboard counters outlive the registrations and marks they counted.
  const erasedOffers = new Set<string>();
  const expectedCounters = new Tally();
  for (const item of items) {
    const [pk, sk] = [String(item.pk), String(item.sk)];
    const inOffer = pk.startsWith(partition.offer);
    const offerId = pk.slice(partition.offer.length);
    const skAfter = (prefix: string) => sk.slice(prefix.length);
    if (inOffer && sk.startsWith(sortKey.unit)) units.set(`${offerId}/${skAfter(sortKey.unit)}`, item as UnitItem & Item);
    else if (inOffer && sk.startsWith(sortKey.guard)) guards.set(itemName(item), item);
    else if (inOffer && sk.startsWith(sortKey.waitlist)) {
      waits.set(itemName(item), item);
      const unitKey = `${offerId}/${skAfter(sortKey.waitlist).split('#')[0]}`;
      lines.set(unitKey, [...(lines.get(unitKey) ?? []), item]);
    } else if (pk.startsWith(partition.household) && sk.startsWith(sortKey.child)) {
      children.set(`${pk.slice(partition.household.length)}/${skAfter(sortKey.child)}`, item);
    } else if (pk.startsWith(partition.registration)) registrations.set(String(item.id), item as RegistrationItem & Item);
    else if (inOffer && sk.startsWith(sortKey.stats)) stats.push([offerId, item]);
    else if (pk.startsWith(partition.due)) dueWork.set(itemName(item), item);
    else if (inOffer && sk.startsWith(sortKey.attendance)) expectedCounters.add(`${offerId}/att:${String(item.mark)}`);
    else if (inOffer && sk === sortKey.offer && item[ERASED_AT] !== undefined) erasedOffers.add(offerId);
  }

  const confirmed = new Tally();
  const waiting = new Tally();
  const perChild = new Tally();
  const perChildAndUnit = new Tally();
  const maxTicket = new Map<string, number>();
  for (const r of registrations.values()) {
    if (!isActive(r.status)) continue;
    const unit = `${r.offerId}/${r.unitId}`;
    // A place offered with a deadline is taken: the unit counts it with the confirmed ones.
    (r.status === 'waitlisted' ? waiting : confirmed).add(unit);
    // A registration stored without its dashboard dimensions was never counted (see stats-repo).
    if (r.residence !== undefined && r.band !== undefined) {
      for (const name of countersOf({ ...r, residence: r.residence, band: r.band }, r.status)) expectedCounters.add(`${r.offerId}/${name}`);
    }
    perChild.add(`${r.householdId}/${r.childId}`);
    perChildAndUnit.add(`${unit}/${r.childId}`);
    if (!units.has(unit)) report('I5', r, `registration for unknown unit ${unit}`);
    const guard = keys.childInUnit(r.offerId, r.unitId, r.childId);
    if (guards.get(itemName(guard))?.registrationId !== r.id) {
      report('I2', r, `active registration without its guard ${guard.sk}`);
    }
    if (r.status === 'waitlisted') {
      const entry = r.ticket === undefined ? undefined : waits.get(itemName(keys.waitlistEntry(r.offerId, r.unitId, r.ticket)));
      if (entry?.registrationId !== r.id) report('I3', r, `waitlisted without its waitlist entry (ticket ${r.ticket})`);
      maxTicket.set(unit, Math.max(maxTicket.get(unit) ?? 0, r.ticket ?? 0));
    }
    if (r.status === 'offered') {
      // I3: an offered place ends at its deadline, so the deadline must be filed as due work.
      const deadline = dueWork.get(itemName(keys.dueWork('offer-expiry', r.offerGroup?.[0] ?? r.id)));
      if (!r.offerExpiresAt || deadline?.gsi1pk === undefined) report('I3', r, 'offered without a pending deadline');
    }
  }
  for (const [key, count] of perChildAndUnit.entries()) {
    if (count > 1) report('I2', key, `${count} active registrations of one child in one unit`);
  }
  for (const guard of guards.values()) {
    const r = registrations.get(String(guard.registrationId));
    if (!r || !isActive(r.status) || !String(guard.sk).endsWith(`#${r.unitId}#${r.childId}`)) {
      report('I2', guard, `guard of registration ${String(guard.registrationId)}, which is not active here`);
    }
  }
  for (const entry of waits.values()) {
    const r = registrations.get(String(entry.registrationId));
    if (r?.status !== 'waitlisted' || r.ticket !== entry.ticket) {
      report('I3', entry, `waitlist entry of registration ${String(entry.registrationId)}, which does not wait here`);
    }
  }
  /** How many places the first family in a unit's line needs (all of its children there), skipping families that could never fit. */
  const headFamilyNeeds = (unitKey: string, capacity: number): number | undefined => {
    const families = new Map<string, number>();
    const line = (lines.get(unitKey) ?? []).sort((a, b) => String(a.sk).localeCompare(String(b.sk)));
    for (const entry of line) {
      const family = String(entry.householdId ?? entry.registrationId);
      families.set(family, (families.get(family) ?? 0) + 1);
    }
    return [...families.values()].find((n) => n <= capacity);
  };
  for (const [key, unit] of units) {
    const [c, w] = [confirmed.get(key), waiting.get(key)];
    if (unit.confirmed > unit.capacity) report('I1', unit, `confirmed ${unit.confirmed} above capacity ${unit.capacity}`);
    const backed = !erasedOffers.has(key.split('/')[0] ?? '');
    if (backed && unit.confirmed !== c) report('I5', unit, `confirmed is ${unit.confirmed}, registrations say ${c}`);
    // A reservation moves `waiting` before its booking completes: while one may be in flight (the
    // unit is marked until the sweep settles it), `waiting` counts those bookings too.
    const inFlight = unit.reservedAt !== undefined && unit.waiting > w;
    if (backed && unit.waiting !== w && !inFlight) report('I5', unit, `waiting is ${unit.waiting}, registrations say ${w}`);
    if (unit.free !== unit.capacity - unit.confirmed) {
      report('I5', unit, `free is ${unit.free}, capacity − confirmed is ${unit.capacity - unit.confirmed}`);
    }
    // Free places while families wait are owed to the head of the line, unless its family needs
    // more places than are free (it collects them) or a last call waits for the first to accept.
    const needed = headFamilyNeeds(key, unit.capacity);
    if (unit.free > 0 && needed !== undefined && needed <= unit.free && !unit.lastCall) {
      report('I3', unit, `${unit.free} places free while ${unit.waiting} wait`);
    }
    if ((maxTicket.get(key) ?? 0) > (unit.waitTail ?? 0)) report('I3', unit, `waitTail ${unit.waitTail} below a ticket in use`);
  }
  const storedCounters = new Tally();
  for (const [offerId, item] of stats) {
    for (const [name, n] of Object.entries(withoutKeys(item))) storedCounters.add(`${offerId}/${name}`, Number(n));
  }
  for (const key of new Set([...storedCounters.keys(), ...expectedCounters.keys()])) {
    const [offerId = '', name = ''] = key.split(/\/(.*)/s);
    if (erasedOffers.has(offerId)) continue;
    const [stored, expected] = [storedCounters.get(key), expectedCounters.get(key)];
    if (stored !== expected) report('I5', itemName(keys.offerStats(offerId)), `counter ${name} is ${stored}, registrations and marks say ${expected}`);
  }
  for (const [key, child] of children) {
    const stored = Number(child.activeRegistrations ?? 0);
    if (stored !== perChild.get(key)) {
      report('I5', child, `activeRegistrations is ${stored}, registrations say ${perChild.get(key)}`);
    }
  }
  for (const [key, count] of perChild.entries()) {
    const [householdId = '', childId = ''] = key.split('/');
    if (!children.has(key)) report('I5', itemName(keys.child(householdId, childId)), `${count} active registrations of a missing child`);
  }
  return problems;
}

/** Every item of the table, strongly consistent, page by page. */
export async function scanTable({ client, tableName }: TableRef): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const out = await client.send(new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []).map((i) => fromItem(i)));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Scans the table and checks it; what `npm run check:consistency` runs. */
export async function checkConsistency(table: TableRef): Promise<{ checked: number; problems: Inconsistency[] }> {
  const items = await scanTable(table);
  return { checked: items.length, problems: findInconsistencies(items) };
}
