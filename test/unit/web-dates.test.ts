import { describe, expect, it } from 'vitest';
import { addDays, addMonths, ageOn, daysBetween, endOfMonth, periodOf, startOfWeek } from '../../web/src/lib/dates';
import { zonedDateTime, zonedIso, zonedParts } from '../../shared/zoned';

describe('calendar days', () => {
  it.each<[string, string, () => string]>([
    ['a day after New Year’s Eve', '2027-01-01', () => addDays('2026-12-31', 1)],
    ['a day before 1 March in a leap year', '2028-02-29', () => addDays('2028-03-01', -1)],
    ['a month after 31 January', '2026-02-01', () => addMonths('2026-01-31', 1)],
    ['the end of February', '2026-02-28', () => endOfMonth('2026-02-10')],
  ])('steps over month and year ends: %s is %s', (_name, expected, step) => {
    // Act
    const day = step();

    // Assess
    expect(day).toBe(expected);
  });

  it.each([
    ['a Sunday', '2026-11-22', '2026-11-16'],
    ['a Monday', '2026-11-23', '2026-11-23'],
  ])('starts weeks on Monday: the week of %s (%s) starts %s', (_name, day, expected) => {
    // Act
    const start = startOfWeek(day);

    // Assess
    expect(start).toBe(expected);
  });

  it('shows a month as whole weeks', () => {
    // Act
    const p = periodOf('month', '2026-11-15');

    // Assess
    expect(p).toEqual({ from: '2026-10-26', to: '2026-12-06' });
    expect(daysBetween(p.from, p.to)).toHaveLength(42);
  });

  it('shows a week from Monday to Sunday', () => {
    // Act
    const p = periodOf('week', '2026-11-19');

    // Assess
    expect(p).toEqual({ from: '2026-11-16', to: '2026-11-22' });
  });

  it.each([
    ['the day before the birthday', '2026-06-14', 5],
    ['the birthday', '2026-06-15', 6],
  ])('counts ages in whole years, birthday included: on %s (%s) %i', (_name, on, expected) => {
    // Act
    const age = ageOn('2020-06-15', on);

    // Assess
    expect(age).toBe(expected);
  });
});

describe('wall clock in the region', () => {
  it.each([
    ['in winter', '2026-01-10T08:00', '2026-01-10T08:00:00+01:00'],
    ['in summer', '2026-07-06T08:00', '2026-07-06T08:00:00+02:00'],
    ['on the day the clocks go forward, before the change', '2026-03-29T01:30', '2026-03-29T01:30:00+01:00'],
    ['on the day the clocks go forward, after the change', '2026-03-29T03:30', '2026-03-29T03:30:00+02:00'],
    ['on the day the clocks go back, after the change', '2026-10-25T04:00', '2026-10-25T04:00:00+01:00'],
  ])('gives a Vienna time its offset %s (%s → %s)', (_name, wallClock, expected) => {
    // Act
    const iso = zonedIso(wallClock, 'Europe/Vienna');

    // Assess
    expect(iso).toBe(expected);
  });

  it.each([
    ['2026-07-06T06:00:00Z', 'Europe/Vienna', { date: '2026-07-06', time: '08:00' }],
    ['2026-12-31T23:30:00Z', 'Europe/Berlin', { date: '2027-01-01', time: '00:30' }],
  ])('reads an instant back as the wall clock it was entered as (%s in %s)', (instant, zone, expected) => {
    // Act
    const parts = zonedParts(instant, zone);

    // Assess
    expect(parts).toEqual(expected);
  });

  it.each([
    ['in winter', '2027-03-04T08:00:00.000Z', '2027-03-04T09:00:00+01:00'],
    ['in summer', '2027-07-05T07:00:00.000Z', '2027-07-05T09:00:00+02:00'],
    ['the last half hour before the clocks go back', '2026-10-25T00:30:00.000Z', '2026-10-25T02:30:00+02:00'],
    ['the same wall clock half an hour later, after they went back', '2026-10-25T01:30:00.000Z', '2026-10-25T02:30:00+01:00'],
  ])('writes an instant as Vienna time with the offset of that moment %s (%s → %s)', (_name, instant, expected) => {
    // Act
    const local = zonedDateTime(instant, 'Europe/Vienna');

    // Assess: the same instant, as a crawler reads it back.
    expect(local).toBe(expected);
    expect(new Date(local).toISOString()).toBe(instant);
  });
});
