/**
 * Calendar-day arithmetic on `YYYY-MM-DD` strings. Days are zone-free, so computing them in
 * UTC is exact; the region's zone matters only when an instant becomes a day (see format.ts).
 */

const toUtc = (day: string) => new Date(`${day}T00:00:00Z`);
const fromUtc = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  const d = toUtc(day);
  d.setUTCDate(d.getUTCDate() + n);
  return fromUtc(d);
}

/** Monday of the ISO week that holds `day` (weeks start on Monday in Austria and Germany). */
export function startOfWeek(day: string): string {
  const weekday = (toUtc(day).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

function startOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

export function endOfMonth(day: string): string {
  const d = toUtc(startOfMonth(day));
  d.setUTCMonth(d.getUTCMonth() + 1, 0);
  return fromUtc(d);
}

export function addMonths(day: string, n: number): string {
  const d = toUtc(startOfMonth(day));
  d.setUTCMonth(d.getUTCMonth() + n);
  return fromUtc(d);
}

/** The days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

export type Period = { from: string; to: string };

/** The week or the month around `anchor`; a month view shows whole weeks, Monday to Sunday. */
export function periodOf(view: 'week' | 'month', anchor: string): Period {
  if (view === 'week') {
    const from = startOfWeek(anchor);
    return { from, to: addDays(from, 6) };
  }
  return { from: startOfWeek(startOfMonth(anchor)), to: addDays(startOfWeek(endOfMonth(anchor)), 6) };
}

/** Age in whole years on `onDay`, as the API counts it (inclusive age ranges). */
export function ageOn(birthDate: string, onDay: string): number {
  const years = Number(onDay.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDay.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
