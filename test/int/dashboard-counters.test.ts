import { TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { registrationStatsUpdates, type RegistrationMove } from '../../functions/db/stats-repo.js';
import { createTestContext } from '../support/context.js';

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

  it('counts bookings, promotions and cancellations, and ends at zero when all are gone', async () => {
    const a = { householdId: 'h1', childId: 'c1', residence: 'lindach', band: '3-5' };
    const b = { householdId: 'h1', childId: 'c2', residence: 'lindach', band: '6-9' };
    await apply('o1', [
      { ...a, to: 'confirmed' },
      { ...b, to: 'waitlisted' },
    ]);
    const stats = async () => (await t.ctx.ports.stats.getStats(['o1'])).get('o1');
    expect(await stats()).toEqual({
      confirmedByBand: { '3-5': 1 },
      waitingByBand: { '6-9': 1 },
      children: [{ residence: 'lindach', id: expect.not.stringContaining('c1') }],
      families: [{ residence: 'lindach', id: expect.not.stringContaining('h1') }],
      attendance: {},
    });
    await apply('o1', [{ ...b, from: 'waitlisted', to: 'confirmed' }]);
    expect(await stats()).toMatchObject({ confirmedByBand: { '3-5': 1, '6-9': 1 }, waitingByBand: {} });
    expect((await stats())?.families).toHaveLength(1);
    expect((await stats())?.children).toHaveLength(2);
    await apply('o1', [
      { ...a, from: 'confirmed', to: 'cancelled' },
      { ...b, from: 'confirmed', to: 'cancelled' },
    ]);
    expect(await stats()).toEqual({ confirmedByBand: {}, waitingByBand: {}, children: [], families: [], attendance: {} });
    expect(registrationStatsUpdates(t.ctx.table, 'o1', [{ ...a, from: 'cancelled', to: 'declined' }])).toEqual([]);
    // Booked before the registration carried its dimensions: never counted, so never counted out.
    expect(registrationStatsUpdates(t.ctx.table, 'o1', [{ householdId: 'h9', childId: 'c9', from: 'confirmed', to: 'cancelled' }])).toEqual([]);
  });
});
