import { TransactWriteItemsCommand, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { Offer, Unit } from '../../shared/schemas/offer.js';
import { queryAll, toItem, withoutKeys, type TableRef } from './dynamo.js';
import { indexKeys, keys } from './keys.js';

/** Where an offer sits in time, in the region's calendar days; computed by the domain. */
export type OfferSpan = { firstDay: string; lastDay: string; firstStart: string };

/**
 * The stored unit: the public counters plus what the booking conditions need. `free` is
 * capacity − confirmed, kept beside them because a condition expression cannot subtract.
 * `waitTail` is the last waitlist ticket handed out.
 */
export type UnitItem = Unit & { offerId: string; free: number; waitTail: number };
export type OfferItem = Omit<Offer, 'units'> & OfferSpan & { createdAt: string; updatedAt: string };

const unitFromItem = (item: Record<string, unknown>): Unit => {
  const { id, label, capacity, confirmed, waiting } = item as UnitItem;
  return { id, label, capacity, confirmed, waiting };
};
const offerFromItem = (item: Record<string, unknown>, units: Unit[]): Offer & OfferSpan => {
  const { createdAt: _c, updatedAt: _u, ...offer } = withoutKeys(item) as OfferItem;
  return { ...offer, units };
};

/** Groups an offer partition's (or the catalog index's) items into offers with their units. */
function assembleOffers(items: Record<string, unknown>[]): (Offer & OfferSpan)[] {
  const unitsByOffer = new Map<string, Unit[]>();
  for (const item of items) {
    if (String(item.sk).startsWith('UNIT#')) {
      const offerId = String(item.offerId);
      unitsByOffer.set(offerId, [...(unitsByOffer.get(offerId) ?? []), unitFromItem(item)]);
    }
  }
  return items
    .filter((item) => item.sk === 'OFFER')
    .map((item) => offerFromItem(item, unitsByOffer.get(String(item.id)) ?? []));
}

/** Offers and their bookable units. Registrations and waitlists live in ./registration-repo.ts. */
export function createOfferRepo(table: TableRef) {
  const { client, tableName: TableName } = table;

  const catalogKeys = (offer: Offer, span: OfferSpan, unitId?: string) =>
    offer.status !== 'published'
      ? {}
      : unitId
        ? indexKeys.catalogUnit(span.lastDay, offer.id, unitId)
        : indexKeys.catalogOffer(span.lastDay, offer.id);

  return {
    /** Writes a new offer with its units in one transaction; false if the id is taken. */
    async createOffer(offer: Offer, span: OfferSpan, now: string): Promise<boolean> {
      const { units, ...fields } = offer;
      try {
        await client.send(
          new TransactWriteItemsCommand({
            TransactItems: [
              {
                Put: {
                  TableName,
                  Item: toItem({
                    ...keys.offer(offer.id),
                    ...catalogKeys(offer, span),
                    ...indexKeys.providerOffer(offer.providerId, span.firstStart, offer.id),
                    ...fields,
                    ...span,
                    createdAt: now,
                    updatedAt: now,
                  }),
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              ...units.map((unit) => ({
                Put: {
                  TableName,
                  Item: toItem({
                    ...keys.unit(offer.id, unit.id),
                    ...catalogKeys(offer, span, unit.id),
                    ...unit,
                    offerId: offer.id,
                    free: unit.capacity - unit.confirmed,
                    waitTail: 0,
                  } satisfies UnitItem & Record<string, unknown>),
                },
              })),
            ],
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
          return false;
        }
        throw error;
      }
    },

    /** The offer and its units, strongly consistent: the numbers a family books against. */
    async getOffer(offerId: string): Promise<(Offer & OfferSpan) | undefined> {
      const items = await queryAll<Record<string, unknown>>(table, {
        // 'OFFER' < 'UNIT#…' < 'WAIT#…' in key order: this range skips guards and waitlists.
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :offer AND :units',
        ExpressionAttributeValues: toItem({ ':pk': keys.offer(offerId).pk, ':offer': 'OFFER', ':units': 'UNIT#\uffff' }),
        ConsistentRead: true,
      });
      return assembleOffers(items)[0];
    },

    /**
     * Published offers (with units) whose last day is `fromDay` or later. The index is
     * eventually consistent: list numbers may lag a booking by a moment; the detail never does.
     */
    async listCatalog(fromDay: string): Promise<(Offer & OfferSpan)[]> {
      const items = await queryAll<Record<string, unknown>>(table, {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk >= :from',
        ExpressionAttributeValues: toItem({ ':pk': 'CATALOG', ':from': fromDay }),
      });
      return assembleOffers(items);
    },
  };
}
export type OfferRepo = ReturnType<typeof createOfferRepo>;
