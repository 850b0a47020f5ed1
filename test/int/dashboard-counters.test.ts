import { TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { registrationStatsUpdate, type RegistrationMove } from '../../functions/db/stats-repo.js';
import { createTestContext } from '../support/context.js';

/** The integration point for the booking transactions: the counters move exactly as the registrations do. */
describe('offer counters for the dashboard', () => {
  let t: Awaited<ReturnType<typeof createTestContext>>;

  beforeAll(async () => {
    t = await createTestContext();
  });

  const apply = async (offerId: string, moves: RegistrationMove[]) => {
    const update = registrationStatsUpdate(t.ctx.table, offerId, moves);
    if (update) await t.ctx.table.client.send(new TransactWriteItemsCommand({ TransactItems: [update] }));
  };

  it('counts bookings, promotions and cancellations, and ends at zero when all are gone', async () => {
    const a = { householdId: 'h1', childId: 'c1', residence: 'lindach', band: '3-5' };
    const b = { householdId: 'h1', childId: 'c2', residence: 'lindach', band: '6-9' };
    await apply('o1', [{ ...a, to: 'confirmed' }, { ...b, to: 'waitlisted' }]);
    expect((await t.ctx.repos.stats.getCounters(['o1'])).get('o1')).toEqual({
      'conf:band:3-5': 1,
      'conf:res:lindach': 1,
      'kid:lindach:c1': 1,
      'hh:lindach:h1': 1,
      'wait:band:6-9': 1,
      'wait:res:lindach': 1,
    });
    await apply('o1', [{ ...b, from: 'waitlisted', to: 'confirmed' }]);
    expect((await t.ctx.repos.stats.getCounters(['o1'])).get('o1')).toMatchObject({ 'hh:lindach:h1': 2, 'wait:band:6-9': 0, 'conf:band:6-9': 1 });
    await apply('o1', [{ ...a, from: 'confirmed', to: 'cancelled' }, { ...b, from: 'confirmed', to: 'cancelled' }]);
    const after = (await t.ctx.repos.stats.getCounters(['o1'])).get('o1') ?? {};
    expect(Object.values(after).every((n) => n === 0)).toBe(true);
    expect(registrationStatsUpdate(t.ctx.table, 'o1', [{ ...a, from: 'cancelled', to: 'declined' }])).toBeUndefined();
  });
});
