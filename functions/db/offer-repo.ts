import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { CatalogOffer, Offer, Unit } from '../../shared/schemas/offer.js';
import { batchGet, getItem, queryAll, toItem, transactionItems, transactWrite, withoutKeys, type Item, type TableRef } from './dynamo.js';
import type {
  FeedOffer,
  OfferEdit,
  OfferEditFailure,
  OfferRepo,
  OfferSpan,
  OfferStamps as Stamps,
  RemovedSession,
  StoredOffer,
  UnitItem,
} from '../ports/offers.js';
import { HeldPlaces } from './held-places.js';
import { RecentReads } from './recent-reads.js';
import { CANCELLED, CATALOG, indexKeys, keys, sortKey } from './keys.js';
import { ERASED_AT } from './retention-repo.js';

type OfferItem = Omit<Offer, 'units'> & OfferSpan & Stamps;

const unitFromItem = ({ id, label, capacity, confirmed, waiting }: UnitItem): Unit => {
  return { id, label, capacity, confirmed, waiting };
};

/** The offer item without its keys and without the retention's mark, which is the table's business, not the API's (test/support/contract.ts found it in answers). */
const withoutMarks = (item: Item) => {
  const { [ERASED_AT]: _erased, ...rest } = withoutKeys(item);
  return rest;
};

/** Groups an offer partition's (or an index's) items into offers with their units. */
function assembleOffers(items: Item[]): StoredOffer[] {
  const unitsByOffer = new Map<string, UnitItem[]>();
  for (const item of items) {
    if (String(item.sk).startsWith(sortKey.unit)) {
      const offerId = String(item.offerId);
      unitsByOffer.set(offerId, [...(unitsByOffer.get(offerId) ?? []), item as UnitItem]);
    }
  }
  const inOrder = (units: UnitItem[]) =>
    units
      .map((u, i) => ({ u, at: u.position ?? i }))
      .sort((a, b) => a.at - b.at)
      .map(({ u }) => unitFromItem(u));
  return items
    .filter((item) => item.sk === sortKey.offer)
    .map((item) => ({ ...(withoutMarks(item) as OfferItem), units: inOrder(unitsByOffer.get(String(item.id)) ?? []) }));
}
/** The offer as the public sees it: without the stamps. */
const publicOffer = ({ createdAt: _c, updatedAt: _u, version: _v, ...offer }: StoredOffer): CatalogOffer => offer;

/** How long a booking plans on an offer as this process last read it. */
const BOOKABLE_FOR_MS = 1000;

/** The offer with one unit's counters changed. */
const changeUnit = (offer: StoredOffer, unitId: string, change: (unit: Unit) => Partial<Unit>): StoredOffer => ({
  ...offer,
  units: offer.units.map((u) => (u.id === unitId ? { ...u, ...change(u) } : u)),
});

