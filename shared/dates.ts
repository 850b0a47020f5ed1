/**
 * Calendar arithmetic on ISO strings. Dates are `YYYY-MM-DD`, which compare correctly as
 * strings; the region's time zone decides which day an instant falls on.
 */

/** The calendar day of `instant` in `timeZone`, as `YYYY-MM-DD`. */
export function dayIn(timeZone: string, instant: Date | string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/** Whole years between `birthDate` and `onDate` (both `YYYY-MM-DD`). */
export function ageOn(birthDate: string, onDate: string): number {
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

const shiftYears = (date: string, years: number) => `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`;

/**
 * The birth dates of children aged `min` to `max` whole years (inclusive) on `onDate`:
 * `after < birthDate <= notAfter`. A shifted 29 February need not be a real day; as a string
 * it still sorts between 28 February and 1 March, which is all the comparison needs.
 */
export function birthDatesForAges(onDate: string, min: number, max: number): { after: string; notAfter: string } {
  return { after: shiftYears(onDate, max + 1), notAfter: shiftYears(onDate, min) };
}
