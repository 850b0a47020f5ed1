import { spawn } from 'node:child_process';
import { describe, expect, it, inject } from 'vitest';
import { scanTable } from '../../functions/db/consistency.js';
import { keys } from '../../functions/db/keys.js';
import { RESERVATION_GRACE_MS } from '../../functions/domain/waitlist.js';
import type { Registration } from '../../shared/schemas/registration.js';
import { createTestContext, testClock } from '../support/context.js';
import { createOffer } from '../support/offers.js';
import { book, cancel, createFamily, expectConsistent, listRegistrations, unitOf } from '../support/booking.js';

/** Runs test/support/book-and-die.ts: a booking process killed between its two writes. Resolves with the signal that ended it. */
function bookAndDie(args: object): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/book-and-die.ts', JSON.stringify(args)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal ? resolve(signal) : reject(new Error(`book-and-die exited with ${code}: ${stderr}`))));
  });
}

describe('a booking process killed between its waitlist reservation and its completion', () => {
  it('leaves a reservation that counts as in line until the sweep settles it; then positions and counters are exact again', async () => {
    // Prepare: the one place is taken; a second family's booking process dies after reserving its place in line.
    const clock = testClock();
    const { ctx, app } = await createTestContext({}, clock);
    const offer = await createOffer(ctx, { units: [{ id: 'u1', label: 'Gruppe', capacity: 1, confirmed: 0, waiting: 0 }] });
    const [holder, cutOff, later] = await Promise.all([createFamily(ctx), createFamily(ctx), createFamily(ctx)]);
    const held = (await (await book(app, holder, { offerId: offer.id, unitId: 'u1', childId: holder.childIds[0] })).json()) as Registration;
    expect(held.status).toBe('confirmed');

    // Act
    const signal = await bookAndDie({
      tableName: ctx.table.tableName,
      endpoint: inject('dynamoEndpoint'),
      now: clock.now().toISOString(),
      caller: { userId: cutOff.id, householdId: cutOff.householdId },
      request: { offerId: offer.id, unitId: 'u1', childId: cutOff.childIds[0] },
    });

    // Assess: the line counts the reservation, nobody holds it, and a family after it is told it is second.
    expect(signal).toBe('SIGKILL');
    expect(await unitOf(app, offer.id)).toMatchObject({ confirmed: 1, waiting: 1 });
    expect(await listRegistrations(app, cutOff)).toEqual([]);
    const behind = (await (await book(app, later, { offerId: offer.id, unitId: 'u1', childId: later.childIds[0] })).json()) as Registration;
    expect(behind).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    await expectConsistent(ctx);

    // Act: a sweep within the grace period leaves the reservation alone (its booking might still complete).
    clock.advance(RESERVATION_GRACE_MS / 2);
    expect((await app.request('/api/dev/jobs/run', { method: 'POST' })).status).toBe(200);

    // Assess
    expect(await unitOf(app, offer.id)).toMatchObject({ waiting: 2 });

    // Act: the sweep after the grace period.
    clock.advance(RESERVATION_GRACE_MS);
    expect((await app.request('/api/dev/jobs/run', { method: 'POST' })).status).toBe(200);

    // Assess: the line holds only the family that completed, first now; the unit is no longer marked.
    expect(await unitOf(app, offer.id)).toMatchObject({ confirmed: 1, waiting: 1 });
    expect((await listRegistrations(app, later))[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const unit = (await scanTable(ctx.table)).find((i) => i.pk === keys.unit(offer.id, 'u1').pk && i.sk === keys.unit(offer.id, 'u1').sk);
    expect(unit?.reservedAt).toBeUndefined();
    await expectConsistent(ctx);

    // Act: the place frees up.
    expect((await cancel(app, holder, held.id)).status).toBe(204);

    // Assess: it goes to the family in line, and the family whose booking was cut off can book again, behind it.
    expect((await listRegistrations(app, later))[0]?.status).toBe('offered');
    const again = (await (await book(app, cutOff, { offerId: offer.id, unitId: 'u1', childId: cutOff.childIds[0] })).json()) as Registration;
    expect(again).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    await expectConsistent(ctx);
  });
});
