import { DeleteItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkConsistency } from '../../functions/db/consistency.js';
import { toItem } from '../../functions/db/dynamo.js';
import { keys } from '../../functions/db/keys.js';
import type { Registration } from '../../shared/schemas/registration.js';
import { createTestContext } from '../support/context.js';
import { createOffer } from '../support/offers.js';
import { book, createFamily } from '../support/booking.js';

describe('check:consistency', () => {
  it('passes on a booked table and names every item a corruption breaks', async () => {
    const { ctx, app } = await createTestContext();
    const offer = await createOffer(ctx, { units: [{ id: 'u1', label: 'G', capacity: 1, confirmed: 0, waiting: 0 }] });
    const [a, b, c] = await Promise.all([createFamily(ctx), createFamily(ctx), createFamily(ctx)]);
    const regs: Registration[] = [];
    for (const f of [a, b, c]) regs.push((await (await book(app, f, { offerId: offer.id, unitId: 'u1', childId: f.childIds[0] })).json()) as Registration);
    expect((await checkConsistency(ctx.table)).problems).toEqual([]);

    const { client, tableName: TableName } = ctx.table;
    const set = (key: { pk: string; sk: string }, expression: string, values: Record<string, unknown>, names?: Record<string, string>) =>
      client.send(
        new UpdateItemCommand({
          TableName,
          Key: toItem(key),
          UpdateExpression: expression,
          ExpressionAttributeValues: toItem(values),
          ExpressionAttributeNames: names,
        }),
      );
    await set(keys.unit(offer.id, 'u1'), 'SET confirmed = :two', { ':two': 2 });
    await set(keys.child(c.householdId, c.childIds[0] ?? ''), 'SET activeRegistrations = :five', { ':five': 5 });
    await client.send(new DeleteItemCommand({ TableName, Key: toItem(keys.childInUnit(offer.id, 'u1', a.childIds[0] ?? '')) }));
    await client.send(new DeleteItemCommand({ TableName, Key: toItem(keys.waitlistEntry(offer.id, 'u1', 1)) }));
    await set(keys.offerStats(offer.id), 'ADD #n :one', { ':one': 1 }, { '#n': 'conf:6-9' });

    const { problems } = await checkConsistency(ctx.table);
    const unit = `OFFER#${offer.id} / UNIT#u1`;
    expect(problems).toEqual(
      expect.arrayContaining([
        { invariant: 'I1', item: unit, message: 'confirmed 2 above capacity 1' },
        { invariant: 'I5', item: unit, message: 'confirmed is 2, registrations say 1' },
        { invariant: 'I5', item: unit, message: 'free is 0, capacity − confirmed is -1' },
        { invariant: 'I5', item: `HH#${c.householdId} / CHILD#${c.childIds[0]}`, message: 'activeRegistrations is 5, registrations say 1' },
        { invariant: 'I2', item: `REG#${regs[0]?.id} / REG`, message: `active registration without its guard GUARD#u1#${a.childIds[0]}` },
        { invariant: 'I3', item: `REG#${regs[1]?.id} / REG`, message: 'waitlisted without its waitlist entry (ticket 1)' },
        { invariant: 'I5', item: `OFFER#${offer.id} / AGG`, message: expect.stringMatching(/^counter conf:6-9 is \d+, registrations and marks say \d+$/) },
      ]),
    );
    expect(problems).toHaveLength(7);

    // The command itself: non-zero exit, the offending items on stderr.
    const run = spawnSync('npx', ['tsx', 'functions/jobs/check-consistency.ts'], {
      env: { ...process.env, TABLE_NAME: TableName, DYNAMODB_ENDPOINT: ctx.config.DYNAMODB_ENDPOINT },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`I1  ${unit}  confirmed 2 above capacity 1`);
    expect(run.stdout).toMatch(/\d+ items checked, 7 problems/);
  });
});