/** Offers and their bookable units. Registrations live in ./registration-repo.ts, the lines in ./waitlist-repo.ts. */
export function createOfferRepo(table: TableRef): OfferRepo {
  const { tableName: TableName } = table;
  // Offers as bookings in this process last read them: a rush reads its offer once a second, not once per family.
  const bookable = new RecentReads<StoredOffer>(BOOKABLE_FOR_MS);
  const held = new HeldPlaces();
  const { update, remove } = transactionItems(TableName);

  // Only published offers and their units carry catalog keys: drafts and cancelled offers are
  // absent from the public catalog by construction, not by a filter someone could forget.
  // Cancelled ones move to an index partition of their own, which only the calendar feeds read.
  const listedKeys = (offer: Pick<Offer, 'id' | 'status'>, span: OfferSpan, unitId?: string) => {
    if (offer.status === 'published') return unitId ? indexKeys.catalogUnit(span.lastDay, offer.id, unitId) : indexKeys.catalogOffer(span.lastDay, offer.id);
    if (offer.status === 'cancelled')
      return unitId ? indexKeys.cancelledUnit(span.lastDay, offer.id, unitId) : indexKeys.cancelledOffer(span.lastDay, offer.id);
    return undefined;
  };
  const catalogKeys = (offer: Pick<Offer, 'id' | 'status'>, span: OfferSpan, unitId?: string) => listedKeys(offer, span, unitId) ?? {};

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
    const catalog = listedKeys(after, span, unit.id);
    const lowered = unit.capacity < old.capacity && !edit.allowOverbooking;
    const set = ['#label = :label', '#capacity = :capacity', '#free = #free + :delta', '#position = :position', 'gsi2pk = :g2pk', 'gsi2sk = :g2sk'];
    const provider = indexKeys.providerUnit(after.providerId, span.firstStart, after.id, unit.id);
    return update(
      keys.unit(after.id, unit.id),
      catalog ? `SET ${[...set, 'gsi1pk = :g1pk', 'gsi1sk = :g1sk'].join(', ')}` : `SET ${set.join(', ')} REMOVE gsi1pk, gsi1sk`,
      // Capacity as read: a concurrent edit is not overwritten. Lowered capacity never drops
      // below the confirmed registrations unless the provider says so (no silent overbooking).
      `#capacity = :old${lowered ? ' AND #confirmed <= :capacity' : ''}`,
      {
        ':label': unit.label,
        ':capacity': unit.capacity,
        ':delta': unit.capacity - old.capacity,
        ':old': old.capacity,
        ':position': position,
        ':g2pk': provider.gsi2pk,
        ':g2sk': provider.gsi2sk,
        ...(catalog && { ':g1pk': catalog.gsi1pk, ':g1sk': catalog.gsi1sk }),
      },
    );
  };

  /** The sessions an edit drops, appended to the offer's `GONE` item without reading it. */
  const removedSessionsUpdate = (edit: OfferEdit): TransactWriteItem[] => {
    const kept = new Set(edit.after.sessions.map((s) => s.id));
    const removed: RemovedSession[] = edit.before.sessions.filter((s) => !kept.has(s.id)).map((s) => ({ ...s, removedAt: edit.now }));
    if (removed.length === 0) return [];
    return [
      update(keys.removedSessions(edit.after.id), 'SET #sessions = list_append(if_not_exists(#sessions, :none), :removed)', undefined, {
        ':none': [],
        ':removed': removed,
      }),
    ];
  };

  /** Each offer with the sessions edits removed from it (one BatchGetItem for all). */
  const withRemovedSessions = async (offers: StoredOffer[], consistent: boolean): Promise<FeedOffer[]> => {
    const gone = await batchGet<Item>(
      table,
      offers.map((o) => keys.removedSessions(o.id)),
      consistent,
    );
    const byOffer = new Map(gone.map((item) => [String(item.pk).slice(keys.offer('').pk.length), (item.sessions ?? []) as RemovedSession[]]));
    return offers.map((offer) => ({ ...offer, removedSessions: byOffer.get(offer.id) ?? [] }));
  };

  const listIndex = async (partitionKey: string, fromDay: string) =>
    assembleOffers(
      await queryAll<Item>(table, {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk >= :from',
        ExpressionAttributeValues: toItem({ ':pk': partitionKey, ':from': fromDay }),
      }),
    );

  return {
    async createOffer(offer, span, now) {
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

    updateOffer(edit) {
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
        ...removedSessionsUpdate(edit).map((item) => ({ item })),
        ...before.units
          .filter((u) => !kept.has(u.id))
          .map((unit) => ({
            // I5: a unit with registrations keeps counting them; it cannot simply vanish.
            item: remove(keys.unit(before.id, unit.id), '#confirmed = :zero AND #waiting = :zero', { ':zero': 0 }),
            failure: (): OfferEditFailure => ({ kind: 'unit-in-use', unitId: unit.id }),
          })),
      ]);
    },

    async getStoredOffer(offerId) {
      const items = await queryAll<Item>(table, {
        // 'OFFER' < 'UNIT#…' < 'WAIT#…' in key order: this range skips guards and waitlists.
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :offer AND :units',
        ExpressionAttributeValues: toItem({ ':pk': keys.offer(offerId).pk, ':offer': sortKey.offer, ':units': `${sortKey.unit}\uffff` }),
        ConsistentRead: true,
      });
      return assembleOffers(items)[0];
    },

    async listProviderOffers(providerId) {
      const items = await queryAll<Item>(table, {
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: toItem({ ':pk': indexKeys.providerOffer(providerId, '', '').gsi2pk }),
      });
      return assembleOffers(items);
    },

    async getBookableOffer(offerId, fresh = false) {
      const offer = await bookable.get(offerId, () => this.getStoredOffer(offerId), fresh);
      return offer && { ...offer, units: offer.units.map((u) => ({ ...u, confirmed: u.confirmed + held.count(`${offerId}#${u.id}`) })) };
    },

    noteUnitCounters(offerId, unitId, { capacity, confirmed, waiting }) {
      bookable.update(offerId, (offer) => changeUnit(offer, unitId, () => ({ capacity, confirmed, waiting })));
    },

    holdPlaces(offerId, unitId, n) {
      const hold = held.hold(`${offerId}#${unitId}`, n);
      return {
        release(booked) {
          // A committed booking's places count as taken in the copy until it is read again.
          if (booked) {
            bookable.update(offerId, (offer) => changeUnit(offer, unitId, (u) => ({ confirmed: u.confirmed + n, waiting: u.waiting + booked.waiting })));
          }
          hold.release();
        },
      };
    },

    placesInFlight: (offerId, unitId) => held.inFlight(`${offerId}#${unitId}`),

    async getOffer(offerId) {
      const stored = await this.getStoredOffer(offerId);
      return stored && publicOffer(stored);
    },

    // The catalog index is eventually consistent: list numbers may lag a booking; the detail never does.
    async listCatalog(fromDay) {
      return (await listIndex(CATALOG, fromDay)).map(publicOffer);
    },

    async listFeedOffers(fromDay) {
      const [published, cancelled] = await Promise.all([listIndex(CATALOG, fromDay), listIndex(CANCELLED, fromDay)]);
      return withRemovedSessions([...published, ...cancelled], false);
    },

    async getFeedOffer(offerId) {
      // Both reads at once: a family's feed reads every offer it booked this way.
      const [offer, gone] = await Promise.all([this.getStoredOffer(offerId), getItem<{ sessions?: RemovedSession[] }>(table, keys.removedSessions(offerId))]);
      return offer && { ...offer, removedSessions: gone?.sessions ?? [] };
    },
  };
}
