/**
 * Wall-clock time in a named zone ⇄ ISO instants with offset, with Intl only (no date library in
 * the web app's bundle). A provider types "2026-07-06 08:00" meaning Vienna time, whatever zone
 * the browser is in; a crawler reads a session's start as Vienna time with its offset.
 */

function wallParts(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}`, seconds: get('second') };
}

/** Minutes the zone is ahead of UTC at `instant`. */
function offsetMinutes(instant: Date, timeZone: string): number {
  const w = wallParts(instant, timeZone);
  const asUtc = Date.parse(`${w.date}T${w.time}:${w.seconds}Z`);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');

const withOffset = (wall: string, offset: number) => `${wall}${offset < 0 ? '-' : '+'}${pad(offset / 60)}:${pad(offset % 60)}`;

/** `2026-07-06T08:00` in `timeZone` → `2026-07-06T08:00:00+02:00`. */
export function zonedIso(local: string, timeZone: string): string {
  const naive = Date.parse(`${local.slice(0, 16)}:00Z`);
  let offset = offsetMinutes(new Date(naive), timeZone);
  // A second pass corrects the guess when the offset differs on the two sides of a DST switch.
  offset = offsetMinutes(new Date(naive - offset * 60_000), timeZone);
  return withOffset(`${local.slice(0, 16)}:00`, offset);
}

/** An instant as the zone's wall-clock time with its offset: `2027-03-04T08:00:00Z` → `2027-03-04T09:00:00+01:00` in Vienna. */
export function zonedDateTime(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  const w = wallParts(instant, timeZone);
  return withOffset(`${w.date}T${w.time}:${w.seconds}`, offsetMinutes(instant, timeZone));
}

/** An instant as the zone's wall clock: `{date: '2026-07-06', time: '08:00'}`. */
export function zonedParts(iso: string, timeZone: string): { date: string; time: string } {
  const { date, time } = wallParts(new Date(iso), timeZone);
  return { date, time };
}
