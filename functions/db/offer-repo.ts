import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { Offer, Unit } from '../../shared/schemas/offer.js';
import { queryAll, toItem, transactWrite, withoutKeys, type Item, type TableRef } from './dynamo.js';
import { indexKeys, keys } from './keys.js';

/** Where an offer sits in time, in the region's calendar days; computed by the domain. */
export type OfferSpan = { firstDay: string; lastDay: string; firstStart: string };

/**
 * The stored unit: the public counters plus what the booking conditions need. `free` is
 * capacity − confirmed, kept beside them because a condition expression cannot subtract.
 * `waitTail` is the last waitlist ticket handed out. `position` keeps the units in the order
 * the provider entered them (their keys sort by id).
 */
export type UnitItem = Unit & { offerId: string; free: number; waitTail: number; position?: number };
/** `version` counts saved edits; an edit's condition compares it (timestamps can tie). */
type Stamps = { createdAt: string; updatedAt: string; version: number };
export type OfferItem = Omit<Offer, 'units'> & OfferSpan & Stamps;
/** An offer as stored, with the stamp an edit's condition compares (see `updateOffer`). */
export type StoredOffer = Offer & OfferSpan & Stamps;

/** What an edit changes: the offer as read, as it is to be, and whether overbooking is meant. */
export type OfferEdit = {
  before: StoredOffer;
  after: Offer;
  span: OfferSpan;
  now: string;
  allowOverbooking: boolean;
};
/** Why an edit's transaction was refused, one entry per failed condition. */
export type OfferEditFailure =
  | { kind: 'changed' }
  | { kind: 'below-confirmed'; unitId: string }
  | { kind: 'unit-in-use'; unitId: string };

const unitFromItem = ({ id, label, capacity, confirmed, waiting }: UnitItem): Unit => {
  return { id, label, capacity, confirmed, waiting };
};

/** Groups an offer partition's (or an index's) items into offers with their units. */
function assembleOffers(items: Item[]): StoredOffer[] {
  const unitsByOffer = new Map<string, UnitItem[]>();
  for (const item of items) {
    if (String(item.sk).startsWith('UNIT#')) {
      const offerId = String(item.offerId);
      unitsByOffer.set(offerId, [...(unitsByOffer.get(offerId) ?? []), item as UnitItem]);
    }
  }
  const inOrder = (units: UnitItem[]) =>
    units.map((u, i) => ({ u, at: u.position ?? i })).sort((a, b) => a.at - b.at).map(({ u }) => unitFromItem(u));
  return items
    .filter((item) => item.sk === 'OFFER')
    .map((item) => ({ ...(withoutKeys(item) as OfferItem), units: inOrder(unitsByOffer.get(String(item.id)) ?? []) }));
}
/** The offer as the public sees it: without the stamps. */
const publicOffer = ({ createdAt: _c, updatedAt: _u, version: _v, ...offer }: StoredOffer): Offer & OfferSpan => offer;

const names = (...attrs: string[]) => Object.fromEntries(attrs.map((a) => [`#${a}`, a]));

