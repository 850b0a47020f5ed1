import { describe, expect, it } from 'vitest';
import { createScheduledHandler, handler as scheduledHandler, UnknownJobError } from '../../functions/jobs/scheduled.js';
import { createStreamHandler, readRegistrationStatusChange, type StreamRecord } from '../../functions/jobs/stream-records.js';
import { sealMail } from '../../functions/db/mail-outbox.js';
import type { Mail } from '../../functions/ports/world.js';
import type { BookedMail } from '../../functions/ports/registrations.js';
import { purposeKeys } from '../../functions/purpose-keys.js';

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
    // Act
    const change = readRegistrationStatusChange(registrationRecord('waitlisted', 'confirmed'));

    // Assess
    expect(change).toEqual({
      registrationId: 'r1',
      offerId: 'o1',
      unitId: 'u1',
      from: 'waitlisted',
      to: 'confirmed',
      at: '2025-06-15T15:06:40.000Z',
    });
  });

  it('treats a new registration as a change from nothing', () => {
    // Act
    const change = readRegistrationStatusChange(registrationRecord(undefined, 'confirmed'));

    // Assess
    expect(change).toMatchObject({ from: null, to: 'confirmed' });
  });

  it('treats a deleted registration as a change to nothing', () => {
    // Act
    const change = readRegistrationStatusChange(registrationRecord('cancelled', undefined));

    // Assess
    expect(change).toMatchObject({ from: 'cancelled', to: null });
  });

  it.each<[string, StreamRecord]>([
    ['a write that keeps the status', registrationRecord('confirmed', 'confirmed')],
    ['an item that is not a registration', { dynamodb: { Keys: { pk: { S: 'OFFER#o1' }, sk: { S: 'UNIT#u1' } }, NewImage: { status: { S: 'x' } } } }],
  ])('ignores %s', (_name, record) => {
    // Act
    const change = readRegistrationStatusChange(record);

    // Assess
    expect(change).toBeUndefined();
  });
});

/** The stream handler's ports that a test does not look at. */
const quietPorts = {
  outboxKey: purposeKeys('x'.repeat(32)).outbox,
  removeSent: async () => undefined,
  logger: { info: () => undefined },
  offerPlaces: async () => undefined,
  tellBooked: async () => undefined,
};

describe('stream handler: the e-mail outbox', () => {
  const mail: Mail = { to: 'a@example.at', subject: 'Ihr Code: 123456 / your code', text: 'Hallo' };
  const mailRecord = (eventName: StreamRecord['eventName'], sealedWith = quietPorts.outboxKey): StreamRecord => ({
    eventName,
    dynamodb: {
      Keys: { pk: { S: 'MAIL#digest' }, sk: { S: 'MAIL#m1' } },
      NewImage: { sealed: { S: sealMail(sealedWith, mail) } },
    },
  });

  it('sends each newly written outbox item once, then deletes it, and nothing for other writes', async () => {
    // Prepare
    const sent: Mail[] = [];
    const removed: unknown[] = [];
    const handle = createStreamHandler({
      ...quietPorts,
      mailer: { send: async (m) => void sent.push(m) },
      removeSent: async (key) => void removed.push(key),
    });

    // Act
    await handle({ Records: [mailRecord('INSERT'), mailRecord('REMOVE'), registrationRecord('waitlisted', 'confirmed')] });

    // Assess
    expect(sent).toEqual([mail]);
    expect(removed).toEqual([{ pk: 'MAIL#digest', sk: 'MAIL#m1' }]);
  });

  it('keeps the mail unreadable without the outbox key: the item holds no address, code or text in clear', () => {
    // Act
    const record = mailRecord('INSERT');

    // Assess
    const stored = JSON.stringify(record);
    expect(stored).not.toContain('a@example.at');
    expect(stored).not.toContain('123456');
    expect(stored).not.toContain('Hallo');
  });

  it('sends nothing it cannot open (sealed with another key), and deletes it all the same', async () => {
    // Prepare
    const sent: Mail[] = [];
    const removed: unknown[] = [];
    const handle = createStreamHandler({ ...quietPorts, mailer: { send: async (m) => void sent.push(m) }, removeSent: async (key) => void removed.push(key) });

    // Act
    await handle({ Records: [mailRecord('INSERT', purposeKeys('y'.repeat(32)).outbox)] });

    // Assess
    expect(sent).toEqual([]);
    expect(removed).toHaveLength(1);
  });

  it('fails the batch when a send fails, so the stream retries it and finally parks it; the item stays', async () => {
    // Prepare
    const removed: unknown[] = [];
    const handle = createStreamHandler({
      ...quietPorts,
      mailer: { send: async () => Promise.reject(new Error('SES throttled')) },
      removeSent: async (key) => void removed.push(key),
    });

    // Act
    const handled = handle({ Records: [mailRecord('INSERT')] });

    // Assess
    await expect(handled).rejects.toThrow('SES throttled');
    expect(removed).toEqual([]);
  });
});

