import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { UnitItem } from '../ports/offers.js';
import type { BookingFailure, RegistrationItem, RegistrationRepo, UnitChange } from '../ports/registrations.js';
import {
  getItem,
  queryAll,
  toItem,
  transactAll,
  transactionItems,
  transactWrite,
  withoutKeys,
  type Item,
  type TableRef,
  type TransactEntry,
} from './dynamo.js';
import { bookedMailPut } from './booked-mail.js';
import { dueWorkDelete, dueWorkPut } from './due-work-repo.js';
import { idempotencyClaim } from './idempotency-repo.js';
import { indexKeys, keys } from './keys.js';
import { registrationStatsUpdates } from './stats-repo.js';
import { dequeueItems, waitlistEntryPut } from './waitlist-repo.js';

export type RegistrationRepoOptions = {
  /**
   * Test only: false drops the capacity condition (I1) from the booking transaction, so a
   * control test can show that its scenario would overbook without it.
   */
  capacityCondition?: boolean;
};

/** A registration as stored, with the index keys of its household's and its offer's lists; every writer of a new registration uses it. */
export const registrationItem = (r: RegistrationItem): Item => ({
  ...keys.registration(r.id),
  ...indexKeys.householdRegistration(r.householdId, r.createdAt, r.id),
  ...indexKeys.offerRegistration(r.offerId, r.unitId, r.createdAt, r.id),
  ...r,
});

const strip = (item: Item): RegistrationItem => withoutKeys(item) as RegistrationItem;

/**
 * What only a waiting or offered registration carries; an answered or cancelled one drops it. It
 * keeps `offerGroup`: the deadline of siblings still offered is filed under the group's first.
 */
const OFFER_FIELDS = 'ticket, offerExpiresAt, offerExtended';

/**
 * Filed with every write that frees a place: the sweep offers it again should the offer right
 * after the write not happen (a crash, a failure), so no place stays free while families wait.
 */
const offerPlacesLater = (tableName: string, r: Pick<RegistrationItem, 'offerId' | 'unitId'>, now: string) =>
  dueWorkPut(tableName, { kind: 'offer-places', subject: `${r.offerId}#${r.unitId}`, dueAt: now });

/**
 * Registrations and their uniqueness guards, and the transactions that move them together
 * with the unit counters, waitlist entries, child counters and dashboard counters they touch.
 * Every write that touches an invariant is one transaction; see ./KEYS.md, "Booking".
 */
