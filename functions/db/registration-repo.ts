import {
  DeleteItemCommand,
  QueryCommand,
  UpdateItemCommand,
  type AttributeValue,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import type { Registration } from '../../shared/schemas/registration.js';
import type { Offer } from '../../shared/schemas/offer.js';
import { fromItem, getItem, queryAll, toItem, transactWrite, withoutKeys, type Item, type TableRef, type TransactEntry } from './dynamo.js';
import { indexKeys, keys, type Key } from './keys.js';
import type { OfferSpan, UnitItem } from './offer-repo.js';
import { registrationStatsUpdates } from './stats-repo.js';

/** The stored registration: the public fields plus what listing, cancelling and erasing need. */
export type RegistrationItem = Omit<Registration, 'waitlistPosition'> & {
  householdId: string;
  /** The waitlist ticket, while waitlisted: the sort key of its WAIT# entry. */
  ticket?: number;
  /** Copied at booking so a household's list needs no offer reads. */
  offerTitle: string;
  unitLabel: string;
  updatedAt: string;
  /** Dashboard dimensions fixed at booking: municipality of residence and age band. */
  residence?: string;
  band?: string;
};
export type BookedRegistration = Pick<RegistrationItem, 'id' | 'offerId' | 'unitId' | 'childId' | 'status' | 'ticket' | 'createdAt'>;
/** What a booking answered, kept with its idempotency record so that a repeat answers the same (I4). */
export type BookingAnswer = { single: boolean; registrations: BookedRegistration[] };
export type IdempotencyRecord = { fingerprint: string; answer: BookingAnswer; expiresAt: number };

/** The offer as the booking decided on it; the transaction checks it is still so. */
export type OfferSnapshot = Pick<
  Offer,
  'id' | 'bookingMode' | 'waitlist' | 'ageRange' | 'registrationOpens' | 'registrationCloses'
> &
  Pick<OfferSpan, 'firstDay'>;
/** How many of the request's children a unit confirms and how many join its waitlist. */
export type UnitChange = { unitId: string; confirm: number; wait: number };
/** A child booked into `count` units; its birth date must lie in (after, notAfter]. */
export type ChildChange = { childId: string; count: number; birthAfter: string; birthNotAfter: string };

export type BookingWrite = {
  offer: OfferSnapshot;
  householdId: string;
  units: UnitChange[];
  children: ChildChange[];
  registrations: RegistrationItem[];
  idempotency: { userId: string; key: string } & IdempotencyRecord;
  /** Epoch seconds: an idempotency record that expired before now may be replaced. */
  nowSeconds: number;
};

/** Why a booking transaction was cancelled, one entry per failed condition. */
export type BookingFailure =
  | { kind: 'replay'; record: IdempotencyRecord }
  /** The unit's counters moved past what the plan assumed; `now` is what they are. */
  | { kind: 'unit'; unitId: string; now?: Pick<UnitItem, 'capacity' | 'confirmed' | 'waiting'> }
  | { kind: 'already-registered'; unitId: string; childId: string }
  | { kind: 'child'; childId: string; exists: boolean }
  | { kind: 'offer-changed' };

export type WaitlistEntry = { registrationId: string; ticket: number };

export type RegistrationRepoOptions = {
  /**
   * Test only: false drops the capacity condition (I1) from the booking transaction, so a
   * control test can show that its scenario would overbook without it.
   */
  capacityCondition?: boolean;
};

type Entry<F> = TransactEntry<F>;

/** The `#name` placeholders of expressions, each for the attribute of that name (reserved words included). */
const namesIn = (...expressions: (string | undefined)[]) =>
  Object.fromEntries([...new Set(expressions.join(' ').match(/#\w+/g))].map((n) => [n, n.slice(1)]));

/**
 * Registrations, their uniqueness guards and waitlist entries, and the unit counters they move.
 * Every write that touches an invariant is one transaction; see ./KEYS.md, "Booking".
 */
export function createRegistrationRepo(table: TableRef, { capacityCondition = true }: RegistrationRepoOptions = {}) {
  const { client, tableName: TableName } = table;

  const put = (item: Item, condition: string, values?: Item): TransactWriteItem => ({
    Put: {
      TableName,
      Item: toItem(item),
      ConditionExpression: condition,
      ...(values && { ExpressionAttributeValues: toItem(values) }),
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  });
  const update = (key: Key, expression: string, condition: string | undefined, values: Item): TransactWriteItem => {
    const attributeNames = namesIn(expression, condition);
    return {
      Update: {
        TableName,
        Key: toItem(key),
        UpdateExpression: expression,
        ConditionExpression: condition,
        ExpressionAttributeValues: toItem(values),
        ExpressionAttributeNames: Object.keys(attributeNames).length > 0 ? attributeNames : undefined,
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    };
  };
  const remove = (key: Key, condition: string, values?: Item): TransactWriteItem => ({
    Delete: {
      TableName,
      Key: toItem(key),
      ConditionExpression: condition,
      ...(values && { ExpressionAttributeValues: toItem(values) }),
    },
  });

  /** The unit's condition is exactly the state its plan assumed (see domain/booking.ts planUnit). */
  const unitCondition = ({ confirm, wait }: UnitChange): string | undefined => {
    // I1: never above capacity; I3: nobody new gets a place while someone waits.
    if (wait === 0) return capacityCondition ? '#free >= :c AND #waiting = :zero' : '#waiting = :zero';
    // I3: join the queue only while there is no place for you.
    if (confirm === 0) return '#free <= :zero OR #waiting > :zero';
    // I1 and I3: take exactly the last free places, nobody waiting; the rest of the request queues.
    return '#free = :c AND #waiting = :zero';
  };

  const registrationItem = (r: RegistrationItem): Item => ({
    ...keys.registration(r.id),
    ...indexKeys.householdRegistration(r.householdId, r.createdAt, r.id),
    ...indexKeys.offerRegistration(r.offerId, r.unitId, r.createdAt, r.id),
    ...r,
  });

  /** The cancelled registration's own items: its status, its guard, its child's counter. */
  const leaveItems = (r: RegistrationItem, now: string): TransactWriteItem[] => [
    update(
        keys.registration(r.id),
        'SET #status = :cancelled, updatedAt = :now REMOVE ticket',
        '#status = :was',
        { ':cancelled': 'cancelled', ':now': now, ':was': r.status }
    ),
    // I2: the guard goes with the registration it belongs to.
    remove(keys.childInUnit(r.offerId, r.unitId, r.childId), 'registrationId = :id', { ':id': r.id }),
    update(
      keys.child(r.householdId, r.childId),
      'ADD activeRegistrations :minus',
      'attribute_exists(pk) AND activeRegistrations > :zero',
      { ':minus': -1, ':zero': 0 },
    ),
  ];
  /** Removes one waitlist entry and counts it out of the unit's `waiting` with `set` (I5). */
  const dequeueItems = (offerId: string, unitId: string, ticket: number, set: string, condition?: string): TransactWriteItem[] => [
    remove(keys.waitlistEntry(offerId, unitId, ticket), 'attribute_exists(pk)'),
    update(
      keys.unit(offerId, unitId),
      `SET ${set}`,
      ['#waiting > :zero', condition].filter(Boolean).join(' AND '),
      { ':one': 1, ':zero': 0 }
    ),
  ];

  return {
    /**
     * The booking transaction: unit counters, registrations, guards, waitlist entries, child
     * counters, the offer check and the idempotency record, all or nothing. [] when it committed.
     */
    book(write: BookingWrite): Promise<BookingFailure[]> {
      const { offer, idempotency } = write;
      const entries: Entry<BookingFailure>[] = [
        {
          // I4: one effect per key; an expired record no longer counts.
          item: put(
            {
              ...keys.idempotency(idempotency.userId, idempotency.key),
              fingerprint: idempotency.fingerprint,
              answer: idempotency.answer,
              expiresAt: idempotency.expiresAt,
            },
            'attribute_not_exists(pk) OR expiresAt < :now',
            { ':now': write.nowSeconds },
          ),
          failure: (old) => ({ kind: 'replay', record: old as IdempotencyRecord }),
        },
        ...write.units.map((unit) => ({
          item: update(
            keys.unit(offer.id, unit.unitId),
            'SET #confirmed = #confirmed + :c, #free = #free - :c, #waiting = #waiting + :w',
            unitCondition(unit),
            { ':c': unit.confirm, ':w': unit.wait, ':zero': 0 }
          ),
          failure: (old: Item | undefined) => ({ kind: 'unit' as const, unitId: unit.unitId, now: old as UnitItem | undefined }),
        })),
        ...write.registrations.flatMap((r) => [
          { item: put(registrationItem(r), 'attribute_not_exists(pk)') },
          {
            // I2: one active registration per child and unit.
            item: put({ ...keys.childInUnit(r.offerId, r.unitId, r.childId), registrationId: r.id }, 'attribute_not_exists(pk)'),
            failure: () => ({ kind: 'already-registered' as const, unitId: r.unitId, childId: r.childId }),
          },
          ...(r.ticket === undefined
            ? []
            : [
                {
                  // I3: the ticket is the place in line; each is handed out once.
                  item: put(
                    { ...keys.waitlistEntry(r.offerId, r.unitId, r.ticket), registrationId: r.id, ticket: r.ticket },
                    'attribute_not_exists(pk)',
                  ),
                },
              ]),
        ]),
        ...write.children.map((child) => ({
          // The child key holds the caller's household: a foreign child does not exist here.
          item: update(
            keys.child(write.householdId, child.childId),
            'ADD activeRegistrations :n',
            'attribute_exists(pk) AND birthDate > :after AND birthDate <= :notAfter',
            { ':n': child.count, ':after': child.birthAfter, ':notAfter': child.birthNotAfter },
          ),
          failure: (old: Item | undefined) => ({ kind: 'child' as const, childId: child.childId, exists: old !== undefined }),
        })),
        {
          // The offer is still what the booking was decided on: published, first come first
          // served, same window, age range and first day. Instants were compared in code, where
          // offsets are understood; here equality suffices.
          item: {
            ConditionCheck: {
              TableName,
              Key: toItem(keys.offer(offer.id)),
              ConditionExpression:
                '#status = :published AND bookingMode = :mode AND waitlist = :waitlist AND registrationOpens = :opens ' +
                'AND registrationCloses = :closes AND firstDay = :firstDay AND ageRange.#min = :min AND ageRange.#max = :max',
              ExpressionAttributeNames: namesIn('#status #min #max'),
              ExpressionAttributeValues: toItem({
                ':published': 'published',
                ':mode': offer.bookingMode,
                ':waitlist': offer.waitlist,
                ':opens': offer.registrationOpens,
                ':closes': offer.registrationCloses,
                ':firstDay': offer.firstDay,
                ':min': offer.ageRange.min,
                ':max': offer.ageRange.max,
              }),
            },
          },
          failure: () => ({ kind: 'offer-changed' }),
        },
      ];
      entries.push(...registrationStatsUpdates(table, offer.id, write.registrations.map((r) => ({ ...r, to: r.status }))).map((item) => ({ item })));
      return transactWrite(table, entries);
    },

    /**
     * Hands out `count` consecutive waitlist tickets of a unit. A ticket is a place in line only
     * once the booking that holds it commits; unused tickets leave gaps, which positions ignore.
     */
    async takeTickets(offerId: string, unitId: string, count: number): Promise<number[]> {
      const out = await client.send(
        new UpdateItemCommand({
          TableName,
          Key: toItem(keys.unit(offerId, unitId)),
          UpdateExpression: 'ADD waitTail :n',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: toItem({ ':n': count }),
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      const tail = fromItem<{ waitTail: number }>(out.Attributes ?? {}).waitTail;
      return Array.from({ length: count }, (_, i) => tail - count + 1 + i);
    },

    /**
     * Cancels an active registration in one transaction: a waiting one leaves the line, a
     * confirmed one gives its place back to the unit, where `promote` hands it to the line.
     * False when the registration changed meanwhile: the caller reads again.
     */
    async cancel(r: RegistrationItem, now: string): Promise<boolean> {
      const items = leaveItems(r, now);
      if (r.status === 'waitlisted' && r.ticket !== undefined) {
        items.push(...dequeueItems(r.offerId, r.unitId, r.ticket, '#waiting = #waiting - :one'));
      } else {
        items.push(
          update(
            keys.unit(r.offerId, r.unitId),
            'SET #confirmed = #confirmed - :one, #free = #free + :one',
            '#confirmed > :zero',
            { ':one': 1, ':zero': 0 }
          ),
        );
      }
      items.push(...registrationStatsUpdates(table, r.offerId, [{ ...r, from: r.status, to: 'cancelled' }]));
      return (await transactWrite(table, items.map((item) => ({ item, failure: () => true })))).length === 0;
    },

    /**
     * Gives one free place of the unit to `entry`, a registration in its waitlist. False when
     * the place or the registration was taken meanwhile.
     */
    async promote(offerId: string, unitId: string, entry: WaitlistEntry, now: string): Promise<boolean> {
      const promoted = await this.getRegistration(entry.registrationId);
      const items = [
        ...registrationStatsUpdates(table, offerId, promoted ? [{ ...promoted, from: 'waitlisted', to: 'confirmed' }] : []),
        update(
          keys.registration(entry.registrationId),
          'SET #status = :confirmed, updatedAt = :now REMOVE ticket',
          '#status = :waitlisted',
          { ':confirmed': 'confirmed', ':waitlisted': 'waitlisted', ':now': now }
        ),
        // I1: a place moves from free to confirmed only while one is free.
        ...dequeueItems(offerId, unitId, entry.ticket, '#waiting = #waiting - :one, #confirmed = #confirmed + :one, #free = #free - :one', '#free > :zero'),
      ];
      return (await transactWrite(table, items.map((item) => ({ item, failure: () => true })))).length === 0;
    },

    /** The unit's counters, read strongly: what the promoter decides on. */
    getUnit: (offerId: string, unitId: string) => getItem<UnitItem>(table, keys.unit(offerId, unitId)),

    getRegistration: (id: string) => getItem<RegistrationItem>(table, keys.registration(id)).then((i) => i && strip(i)),

    /** The first `count` committed waitlist entries of a unit, read strongly (key order = ticket order). */
    async waitlistHeads(offerId: string, unitId: string, count: number): Promise<WaitlistEntry[]> {
      const heads = await queryAll<WaitlistEntry>(
        table,
        {
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: toItem({ ':pk': keys.offer(offerId).pk, ':prefix': keys.waitlistPrefix(unitId) }),
          ConsistentRead: true,
          Limit: count,
        },
        count,
      );
      return heads.map(({ registrationId, ticket }) => ({ registrationId, ticket }));
    },

    /** 1 + the committed waitlist entries of the unit with a smaller ticket, counted strongly. */
    async waitlistPosition(offerId: string, unitId: string, ticket: number): Promise<number> {
      let ahead = 0;
      let start: Record<string, AttributeValue> | undefined;
      do {
        const out = await client.send(
          new QueryCommand({
            TableName,
            KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
            ExpressionAttributeValues: toItem({
              ':pk': keys.offer(offerId).pk,
              ':first': keys.waitlistPrefix(unitId),
              ':last': keys.waitlistUpTo(unitId, ticket - 1),
            }),
            Select: 'COUNT',
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        ahead += out.Count ?? 0;
        start = out.LastEvaluatedKey;
      } while (start);
      return ahead + 1;
    },

    /** A household's registrations, newest first, through the eventually consistent index. */
    async listByHousehold(householdId: string): Promise<RegistrationItem[]> {
      const items = await queryAll<RegistrationItem & Item>(table, {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: toItem({ ':pk': indexKeys.householdRegistration(householdId, '', '').gsi1pk }),
        ScanIndexForward: false,
      });
      return items.map(strip);
    },

    /** The stored answer for a user's key, unless it has expired (TTL deletes lag). */
    async getIdempotency(userId: string, key: string, nowSeconds: number): Promise<IdempotencyRecord | undefined> {
      const record = await getItem<IdempotencyRecord>(table, keys.idempotency(userId, key));
      return record && record.expiresAt >= nowSeconds ? record : undefined;
    },

    /**
     * Erasure, after every registration was cancelled: deletes the children, household, user and
     * everything under the e-mail address in one transaction, then the idempotency records, and
     * strips household and child from the registrations, which stay as anonymous counts. False if a child got a
     * new booking meanwhile; the caller cancels again and retries.
     */
    async eraseHousehold(household: { id: string; userId: string; email: string; childIds: string[] }): Promise<boolean> {
      const partition = (pk: string) =>
        queryAll<Key>(table, {
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: toItem({ ':pk': pk }),
          ProjectionExpression: 'pk, sk',
          ConsistentRead: true,
        });
      const emailItems = await partition(keys.userByEmail(household.email).pk);
      const failures = await transactWrite<true>(table, [
        ...household.childIds.map((childId) => ({
          // A child with an active booking is not deleted (same rule as deleting one child).
          item: remove(
            keys.child(household.id, childId),
            'attribute_not_exists(activeRegistrations) OR activeRegistrations = :zero',
            { ':zero': 0 },
          ),
          failure: () => true as const,
        })),
        ...[keys.household(household.id), keys.user(household.userId), ...emailItems].map((key) => ({
          item: { Delete: { TableName, Key: toItem({ pk: key.pk, sk: key.sk }) } },
        })),
      ]);
      if (failures.length > 0) return false;
      // The children are gone, so no booking can come in now; what remains is anonymous.
      for (const key of await partition(keys.idempotency(household.userId, '').pk)) {
        await client.send(new DeleteItemCommand({ TableName, Key: toItem({ pk: key.pk, sk: key.sk }) }));
      }
      for (const r of await this.listByHousehold(household.id)) {
        await client.send(
          new UpdateItemCommand({
            TableName,
            Key: toItem(keys.registration(r.id)),
            UpdateExpression: 'SET erased = :yes REMOVE householdId, childId, gsi1pk, gsi1sk',
            ExpressionAttributeValues: toItem({ ':yes': true }),
          }),
        );
      }
      return true;
    },
  };
}
export type RegistrationRepo = ReturnType<typeof createRegistrationRepo>;

const strip = (item: Item): RegistrationItem => withoutKeys(item) as RegistrationItem;