describe('stream handler: the confirmations bookings filed', () => {
  const registrations = [
    { id: 'r1', offerId: 'o1', unitId: 'u1', childId: 'c1', status: 'waitlisted', waitlistPosition: 3, createdAt: '2026-12-04T08:00:00.000Z' },
  ];
  const bookedRecord = (eventName: StreamRecord['eventName']): StreamRecord => ({
    eventName,
    dynamodb: {
      Keys: { pk: { S: 'BOOKED#h1' }, sk: { S: 'REQ#r1' } },
      NewImage: { offerId: { S: 'o1' }, registrations: { S: JSON.stringify(registrations) } },
    },
  });

  it('composes each inserted one once, with the places as told, then deletes it; a change or removal of it sends nothing', async () => {
    // Prepare
    const told: BookedMail[] = [];
    const removed: unknown[] = [];
    const handle = createStreamHandler({
      ...quietPorts,
      mailer: { send: async () => undefined },
      tellBooked: async (mail) => void told.push(mail),
      removeSent: async (key) => void removed.push(key),
    });

    // Act
    await handle({ Records: [bookedRecord('INSERT'), bookedRecord('REMOVE'), bookedRecord('MODIFY')] });

    // Assess
    expect(told).toEqual([{ id: 'r1', householdId: 'h1', offerId: 'o1', registrations }]);
    expect(removed).toEqual([{ pk: 'BOOKED#h1', sk: 'REQ#r1' }]);
  });

  it('fails the batch when composing fails (the household could not be read), so the stream retries; the item stays', async () => {
    // Prepare
    const removed: unknown[] = [];
    const handle = createStreamHandler({
      ...quietPorts,
      mailer: { send: async () => undefined },
      tellBooked: async () => Promise.reject(new Error('throttled')),
      removeSent: async (key) => void removed.push(key),
    });

    // Act
    const handled = handle({ Records: [bookedRecord('INSERT')] });

    // Assess
    await expect(handled).rejects.toThrow('throttled');
    expect(removed).toEqual([]);
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

  it('offers the places when a unit has free places while families wait, and only then', async () => {
    // Prepare
    const offered: string[] = [];
    const handle = createStreamHandler({
      ...quietPorts,
      mailer: { send: async () => undefined },
      offerPlaces: async (offerId, unitId) => void offered.push(`${offerId}/${unitId}`),
    });

    // Act: one unit with places owed, one full with families waiting, one with places and nobody waiting.
    await handle({ Records: [unitRecord(1, 3), unitRecord(0, 3), unitRecord(2, 0)] });

    // Assess
    expect(offered).toEqual(['o1/u1']);
  });
});

describe('scheduled handler: job dispatch', () => {
  it('runs the named job with its payload', async () => {
    // Prepare
    const runs: unknown[] = [];
    const handle = createScheduledHandler({ drawLottery: async (payload) => void runs.push(payload) });

    // Act
    await handle({ job: 'drawLottery', payload: { offerId: 'o1' } });

    // Assess
    expect(runs).toEqual([{ offerId: 'o1' }]);
  });

  it('fails on a job nobody registered, so the event reaches the dead-letter queue', async () => {
    // Act
    const handled = scheduledHandler({ job: 'openRegistration', payload: {} });

    // Assess
    await expect(handled).rejects.toBeInstanceOf(UnknownJobError);
  });

  it('fails on a job named like a property every object has', async () => {
    // Act
    const handled = createScheduledHandler({})({ job: 'toString', payload: {} });

    // Assess
    await expect(handled).rejects.toBeInstanceOf(UnknownJobError);
  });

  it('fails on an event that names no job', async () => {
    // Act
    const handled = scheduledHandler({ payload: {} });

    // Assess
    await expect(handled).rejects.toThrow();
  });
});