export function createRegistrationRepo(table: TableRef, { capacityCondition = true }: RegistrationRepoOptions = {}): RegistrationRepo {
  const { client, tableName: TableName } = table;
  const { put, update, remove } = transactionItems(TableName);

  /** The unit's condition is exactly the state its plan assumed (see domain/booking.ts planUnit). */
  const unitCondition = ({ wait }: UnitChange): string | undefined => {
    // I1: never above capacity; I3: nobody new gets a place while someone waits.
    if (wait === 0) return capacityCondition ? '#free >= :c AND #waiting = :zero' : '#waiting = :zero';
    // (A unit the request only queues for is not in the write: its reservation moved the line.)
    // I1 and I3: take exactly the last free places, nobody waiting; the rest of the request queues.
    return '#free = :c AND #waiting = :zero';
  };

  /** The household still lives where the booker's token says (the registrations count there on the dashboard). */
  const claimedResidence = (householdId: string, municipalityId: string | undefined): TransactEntry<BookingFailure> => ({
    item: {
      ConditionCheck: {
        TableName,
        Key: toItem(keys.household(householdId)),
        ConditionExpression: municipalityId === undefined ? 'attribute_exists(pk) AND attribute_not_exists(municipalityId)' : 'municipalityId = :m',
        ...(municipalityId !== undefined && { ExpressionAttributeValues: toItem({ ':m': municipalityId }) }),
      },
    },
    failure: () => ({ kind: 'stale-claim' }),
  });

  const listByIndex = async (IndexName: 'gsi1' | 'gsi2', pk: string, newestFirst: boolean) =>
    (
      await queryAll<RegistrationItem & Item>(table, {
        IndexName,
        KeyConditionExpression: `${IndexName}pk = :pk`,
        ExpressionAttributeValues: toItem({ ':pk': pk }),
        ScanIndexForward: !newestFirst,
      })
    ).map(strip);

  return {
    book(write) {
      const { offer } = write;
      const entries: TransactEntry<BookingFailure>[] = [
        idempotencyClaim(TableName, write),
        ...write.units.map((unit) => ({
          item: update(
            keys.unit(offer.id, unit.unitId),
            'SET #confirmed = #confirmed + :c, #free = #free - :c, #waiting = #waiting + :w',
            unitCondition(unit),
            { ':c': unit.confirm, ':w': unit.wait, ':zero': 0 },
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
          ...(r.ticket === undefined ? [] : [{ item: waitlistEntryPut(TableName, { ...r, ticket: r.ticket }) }]),
        ]),
        ...write.children.map((child) => {
          const claimedBirth = write.claimed?.birthDates[child.childId];
          return {
            // The child key holds the caller's household: a foreign child does not exist here.
            item: update(
              keys.child(write.householdId, child.childId),
              'ADD activeRegistrations :n',
              `attribute_exists(pk) AND birthDate > :after AND birthDate <= :notAfter${claimedBirth === undefined ? '' : ' AND birthDate = :claimed'}`,
              { ':n': child.count, ':after': child.birthAfter, ':notAfter': child.birthNotAfter, ':claimed': claimedBirth },
            ),
            failure: (old: Item | undefined): BookingFailure =>
              old && claimedBirth !== undefined && old.birthDate !== claimedBirth
                ? { kind: 'stale-claim' }
                : { kind: 'child', childId: child.childId, exists: old !== undefined },
          };
        }),
        ...(write.claimed ? [claimedResidence(write.householdId, write.claimed.municipalityId)] : []),
        {
          // The offer is still what the booking was decided on: every edit counts up `version`.
          item: {
            ConditionCheck: {
              TableName,
              Key: toItem(keys.offer(offer.id)),
              ConditionExpression: 'version = :version',
              ExpressionAttributeValues: toItem({ ':version': offer.version }),
            },
          },
          failure: () => ({ kind: 'offer-changed' }),
        },
        ...registrationStatsUpdates(
          table,
          offer.id,
          write.registrations.map((r) => ({ ...r, to: r.status })),
        ).map((item) => ({ item })),
        // The e-mail exists exactly when the booking does: a refused or repeated request files none.
        { item: bookedMailPut(TableName, write.mail, write.nowSeconds) },
      ];
      return transactWrite(table, entries);
    },

    cancel(r, now) {
      const place =
        r.status === 'waitlisted' && r.ticket !== undefined
          ? dequeueItems(TableName, r.offerId, r.unitId, r.ticket, '#waiting = #waiting - :one')
          : [
              update(keys.unit(r.offerId, r.unitId), 'SET #confirmed = #confirmed - :one, #free = #free + :one', '#confirmed > :zero', {
                ':one': 1,
                ':zero': 0,
              }),
            ];
      return transactAll(table, [
        update(keys.registration(r.id), `SET #status = :cancelled, updatedAt = :now REMOVE ${OFFER_FIELDS}`, '#status = :was', {
          ':cancelled': 'cancelled',
          ':now': now,
          ':was': r.status,
        }),
        // I2: the guard goes with the registration it belongs to.
        remove(keys.childInUnit(r.offerId, r.unitId, r.childId), 'registrationId = :id', { ':id': r.id }),
        update(keys.child(r.householdId, r.childId), 'ADD activeRegistrations :minus', 'attribute_exists(pk) AND activeRegistrations > :zero', {
          ':minus': -1,
          ':zero': 0,
        }),
        ...place,
        ...registrationStatsUpdates(table, r.offerId, [{ ...r, from: r.status, to: 'cancelled' }]),
        ...(r.status === 'waitlisted' ? [] : [offerPlacesLater(TableName, r, now)]),
      ]);
    },

    acceptOffered(group, now) {
      const [first] = group;
      if (!first) return Promise.resolve(false);
      return transactAll(table, [
        ...group.map((r) =>
          // Until the deadline, and only once: an expiry that got there first wins.
          update(keys.registration(r.id), `SET #status = :confirmed, updatedAt = :now REMOVE ${OFFER_FIELDS}`, '#status = :offered AND offerExpiresAt > :now', {
            ':confirmed': 'confirmed',
            ':offered': 'offered',
            ':now': now,
          }),
        ),
        ...registrationStatsUpdates(
          table,
          first.offerId,
          group.map((r) => ({ ...r, from: 'offered', to: 'confirmed' })),
        ),
        dueWorkDelete(TableName, 'offer-expiry', first.offerGroup?.[0] ?? first.id),
      ]);
    },

    releaseOffered(group, to, now) {
      const [first] = group;
      if (!first) return Promise.resolve(false);
      return transactAll(table, [
        ...group.flatMap((r) => [
          update(
            keys.registration(r.id),
            `SET #status = :to, updatedAt = :now REMOVE ${OFFER_FIELDS}`,
            // An expiry only after the deadline: an accept before it has the place.
            to === 'expired' ? '#status = :offered AND offerExpiresAt <= :now' : '#status = :offered',
            { ':to': to, ':offered': 'offered', ':now': now },
          ),
          // I2: the guard goes with the registration it belongs to.
          remove(keys.childInUnit(r.offerId, r.unitId, r.childId), 'registrationId = :id', { ':id': r.id }),
          update(keys.child(r.householdId, r.childId), 'ADD activeRegistrations :minus', 'attribute_exists(pk) AND activeRegistrations > :zero', {
            ':minus': -1,
            ':zero': 0,
          }),
        ]),
        update(keys.unit(first.offerId, first.unitId), 'SET #confirmed = #confirmed - :k, #free = #free + :k', '#confirmed >= :k', { ':k': group.length }),
        ...registrationStatsUpdates(
          table,
          first.offerId,
          group.map((r) => ({ ...r, from: 'offered', to })),
        ),
        // A decline ends the deadline; an expiry is the deadline's own job, which the sweep marks done.
        ...(to === 'declined' ? [dueWorkDelete(TableName, 'offer-expiry', first.offerGroup?.[0] ?? first.id)] : []),
        offerPlacesLater(TableName, first, now),
      ]);
    },

    extendOffered(group, expiresAt, now) {
      const [first] = group;
      if (!first) return Promise.resolve(false);
      return transactAll(table, [
        ...group.map((r) =>
          update(
            keys.registration(r.id),
            'SET offerExpiresAt = :expires, offerExtended = :yes, updatedAt = :now',
            '#status = :offered AND offerExpiresAt > :now AND attribute_not_exists(offerExtended)',
            { ':expires': expiresAt, ':yes': true, ':offered': 'offered', ':now': now },
          ),
        ),
        dueWorkPut(TableName, { kind: 'offer-expiry', subject: first.offerGroup?.[0] ?? first.id, dueAt: expiresAt }),
      ]);
    },

    getRegistration: (id) => getItem<RegistrationItem>(table, keys.registration(id)).then((i) => i && strip(i)),

    listByHousehold: (householdId) => listByIndex('gsi1', indexKeys.householdRegistration(householdId, '', '').gsi1pk, true),

    listByOffer: (offerId) => listByIndex('gsi2', indexKeys.offerRegistration(offerId, '', '', '').gsi2pk, false),

    async anonymiseHousehold(householdId) {
      for (const r of await this.listByHousehold(householdId)) {
        await client.send(
          new UpdateItemCommand({
            TableName,
            Key: toItem(keys.registration(r.id)),
            UpdateExpression: 'SET erased = :yes REMOVE householdId, childId, gsi1pk, gsi1sk',
            ExpressionAttributeValues: toItem({ ':yes': true }),
          }),
        );
      }
    },

    // Once per registration, and only while it holds its place: a retried reminder job mails nobody twice.
    markReminded: (registrationId, now) =>
      transactAll(table, [
        update(keys.registration(registrationId), 'SET remindedAt = :now', '#status = :confirmed AND attribute_not_exists(remindedAt)', {
          ':now': now,
          ':confirmed': 'confirmed',
        }),
      ]),
  };
}
