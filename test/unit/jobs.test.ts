import { describe, expect, it } from 'vitest';
import { createScheduledHandler, handler as scheduledHandler, UnknownJobError } from '../../functions/jobs/scheduled.js';
import { createStreamHandler, readRegistrationStatusChange, type StreamRecord } from '../../functions/jobs/stream-records.js';
import type { Mail } from '../../functions/ports/world.js';

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

describe('stream handler: the e-mail outbox', () => {
  const mailRecord = (eventName: StreamRecord['eventName']): StreamRecord => ({
    eventName,
    dynamodb: {
      Keys: { pk: { S: 'MAIL#m1' }, sk: { S: 'MAIL' } },
      NewImage: { to: { S: 'a@example.at' }, subject: { S: 'Platz frei / place free' }, text: { S: 'Hallo' } },
    },
  });

  it('sends each newly written outbox item once, and nothing for other writes', async () => {
    const sent: Mail[] = [];
    const handle = createStreamHandler({ mailer: { send: async (m) => void sent.push(m) }, logger: { info: () => undefined }, promote: async () => undefined });
    await handle({ Records: [mailRecord('INSERT'), mailRecord('REMOVE'), registrationRecord('waitlisted', 'confirmed')] });
    expect(sent).toEqual([{ to: 'a@example.at', subject: 'Platz frei / place free', text: 'Hallo' }]);
  });

  it('fails the batch when a send fails, so the stream retries it and finally parks it', async () => {
    const handle = createStreamHandler({
      mailer: { send: async () => Promise.reject(new Error('SES throttled')) },
      logger: { info: () => undefined },
      promote: async () => undefined,
    });
    await expect(handle({ Records: [mailRecord('INSERT')] })).rejects.toThrow('SES throttled');
  });
});

describe('stream handler: places owed to the waitlist', () => {
  const unitRecord = (free: number, waiting: number): StreamRecord => ({
    eventName: 'MODIFY',
    dynamodb: {
      Keys: { pk: { S: 'OFFER#o1' }, sk: { S: 'UNIT#u1' } },
      NewImage: { free: { N: String(free) }, waiting: { N: String(waiting) } },
    },
  });

  it('promotes when a unit has free places while families wait, and only then', async () => {
    const promoted: string[] = [];
    const handle = createStreamHandler({
      mailer: { send: async () => undefined },
      logger: { info: () => undefined },
      promote: async (offerId, unitId) => void promoted.push(`${offerId}/${unitId}`),
    });
    await handle({ Records: [unitRecord(1, 3), unitRecord(0, 3), unitRecord(2, 0)] });
    expect(promoted).toEqual(['o1/u1']);
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
