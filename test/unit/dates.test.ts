import { describe, expect, it } from 'vitest';
import { ageOn, birthDatesForAges, dayIn } from '../../shared/dates.js';

describe('dayIn', () => {
  it('puts a late-evening UTC instant on the next day in Vienna', () => {
    expect(dayIn('Europe/Vienna', '2026-07-05T22:30:00Z')).toBe('2026-07-06');
    expect(dayIn('Europe/Vienna', '2026-01-05T22:30:00Z')).toBe('2026-01-05');
  });
});

describe('ageOn', () => {
  it('counts a birthday only once it is reached', () => {
    expect(ageOn('2020-07-06', '2026-07-05')).toBe(5);
    expect(ageOn('2020-07-06', '2026-07-06')).toBe(6);
  });
  it('treats a 29 February birthday as reached on 1 March in common years', () => {
    expect(ageOn('2020-02-29', '2026-02-28')).toBe(5);
    expect(ageOn('2020-02-29', '2026-03-01')).toBe(6);
  });
});

describe('birthDatesForAges', () => {
  it('includes both ends of the age range and nothing beyond', () => {
    const { after, notAfter } = birthDatesForAges('2026-07-06', 6, 10);
    const fits = (birth: string) => after < birth && birth <= notAfter;
    expect(fits('2020-07-06')).toBe(true); // turns 6 that day
    expect(fits('2020-07-07')).toBe(false); // still 5
    expect(fits('2015-07-07')).toBe(true); // 10, turns 11 tomorrow
    expect(fits('2015-07-06')).toBe(false); // turns 11 that day
  });
  it('agrees with ageOn across a range of birth dates', () => {
    const on = '2028-02-29';
    const { after, notAfter } = birthDatesForAges(on, 3, 5);
    for (let d = new Date('2021-01-01'); d < new Date('2026-01-01'); d.setUTCDate(d.getUTCDate() + 1)) {
      const birth = d.toISOString().slice(0, 10);
      const age = ageOn(birth, on);
      expect(after < birth && birth <= notAfter, `${birth} is ${age}`).toBe(age >= 3 && age <= 5);
    }
  });
});
