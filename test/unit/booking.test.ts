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
  ])('with %j and %i children plans %j (I1: never more than free; I3: nobody ahead of the line)', (state, n, expected) => {
    // Act
    const plan = planUnit(state, n);

    // Assess
    expect(plan).toEqual(expected);
  });

  it('without a waitlist plans places for all; the condition then answers "full"', () => {
    // Act
    const plan = planUnit({ free: 0, waiting: 0 }, 2, false);

    // Assess
    expect(plan).toEqual({ confirm: 2, wait: 0 });
  });
});

describe('planBooking', () => {
  it('gives a unit’s last places to the children listed first', () => {
    // Prepare: one place left in w1, which a and b both ask for.
    const units = [unit('w1', 10, 9), unit('w2', 10, 0)];
    const items = [
      { unitId: 'w1', childId: 'a' },
      { unitId: 'w2', childId: 'a' },
      { unitId: 'w1', childId: 'b' },
    ];

    // Act
    const plan = planBooking(units, items, true);

    // Assess
    expect(plan.units).toEqual([
      { unitId: 'w1', confirm: 1, wait: 1 },
      { unitId: 'w2', confirm: 1, wait: 0 },
    ]);
    expect(plan.placements).toEqual(['confirmed', 'confirmed', 'waitlisted']);
  });

  it('keeps a booking in the line it already holds places in, even when the counters it last read show a free place', () => {
    // Prepare: the booking reserved its place in w1's line; a stale read says nobody waits and a place is free.
    const units = [unit('w1', 10, 9), unit('w2', 10, 9)];
    const items = [
      { unitId: 'w1', childId: 'a' },
      { unitId: 'w2', childId: 'a' },
    ];

    // Act
    const plan = planBooking(units, items, true, new Set(['w1']));

    // Assess
    expect(plan.units).toEqual([
      { unitId: 'w1', confirm: 0, wait: 1 },
      { unitId: 'w2', confirm: 1, wait: 0 },
    ]);
    expect(plan.placements).toEqual(['waitlisted', 'confirmed']);
  });

  it('refuses a unit the offer does not have', () => {
    // Act
    const planning = () => planBooking([unit('u1', 1, 0)], [{ unitId: 'x', childId: 'a' }], true);

    // Assess
    expect(planning).toThrow(BookingRuleError);
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
    // Act
    const violation = bookingRuleViolation(offer, new Date('2026-03-01T07:30:00Z'));

    // Assess
    expect(violation).toBeUndefined();
  });

  it.each([
    ['a second before the window opens', '2026-03-01T06:59:59Z', /noch nicht offen/],
    ['a second after the window closes, though "19:00:01Z" sorts before "20:00:00+01:00"', '2026-03-10T19:00:01Z', /geschlossen/],
  ])('refuses %s', (_name, now, expected) => {
    // Act
    const violation = bookingRuleViolation(offer, new Date(now));

    // Assess
    expect(violation).toMatch(expected);
  });

  it.each<[string, Partial<Parameters<typeof bookingRuleViolation>[0]>, RegExp]>([
    ['lotteries', { bookingMode: 'lottery' }, /Verlosung läuft.*lottery in progress/],
    ['cancelled offers', { status: 'cancelled' }, /nicht buchbar/],
  ])('refuses %s', (_name, change, expected) => {
    // Act
    const violation = bookingRuleViolation({ ...offer, ...change }, new Date('2026-03-02T00:00:00Z'));

    // Assess
    expect(violation).toMatch(expected);
  });
});

describe('fingerprintOf', () => {
  const one = { offerId: 'o', unitId: 'u', childId: 'c' };

  it('is the same for the same request', () => {
    // Act
    const [first, again] = [fingerprintOf(one), fingerprintOf({ ...one })];

    // Assess
    expect(first).toBe(again);
  });

  it.each<[string, Parameters<typeof fingerprintOf>[0]]>([
    ['another child', { ...one, childId: 'd' }],
    ['the same booking written as items', { offerId: 'o', items: [{ unitId: 'u', childId: 'c' }] }],
  ])('differs for %s', (_name, other) => {
    // Act
    const [first, second] = [fingerprintOf(one), fingerprintOf(other)];

    // Assess
    expect(first).not.toBe(second);
  });
});

describe('retryBounded', () => {
  const fast = { baseMs: 1, capMs: 1, isTransient: storageIsTransient };

  it('retries conflicts and throttling, then answers BusyError with Retry-After', async () => {
    // Prepare: an attempt that always meets a conflict.
    let calls = 0;
    const attempt = async () => {
      calls++;
      throw cancelled('None', 'TransactionConflict');
    };

    // Act
    const outcome = retryBounded(attempt, { ...fast, attempts: 4 });

    // Assess
    await expect(outcome).rejects.toBeInstanceOf(BusyError);
    expect(calls).toBe(4);
  });

  it('returns the first answer; AGAIN decides again at once', async () => {
    // Prepare: an attempt that answers AGAIN twice, then 'done'.
    let calls = 0;
    const attempt = async () => (++calls < 3 ? AGAIN : 'done');

    // Act
    const answer = await retryBounded(attempt, fast);

    // Assess
    expect(answer).toBe('done');
    expect(calls).toBe(3);
  });

  it('passes a failed condition straight through', async () => {
    // Prepare
    const failed = cancelled('ConditionalCheckFailed', 'TransactionConflict');

    // Act
    const outcome = retryBounded(async () => {
      throw failed;
    }, fast);

    // Assess
    await expect(outcome).rejects.toBe(failed);
  });
});

describe('isTransient (storage)', () => {
  it.each<[string, Error, boolean]>([
    ['takes throttling for transient', Object.assign(new Error('slow'), { name: 'ThrottlingException' }), true],
    [
      'takes a transaction cancelled by a failed condition for final, even with a conflict beside it',
      cancelled('ConditionalCheckFailed', 'TransactionConflict'),
      false,
    ],
  ])('%s', (_name, error, expected) => {
    // Act
    const transient = storageIsTransient(error);

    // Assess
    expect(transient).toBe(expected);
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
    // Act
    const problems = findInconsistencies(sound);

    // Assess
    expect(problems).toEqual([{ invariant: 'I3', item: 'OFFER#o / UNIT#u', message: '1 places free while 1 wait' }]);
  });

  it('names a stale guard and a stale waitlist entry of a cancelled registration', () => {
    // Prepare: the registration cancelled, its child's count down, its guard and waitlist entry left behind.
    const items = [...sound.slice(0, 3), { ...sound[3], activeRegistrations: 0 }, { ...reg, status: 'cancelled' }];

    // Act
    const problems = findInconsistencies(items);

    // Assess
    expect(problems.map((p) => [p.invariant, p.item])).toEqual([
      ['I2', 'OFFER#o / GUARD#u#c'],
      ['I3', 'OFFER#o / WAIT#u#0000000003'],
      ['I5', 'OFFER#o / UNIT#u'],
      ['I3', 'OFFER#o / UNIT#u'],
    ]);
  });
});
