import { randomUUID } from 'node:crypto';
import { TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { registrationStatsUpdates, type RegistrationMove } from '../../functions/db/stats-repo.js';
import { createTestContext } from '../support/context.js';

/** Two children of one family in Lindach, in different age bands and different units of the offer. */
const a = { unitId: 'u1', householdId: 'h1', childId: 'c1', residence: 'lindach', band: '3-5' };
const b = { unitId: 'u2', householdId: 'h1', childId: 'c2', residence: 'lindach', band: '6-9' };

/** The integration point for the booking transactions: the counters move exactly as the registrations do. */
describe('offer counters for the dashboard', () => {
  let t: Awaited<ReturnType<typeof createTestContext>>;

  beforeAll(async () => {
    t = await createTestContext();
  });

  const apply = async (offerId: string, moves: RegistrationMove[]) => {
    const updates = registrationStatsUpdates(t.ctx.table, offerId, moves);
    if (updates.length > 0) await t.ctx.table.client.send(new TransactWriteItemsCommand({ TransactItems: updates }));
  };
  const stats = async (offerId: string) => (await t.ctx.ports.stats.getStats([{ id: offerId, units: [{ id: 'u1' }, { id: 'u2' }] }]))[0];
  /** a booked and b waiting on an offer of its own. */
  const booked = async () => {
    const offerId = `o-${randomUUID()}`;
    await apply(offerId, [
      { ...a, to: 'confirmed' },
      { ...b, to: 'waitlisted' },
    ]);
    return offerId;
  };

  it('counts a booking and a waitlisting by age band, with residences under ids that are not the family’s', async () => {
    // Prepare
    const offerId = `o-${randomUUID()}`;

    // Act
    await apply(offerId, [
      { ...a, to: 'confirmed' },
      { ...b, to: 'waitlisted' },
    ]);

    // Assess
    expect(await stats(offerId)).toEqual({
      confirmedByBand: { '3-5': 1 },
      waitingByBand: { '6-9': 1 },
      children: [{ residence: 'lindach', id: expect.not.stringContaining('c1') }],
      families: [{ residence: 'lindach', id: expect.not.stringContaining('h1') }],
      attendance: {},
    });
  });

  it('counts a promotion, the family once and both children', async () => {
    // Prepare
    const offerId = await booked();

    // Act
    await apply(offerId, [{ ...b, from: 'waitlisted', to: 'confirmed' }]);

    // Assess
    const after = await stats(offerId);
    expect(after).toMatchObject({ confirmedByBand: { '3-5': 1, '6-9': 1 }, waitingByBand: {} });
    expect(after?.families).toHaveLength(1);
    expect(after?.children).toHaveLength(2);
  });

  it('ends at zero when all are cancelled', async () => {
    // Prepare
    const offerId = await booked();
    await apply(offerId, [{ ...b, from: 'waitlisted', to: 'confirmed' }]);

    // Act
    await apply(offerId, [
      { ...a, from: 'confirmed', to: 'cancelled' },
      { ...b, from: 'confirmed', to: 'cancelled' },
    ]);

    // Assess
    expect(await stats(offerId)).toEqual({ confirmedByBand: {}, waitingByBand: {}, children: [], families: [], attendance: {} });
  });

  it('keeps the counters of bookings into different units in different items, and counts a child booked into both once', async () => {
    // Prepare
    const offerId = `o-${randomUUID()}`;
    const inBoth = [
      { ...a, to: 'confirmed' as const },
      { ...a, unitId: 'u2', to: 'confirmed' as const },
    ];

    // Act
    const updates = registrationStatsUpdates(t.ctx.table, offerId, inBoth);
    await apply(offerId, inBoth);

    // Assess: two items, so that two bookings of the two units share none (in the cloud, no conflict).
    expect(new Set(updates.map((u) => JSON.stringify(u.Update?.Key))).size).toBe(2);
    expect(await stats(offerId)).toMatchObject({ confirmedByBand: { '3-5': 2 }, children: [{ residence: 'lindach' }], families: [{ residence: 'lindach' }] });
  });

  it('writes nothing for a move between two statuses that are not counted', () => {
    // Act
    const updates = registrationStatsUpdates(t.ctx.table, 'o1', [{ ...a, from: 'cancelled', to: 'declined' }]);

    // Assess
    expect(updates).toEqual([]);
  });

  it('never counts out a registration booked before it carried its dimensions, as it was never counted', () => {
    // Act
    const updates = registrationStatsUpdates(t.ctx.table, 'o1', [{ unitId: 'u1', householdId: 'h9', childId: 'c9', from: 'confirmed', to: 'cancelled' }]);

    // Assess
    expect(updates).toEqual([]);
  });
});
