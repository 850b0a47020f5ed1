import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { findInconsistencies } from '../../functions/db/consistency.js';
import { isTransient as storageIsTransient } from '../../functions/db/transient.js';
import { AGAIN, retryBounded } from '../../functions/domain/retry.js';
import { bookingRuleViolation, fingerprintOf, planBooking, planUnit } from '../../functions/domain/booking.js';
import { BusyError, BookingRuleError } from '../../functions/domain/errors.js';

const unit = (id: string, capacity: number, confirmed: number, waiting = 0) => ({ id, label: id, capacity, confirmed, waiting });
const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })) });

describe('planUnit', () => {
  it.each([
    [{ free: 5, waiting: 0 }, 2, { confirm: 2, wait: 0 }],
    [{ free: 1, waiting: 0 }, 2, { confirm: 1, wait: 1 }],
    [{ free: 0, waiting: 0 }, 1, { confirm: 0, wait: 1 }],
    [{ free: 3, waiting: 1 }, 1, { confirm: 0, wait: 1 }],
    [{ free: -2, waiting: 0 }, 1, { confirm: 0, wait: 1 }],
  ])('with %j and %i children plans %j (I1: never more than free; I3: nobody ahead of the line)', (state, n, plan) => {
    expect(planUnit(state, n)).toEqual(plan);
  });

  it('without a waitlist plans places for all; the condition then answers "full"', () => {
    expect(planUnit({ free: 0, waiting: 0 }, 2, false)).toEqual({ confirm: 2, wait: 0 });
  });
});

describe('planBooking', () => {
  it('gives a unit’s last places to the children listed first', () => {
    const plan = planBooking(
      [unit('w1', 10, 9), unit('w2', 10, 0)],
      [
        { unitId: 'w1', childId: 'a' },
        { unitId: 'w2', childId: 'a' },
        { unitId: 'w1', childId: 'b' },
      ],
      true,
    );
    expect(plan.units).toEqual([
      { unitId: 'w1', confirm: 1, wait: 1 },
      { unitId: 'w2', confirm: 1, wait: 0 },
    ]);
    expect(plan.placements).toEqual(['confirmed', 'confirmed', 'waitlisted']);
  });

  it('refuses a unit the offer does not have', () => {
    expect(() => planBooking([unit('u1', 1, 0)], [{ unitId: 'x', childId: 'a' }], true)).toThrow(BookingRuleError);
  });
});

describe('bookingRuleViolation', () => {
  const offer = {
    status: 'published',
    bookingMode: 'fcfs',
    registrationOpens: '2026-03-01T08:00:00+01:00',
    registrationCloses: '2026-03-10T20:00:00+01:00',
  } as const;

  it('compares instants, not strings: 07:30Z is after 08:00+01:00', () => {
    expect(bookingRuleViolation(offer, new Date('2026-03-01T07:30:00Z'))).toBeUndefined();
    expect(bookingRuleViolation(offer, new Date('2026-03-01T06:59:59Z'))).toMatch(/noch nicht offen/);
    expect(bookingRuleViolation(offer, new Date('2026-03-10T19:00:01Z'))).toMatch(/geschlossen/);
  });

  it('refuses lotteries, drafts and cancelled offers', () => {
    const now = new Date('2026-03-02T00:00:00Z');
    expect(bookingRuleViolation({ ...offer, bookingMode: 'lottery' }, now)).toMatch(/Verlosung läuft.*lottery in progress/);
    expect(bookingRuleViolation({ ...offer, status: 'cancelled' }, now)).toMatch(/nicht buchbar/);
  });
});

describe('fingerprintOf', () => {
  it('is the same for the same request and differs for any other', () => {
    const one = { offerId: 'o', unitId: 'u', childId: 'c' };
    expect(fingerprintOf(one)).toBe(fingerprintOf({ ...one }));
    expect(fingerprintOf(one)).not.toBe(fingerprintOf({ ...one, childId: 'd' }));
    expect(fingerprintOf(one)).not.toBe(fingerprintOf({ offerId: 'o', items: [{ unitId: 'u', childId: 'c' }] }));
  });
});

describe('retryBounded', () => {
  const fast = { baseMs: 1, capMs: 1, isTransient: storageIsTransient };

  it('retries conflicts and throttling, then answers BusyError with Retry-After', async () => {
    let calls = 0;
    const attempt = async () => {
      calls++;
      throw cancelled('None', 'TransactionConflict');
    };
    await expect(retryBounded(attempt, { ...fast, attempts: 4 })).rejects.toBeInstanceOf(BusyError);
    expect(calls).toBe(4);
  });

  it('returns the first answer; AGAIN decides again at once', async () => {
    let calls = 0;
    expect(await retryBounded(async () => (++calls < 3 ? AGAIN : 'done'), fast)).toBe('done');
    expect(calls).toBe(3);
  });

  it('passes a failed condition or any other error straight through', async () => {
    const failed = cancelled('ConditionalCheckFailed', 'TransactionConflict');
    expect(storageIsTransient(failed)).toBe(false);
    expect(storageIsTransient(Object.assign(new Error('slow'), { name: 'ThrottlingException' }))).toBe(true);
    await expect(
      retryBounded(async () => {
        throw failed;
      }, fast),
    ).rejects.toBe(failed);
  });
});

describe('findInconsistencies', () => {
  const reg = { pk: 'REG#r1', sk: 'REG', id: 'r1', offerId: 'o', unitId: 'u', childId: 'c', householdId: 'h', status: 'waitlisted', ticket: 3 };
  const sound = [
    { pk: 'OFFER#o', sk: 'UNIT#u', capacity: 1, confirmed: 0, waiting: 1, free: 1, waitTail: 3 },
    { pk: 'OFFER#o', sk: 'GUARD#u#c', registrationId: 'r1' },
    { pk: 'OFFER#o', sk: 'WAIT#u#0000000003', registrationId: 'r1', ticket: 3 },
    { pk: 'HH#h', sk: 'CHILD#c', activeRegistrations: 1 },
    reg,
  ];

  it('reports a place left free while someone waits (I3), and nothing else here', () => {
    expect(findInconsistencies(sound)).toEqual([{ invariant: 'I3', item: 'OFFER#o / UNIT#u', message: '1 places free while 1 wait' }]);
  });

  it('names a stale guard and a stale waitlist entry of a cancelled registration', () => {
    const items = [...sound.slice(0, 3), { ...sound[3], activeRegistrations: 0 }, { ...reg, status: 'cancelled' }];
    expect(findInconsistencies(items).map((p) => [p.invariant, p.item])).toEqual([
      ['I2', 'OFFER#o / GUARD#u#c'],
      ['I3', 'OFFER#o / WAIT#u#0000000003'],
      ['I5', 'OFFER#o / UNIT#u'],
      ['I3', 'OFFER#o / UNIT#u'],
    ]);
  });
});
