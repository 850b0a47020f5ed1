import { describe, expect, it } from 'vitest';
import { ageOn, birthDatesForAges, dayIn } from '../../shared/dates.js';

describe('dayIn', () => {
  it.each([
    ['puts a late-evening UTC instant in summer on the next day in Vienna', '2026-07-05T22:30:00Z', '2026-07-06'],
    ['keeps 22:30 UTC in winter, only an hour behind Vienna, on the same day', '2026-01-05T22:30:00Z', '2026-01-05'],
  ])('%s (%s → %s)', (_name, instant, expected) => {
    // Act
    const day = dayIn('Europe/Vienna', instant);

    // Assess
    expect(day).toBe(expected);
  });
});

describe('ageOn', () => {
  it.each([
    ['counts a birthday only once it is reached: the day before', '2020-07-06', '2026-07-05', 5],
    ['counts a birthday only once it is reached: the day itself', '2020-07-06', '2026-07-06', 6],
    ['treats a 29 February birthday as not yet reached on 28 February in common years', '2020-02-29', '2026-02-28', 5],
    ['treats a 29 February birthday as reached on 1 March in common years', '2020-02-29', '2026-03-01', 6],
  ])('%s (born %s, on %s: %i)', (_name, birth, on, expected) => {
    // Act
    const age = ageOn(birth, on);

    // Assess
    expect(age).toBe(expected);
  });
});

describe('birthDatesForAges', () => {
  it('includes both ends of the age range and nothing beyond', () => {
    // Act
    const { after, notAfter } = birthDatesForAges('2026-07-06', 6, 10);

    // Assess
    const fits = (birth: string) => after < birth && birth <= notAfter;
    expect(fits('2020-07-06')).toBe(true); // turns 6 that day
    expect(fits('2020-07-07')).toBe(false); // still 5
    expect(fits('2015-07-07')).toBe(true); // 10, turns 11 tomorrow
    expect(fits('2015-07-06')).toBe(false); // turns 11 that day
  });

  it('agrees with ageOn across a range of birth dates', () => {
    // Prepare
    const on = '2028-02-29';

    // Act
    const { after, notAfter } = birthDatesForAges(on, 3, 5);

    // Assess: every day of five years of birth dates.
    for (let d = new Date('2021-01-01'); d < new Date('2026-01-01'); d.setUTCDate(d.getUTCDate() + 1)) {
      const birth = d.toISOString().slice(0, 10);
      const age = ageOn(birth, on);
      expect(after < birth && birth <= notAfter, `${birth} is ${age}`).toBe(age >= 3 && age <= 5);
    }
  });
});
