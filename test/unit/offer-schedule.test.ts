import { describe, expect, it } from 'vitest';
import { addMonths, offerWork } from '../../functions/domain/offer-schedule.js';
import type { Offer } from '../../shared/schemas/offer.js';

describe('addMonths', () => {
  it.each([
    ['a day in the middle of a month', '2026-03-15T10:30:00.000Z', 13, '2027-04-15T10:30:00.000Z'],
    ['across the turn of a year', '2026-11-30T23:00:00.000Z', 2, '2027-01-30T23:00:00.000Z'],
    ['31 January to the end of a common February', '2027-01-31T12:00:00.000Z', 1, '2027-02-28T12:00:00.000Z'],
    ['31 January to the end of a leap February', '2028-01-31T12:00:00.000Z', 1, '2028-02-29T12:00:00.000Z'],
    ['29 February to 28 February a year later', '2028-02-29T08:00:00.000Z', 12, '2029-02-28T08:00:00.000Z'],
    ['31 March to 30 April', '2026-03-31T00:00:00.000Z', 1, '2026-04-30T00:00:00.000Z'],
    ['24 months', '2026-05-31T06:15:00.000Z', 24, '2028-05-31T06:15:00.000Z'],
    ['zero months', '2026-05-31T06:15:00.000Z', 0, '2026-05-31T06:15:00.000Z'],
  ])('%s', (_name, instant, months, expected) => {
    // Act
    const result = addMonths(instant, months);

    // Assess
    expect(result).toBe(expected);
  });

  it('keeps the time of day and accepts an offset', () => {
    // Act
    const result = addMonths('2026-01-31T23:30:00+01:00', 1);

    // Assess: 22:30 UTC on 31 January, so 28 February at 22:30 UTC.
    expect(result).toBe('2026-02-28T22:30:00.000Z');
  });
});

describe('offerWork', () => {
  const now = new Date('2026-06-01T08:00:00.000Z');
  const settings = { offerHoldHours: 48, reminderDaysBefore: 2, retentionMonths: 13 };
  /** A published offer: registration opens in a week, two sessions in July, the later one listed first. */
  const offer = (overrides: Partial<Pick<Offer, 'status' | 'registrationOpens' | 'registrationCloses' | 'sessions'>> = {}) => ({
    id: 'o1',
    status: 'published' as Offer['status'],
    registrationOpens: '2026-06-08T06:00:00.000Z',
    registrationCloses: '2026-07-01T20:00:00.000Z',
    sessions: [
      { id: 's2', start: '2026-07-13T07:00:00.000Z', end: '2026-07-17T15:00:00.000Z', place: 'Saal' },
      { id: 's1', start: '2026-07-06T07:00:00.000Z', end: '2026-07-10T15:00:00.000Z', place: 'Saal' },
    ],
    ...overrides,
  });

  it('a published offer ahead: the opening, the reminder before the first session and the erasure after the last', () => {
    // Act
    const work = offerWork(offer(), settings, now);

    // Assess
    expect(work).toEqual(
      expect.arrayContaining([
        { kind: 'registration-opening', subject: 'o1', dueAt: '2026-06-08T06:00:00.000Z' },
        { kind: 'reminders', subject: 'o1', dueAt: '2026-07-04T07:00:00.000Z' },
        { kind: 'retention', subject: 'o1', dueAt: '2027-08-17T15:00:00.000Z' },
      ]),
    );
    expect(work).toHaveLength(3);
  });

  it('counts the retention time in the region’s setting', () => {
    // Act
    const work = offerWork(offer(), { ...settings, retentionMonths: 1 }, now);

    // Assess
    expect(work.find((w) => w.kind === 'retention')?.dueAt).toBe('2026-08-17T15:00:00.000Z');
  });

  it('an opening moved to now or before, while registration is open: the families who asked are told at once', () => {
    // Act
    const work = offerWork(offer({ registrationOpens: '2026-05-01T06:00:00.000Z' }), settings, now);

    // Assess
    expect(work).toContainEqual({ kind: 'registration-opening', subject: 'o1', dueAt: now.toISOString() });
  });

  it('leaves out what already lies behind: a closed registration, a reminder past', () => {
    // Act
    const work = offerWork(offer({ registrationOpens: '2026-05-01T06:00:00.000Z' }), settings, new Date('2026-07-05T08:00:00.000Z'));

    // Assess
    expect(work).toEqual([{ kind: 'retention', subject: 'o1', dueAt: '2027-08-17T15:00:00.000Z' }]);
  });

  it('a cancelled offer keeps only its erasure', () => {
    // Act
    const work = offerWork(offer({ status: 'cancelled' }), settings, now);

    // Assess
    expect(work).toEqual([{ kind: 'retention', subject: 'o1', dueAt: '2027-08-17T15:00:00.000Z' }]);
  });

  it('a draft has no timed work', () => {
    // Act
    const work = offerWork(offer({ status: 'draft' }), settings, now);

    // Assess
    expect(work).toEqual([]);
  });

  it('an offer ending on 31 January is erased at the end of February a year later', () => {
    // Act
    const work = offerWork(
      offer({ sessions: [{ id: 's1', start: '2027-01-31T08:00:00.000Z', end: '2027-01-31T12:00:00.000Z', place: 'Saal' }] }),
      settings,
      now,
    );

    // Assess
    expect(work.find((w) => w.kind === 'retention')?.dueAt).toBe('2028-02-29T12:00:00.000Z');
  });
});
