import { DeleteItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkConsistency } from '../../functions/db/consistency.js';
import { toItem } from '../../functions/db/dynamo.js';
import { keys } from '../../functions/db/keys.js';
import { eraseOfferData } from '../../functions/domain/retention.js';
import type { Registration } from '../../shared/schemas/registration.js';
import { createTestContext, testClock } from '../support/context.js';
import { createOffer } from '../support/offers.js';
import { book, createFamily } from '../support/booking.js';
import { retrySetup } from '../support/retry-setup.js';

/** A fresh table with one place booked three times: a confirmed, b and c waiting. */
async function prepareBookedTable() {
  const { ctx, app } = await createTestContext();
  const offer = await createOffer(ctx, { units: [{ id: 'u1', label: 'G', capacity: 1, confirmed: 0, waiting: 0 }] });
  const [a, b, c] = await Promise.all([createFamily(ctx), createFamily(ctx), createFamily(ctx)]);
  const regs: Registration[] = [];
  for (const f of [a, b, c]) regs.push((await (await book(app, f, { offerId: offer.id, unitId: 'u1', childId: f.childIds[0] })).json()) as Registration);
  return { ctx, offer, a, b, c, regs };
}

/** The booked table with five corruptions written straight to it, each breaking an invariant. */
async function prepareCorruptedTable() {
  const booked = await prepareBookedTable();
  const { ctx, offer, a, c } = booked;
  const { client, tableName: TableName } = ctx.table;
  const set = (key: { pk: string; sk: string }, expression: string, values: Record<string, unknown>, names?: Record<string, string>) =>
    retrySetup(() =>
      client.send(
        new UpdateItemCommand({
          TableName,
          Key: toItem(key),
          UpdateExpression: expression,
          ExpressionAttributeValues: toItem(values),
          ExpressionAttributeNames: names,
        }),
      ),
    );
  const remove = (key: { pk: string; sk: string }) => retrySetup(() => client.send(new DeleteItemCommand({ TableName, Key: toItem(key) })));
  await set(keys.unit(offer.id, 'u1'), 'SET confirmed = :two', { ':two': 2 });
  await set(keys.child(c.householdId, c.childIds[0] ?? ''), 'SET activeRegistrations = :five', { ':five': 5 });
  await remove(keys.childInUnit(offer.id, 'u1', a.childIds[0] ?? ''));
  await remove(keys.waitlistEntry(offer.id, 'u1', 1));
  await set(keys.offerStats(offer.id), 'ADD #n :one', { ':one': 1 }, { '#n': 'conf:6-9' });
  return { ...booked, unit: `OFFER#${offer.id} / UNIT#u1` };
}

describe('check:consistency', () => {
  it('passes on a booked table', async () => {
    // Prepare
    const { ctx } = await prepareBookedTable();

    // Act
    const { problems } = await checkConsistency(ctx.table);

    // Assess
    expect(problems).toEqual([]);
  });

  it('names every item a corruption breaks', async () => {
    // Prepare
    const { ctx, offer, a, c, regs, unit } = await prepareCorruptedTable();

    // Act
    const { problems } = await checkConsistency(ctx.table);

    // Assess
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
  });

  /** A booked table (a confirmed, b and c waiting, a mark for a) whose offer's retention time is over and whose personal data the retention job erased. */
  async function prepareErasedTable() {
    const clock = testClock();
    const { ctx, app } = await createTestContext({}, clock);
    const offer = await createOffer(ctx, { units: [{ id: 'u1', label: 'G', capacity: 1, confirmed: 0, waiting: 0 }] });
    const [a, b, c] = await Promise.all([createFamily(ctx), createFamily(ctx), createFamily(ctx)]);
    const regs: Registration[] = [];
    for (const f of [a, b, c]) regs.push((await (await book(app, f, { offerId: offer.id, unitId: 'u1', childId: f.childIds[0] })).json()) as Registration);
    await retrySetup(() =>
      ctx.ports.attendance.saveMarks(offer.id, [{ sessionId: 's1', registrationId: regs[0]?.id ?? '', mark: 'present' }], clock.now().toISOString()),
    );
    clock.advance(15 * 31 * 24 * 3600 * 1000);
    await eraseOfferData(ctx.ports, offer.id);
    return { ctx, offer, a };
  }

  it('passes on a table whose offer is erased: its unit and dashboard counters outlive the registrations and marks', async () => {
    // Prepare
    const { ctx } = await prepareErasedTable();

    // Act
    const { problems } = await checkConsistency(ctx.table);

    // Assess
    expect(problems).toEqual([]);
  });

  it('still checks an erased offer’s free places and the children’s counters', async () => {
    // Prepare
    const { ctx, offer, a } = await prepareErasedTable();
    const set = (key: { pk: string; sk: string }, attribute: string) =>
      retrySetup(() =>
        ctx.table.client.send(
          new UpdateItemCommand({
            TableName: ctx.table.tableName,
            Key: toItem(key),
            UpdateExpression: 'SET #a = :one',
            ExpressionAttributeNames: { '#a': attribute },
            ExpressionAttributeValues: toItem({ ':one': 1 }),
          }),
        ),
      );
    await set(keys.unit(offer.id, 'u1'), 'free');
    await set(keys.child(a.householdId, a.childIds[0] ?? ''), 'activeRegistrations');

    // Act
    const { problems } = await checkConsistency(ctx.table);

    // Assess
    expect(problems).toEqual([
      { invariant: 'I5', item: `OFFER#${offer.id} / UNIT#u1`, message: 'free is 1, capacity − confirmed is 0' },
      { invariant: 'I5', item: `HH#${a.householdId} / CHILD#${a.childIds[0]}`, message: 'activeRegistrations is 1, registrations say 0' },
    ]);
  });

  it('as a command: exits non-zero with the offending items on stderr', async () => {
    // Prepare
    const { ctx, unit } = await prepareCorruptedTable();

    // Act
    const run = spawnSync('npx', ['tsx', 'functions/jobs/check-consistency.ts'], {
      env: { ...process.env, TABLE_NAME: ctx.table.tableName, DYNAMODB_ENDPOINT: ctx.config.DYNAMODB_ENDPOINT },
      encoding: 'utf8',
    });

    // Assess
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`I1  ${unit}  confirmed 2 above capacity 1`);
    expect(run.stdout).toMatch(/\d+ items checked, 7 problems/);
  });
});
