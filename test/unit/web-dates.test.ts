import { describe, expect, it } from 'vitest';
import { addDays, addMonths, ageOn, daysBetween, endOfMonth, periodOf, startOfWeek } from '../../web/src/lib/dates';
import { zonedIso, zonedParts } from '../../web/src/lib/zoned';

describe('calendar days', () => {
  it('steps over month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-01');
    expect(endOfMonth('2026-02-10')).toBe('2026-02-28');
  });

  it('starts weeks on Monday', () => {
    expect(startOfWeek('2026-11-22')).toBe('2026-11-16'); // a Sunday
    expect(startOfWeek('2026-11-23')).toBe('2026-11-23'); // a Monday
  });

  it('shows a month as whole weeks', () => {
    const p = periodOf('month', '2026-11-15');
    expect(p).toEqual({ from: '2026-10-26', to: '2026-12-06' });
    expect(daysBetween(p.from, p.to)).toHaveLength(42);
    expect(periodOf('week', '2026-11-19')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
  });

  it('counts ages in whole years, birthday included', () => {
    expect(ageOn('2020-06-15', '2026-06-14')).toBe(5);
    expect(ageOn('2020-06-15', '2026-06-15')).toBe(6);
  });
});

describe('wall clock in the region', () => {
  it('gives Vienna times their offset in winter and in summer', () => {
    expect(zonedIso('2026-01-10T08:00', 'Europe/Vienna')).toBe('2026-01-10T08:00:00+01:00');
    expect(zonedIso('2026-07-06T08:00', 'Europe/Vienna')).toBe('2026-07-06T08:00:00+02:00');
  });

  it('gets the offset right on the day the clocks change', () => {
    expect(zonedIso('2026-03-29T01:30', 'Europe/Vienna')).toBe('2026-03-29T01:30:00+01:00');
    expect(zonedIso('2026-03-29T03:30', 'Europe/Vienna')).toBe('2026-03-29T03:30:00+02:00');
    expect(zonedIso('2026-10-25T04:00', 'Europe/Vienna')).toBe('2026-10-25T04:00:00+01:00');
  });

  it('reads an instant back as the wall clock it was entered as', () => {
    expect(zonedParts('2026-07-06T06:00:00Z', 'Europe/Vienna')).toEqual({ date: '2026-07-06', time: '08:00' });
    expect(zonedParts('2026-12-31T23:30:00Z', 'Europe/Berlin')).toEqual({ date: '2027-01-01', time: '00:30' });
  });
});
