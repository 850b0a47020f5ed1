import { describe, expect, it } from 'vitest';
import { createScheduledHandler, handler as scheduledHandler, UnknownJobError } from '../../functions/jobs/scheduled.js';
import { readRegistrationStatusChange, type StreamRecord } from '../../functions/jobs/stream.js';

const registrationRecord = (old?: string, next?: string): StreamRecord => ({
  eventName: old && next ? 'MODIFY' : next ? 'INSERT' : 'REMOVE',
  dynamodb: {
    Keys: { pk: { S: 'REG#r1' }, sk: { S: 'REG' } },
    ApproximateCreationDateTime: 1_750_000_000,
    ...(old && { OldImage: { status: { S: old }, offerId: { S: 'o1' }, unitId: { S: 'u1' } } }),
    ...(next && { NewImage: { status: { S: next }, offerId: { S: 'o1' }, unitId: { S: 'u1' } } }),
  },
});

describe('stream handler: registration status changes', () => {
  it('reads a status change from old and new image', () => {
    expect(readRegistrationStatusChange(registrationRecord('waitlisted', 'confirmed'))).toEqual({
      registrationId: 'r1',
      offerId: 'o1',
      unitId: 'u1',
      from: 'waitlisted',
      to: 'confirmed',
      at: '2025-06-15T15:06:40.000Z',
    });
  });

  it('treats a new registration as a change from nothing and a deleted one as a change to nothing', () => {
    expect(readRegistrationStatusChange(registrationRecord(undefined, 'confirmed'))).toMatchObject({ from: null, to: 'confirmed' });
    expect(readRegistrationStatusChange(registrationRecord('cancelled', undefined))).toMatchObject({ from: 'cancelled', to: null });
  });

  it('ignores writes that keep the status, and items that are not registrations', () => {
    expect(readRegistrationStatusChange(registrationRecord('confirmed', 'confirmed'))).toBeUndefined();
    expect(
      readRegistrationStatusChange({ dynamodb: { Keys: { pk: { S: 'OFFER#o1' }, sk: { S: 'UNIT#u1' } }, NewImage: { status: { S: 'x' } } } }),
    ).toBeUndefined();
  });
});

describe('scheduled handler: job dispatch', () => {
  it('runs the named job with its payload', async () => {
    const runs: unknown[] = [];
    const handle = createScheduledHandler({ drawLottery: async (payload) => void runs.push(payload) });
    await handle({ job: 'drawLottery', payload: { offerId: 'o1' } });
    expect(runs).toEqual([{ offerId: 'o1' }]);
  });

  it('fails on a job nobody registered, so the event reaches the dead-letter queue', async () => {
    await expect(scheduledHandler({ job: 'openRegistration', payload: {} })).rejects.toBeInstanceOf(UnknownJobError);
    await expect(createScheduledHandler({})({ job: 'toString', payload: {} })).rejects.toBeInstanceOf(UnknownJobError);
  });

  it('fails on an event that names no job', async () => {
    await expect(scheduledHandler({ payload: {} })).rejects.toThrow();
  });
});