/** Offers and their bookable units. Registrations and waitlists live in ./registration-repo.ts. */
export function createOfferRepo(table: TableRef) {
  const { tableName: TableName } = table;

  // Only published offers and their units carry catalog keys: drafts and cancelled offers are
  // absent from the public catalog by construction, not by a filter someone could forget.
  const catalogKeys = (offer: Pick<Offer, 'id' | 'status'>, span: OfferSpan, unitId?: string) =>
    offer.status !== 'published'
      ? {}
      : unitId
        ? indexKeys.catalogUnit(span.lastDay, offer.id, unitId)
        : indexKeys.catalogOffer(span.lastDay, offer.id);

  const offerItem = ({ units: _units, ...fields }: Offer, span: OfferSpan, stamps: Stamps): Item => ({
    ...keys.offer(fields.id),
    ...catalogKeys(fields, span),
    ...indexKeys.providerOffer(fields.providerId, span.firstStart, fields.id),
    ...fields,
    ...span,
    ...stamps,
  });
  const newUnitPut = (offer: Offer, span: OfferSpan, unit: Unit, position: number): TransactWriteItem => ({
    Put: {
      TableName,
      Item: toItem({
        ...keys.unit(offer.id, unit.id),
        ...catalogKeys(offer, span, unit.id),
        ...indexKeys.providerUnit(offer.providerId, span.firstStart, offer.id, unit.id),
        ...unit,
        offerId: offer.id,
        free: unit.capacity - unit.confirmed,
        waitTail: 0,
        position,
      } satisfies UnitItem & Item),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  });

  /**
   * An existing unit's new label, capacity and index keys. Counters stay the booking engine's:
   * `free` moves by the capacity's change, so a booking committing meanwhile is not undone.
   */
  const unitUpdate = (edit: OfferEdit, unit: Unit, old: Unit, position: number): TransactWriteItem => {
    const { after, span } = edit;
    const catalog = after.status === 'published' ? indexKeys.catalogUnit(span.lastDay, after.id, unit.id) : undefined;
    const lowered = unit.capacity < old.capacity && !edit.allowOverbooking;
    const set = ['#label = :label', '#capacity = :capacity', '#free = #free + :delta', '#position = :position', 'gsi2pk = :g2pk', 'gsi2sk = :g2sk'];
    const provider = indexKeys.providerUnit(after.providerId, span.firstStart, after.id, unit.id);
    return {
      Update: {
        TableName,
        Key: toItem(keys.unit(after.id, unit.id)),
        UpdateExpression:
          catalog
            ? `SET ${[...set, 'gsi1pk = :g1pk', 'gsi1sk = :g1sk'].join(', ')}`
            : `SET ${set.join(', ')} REMOVE gsi1pk, gsi1sk`,
        // Capacity as read: a concurrent edit is not overwritten. Lowered capacity never drops
        // below the confirmed registrations unless the provider says so (no silent overbooking).
        ConditionExpression: `#capacity = :old${lowered ? ' AND #confirmed <= :capacity' : ''}`,
        ExpressionAttributeNames: names('label', 'capacity', 'free', 'position', ...(lowered ? ['confirmed'] : [])),
        ExpressionAttributeValues: toItem({
          ':label': unit.label,
          ':capacity': unit.capacity,
          ':delta': unit.capacity - old.capacity,
          ':old': old.capacity,
          ':position': position,
          ':g2pk': provider.gsi2pk,
          ':g2sk': provider.gsi2sk,
          ...(catalog && { ':g1pk': catalog.gsi1pk, ':g1sk': catalog.gsi1sk }),
        }),
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    };
  };

  return {
    /** Writes a new offer with its units in one transaction; false if the id is taken. */
    async createOffer(offer: Offer, span: OfferSpan, now: string): Promise<boolean> {
      const failures = await transactWrite(table, [
        {
          item: {
            Put: {
              TableName,
              Item: toItem(offerItem(offer, span, { createdAt: now, updatedAt: now, version: 0 })),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          failure: () => 'taken' as const,
        },
        ...offer.units.map((unit, i) => ({ item: newUnitPut(offer, span, unit, i) })),
      ]);
      return failures.length === 0;
    },

    /**
     * Applies an edit in one transaction: the offer (only if nobody saved it since it was read),
     * its units' labels, capacities and index keys, new units, and removed units (only while
     * nobody is registered in them). [] when it committed.
     */
    updateOffer(edit: OfferEdit): Promise<OfferEditFailure[]> {
      const { before, after, span, now } = edit;
      const oldUnits = new Map(before.units.map((u) => [u.id, u]));
      const kept = new Set(after.units.map((u) => u.id));
      return transactWrite<OfferEditFailure>(table, [
        {
          item: {
            Put: {
              TableName,
              Item: toItem(offerItem(after, span, { createdAt: before.createdAt, updatedAt: now, version: before.version + 1 })),
              // Nobody saved the offer since it was read: concurrent edits never overwrite each other.
              ConditionExpression: 'version = :read',
              ExpressionAttributeValues: toItem({ ':read': before.version }),
            },
          },
          failure: () => ({ kind: 'changed' }),
        },
        ...after.units.map((unit, i) => {
          const old = oldUnits.get(unit.id);
          if (!old) return { item: newUnitPut(after, span, unit, i), failure: (): OfferEditFailure => ({ kind: 'changed' }) };
          return {
            item: unitUpdate(edit, unit, old, i),
            failure: (stored: Item | undefined): OfferEditFailure =>
              stored?.capacity === old.capacity ? { kind: 'below-confirmed', unitId: unit.id } : { kind: 'changed' },
          };
        }),
        ...before.units
          .filter((u) => !kept.has(u.id))
          .map((unit) => ({
            item: {
              Delete: {
                TableName,
                Key: toItem(keys.unit(before.id, unit.id)),
                // I5: a unit with registrations keeps counting them; it cannot simply vanish.
                ConditionExpression: '#confirmed = :zero AND #waiting = :zero',
                ExpressionAttributeNames: names('confirmed', 'waiting'),
                ExpressionAttributeValues: toItem({ ':zero': 0 }),
              },
            },
            failure: (): OfferEditFailure => ({ kind: 'unit-in-use', unitId: unit.id }),
          })),
      ]);
    },

    /** The offer with its units and stamps, strongly consistent: what an edit decides on. */
    async getStoredOffer(offerId: string): Promise<StoredOffer | undefined> {
      const items = await queryAll<Item>(table, {
        // 'OFFER' < 'UNIT#…' < 'WAIT#…' in key order: this range skips guards and waitlists.
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :offer AND :units',
        ExpressionAttributeValues: toItem({ ':pk': keys.offer(offerId).pk, ':offer': 'OFFER', ':units': 'UNIT#\uffff' }),
        ConsistentRead: true,
      });
      return assembleOffers(items)[0];
    },

    /** A provider's offers of every status, with units, soonest first (eventually consistent index). */
    async listProviderOffers(providerId: string): Promise<StoredOffer[]> {
      const items = await queryAll<Item>(table, {
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: toItem({ ':pk': indexKeys.providerOffer(providerId, '', '').gsi2pk }),
      });
      return assembleOffers(items);
    },

    /** The offer and its units, strongly consistent: the numbers a family books against. */
    async getOffer(offerId: string): Promise<(Offer & OfferSpan) | undefined> {
      const stored = await this.getStoredOffer(offerId);
      return stored && publicOffer(stored);
    },

    /**
     * Published offers (with units) whose last day is `fromDay` or later. The index is
     * eventually consistent: list numbers may lag a booking by a moment; the detail never does.
     */
    async listCatalog(fromDay: string): Promise<(Offer & OfferSpan)[]> {
      const items = await queryAll<Item>(table, {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk >= :from',
        ExpressionAttributeValues: toItem({ ':pk': 'CATALOG', ':from': fromDay }),
      });
      return assembleOffers(items).map(publicOffer);
    },
  };
}
export type OfferRepo = ReturnType<typeof createOfferRepo>;
