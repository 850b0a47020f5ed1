import type { Offer } from '../../shared/schemas/offer.js';
import type { TimedWorkSettings } from '../../shared/schemas/region.js';
import type { DueWork } from '../ports/due-work.js';
import type { Ports } from '../ports/index.js';
import { timedWorkSettings } from './region-settings.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `months` calendar months after `instant` (the day clamps, e.g. 31 January + 1 month = 28/29 February, as retention rules count). */
export function addMonths(instant: string, months: number): string {
  const d = new Date(instant);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d.toISOString();
}

/**
 * The offer's timed work as its dates say, at `now`: the registration opening (while
 * registration has not closed), the reminder before the first session (while it lies ahead), and the erasure after
 * the retention time. A cancelled offer keeps only its erasure; a draft has none. Pure.
 */
export function offerWork(
  offer: Pick<Offer, 'id' | 'status' | 'registrationOpens' | 'registrationCloses' | 'sessions'>,
  settings: TimedWorkSettings,
  now: Date,
): DueWork[] {
  if (offer.status === 'draft') return [];
  const starts = offer.sessions.map((s) => Date.parse(s.start));
  const ends = offer.sessions.map((s) => Date.parse(s.end));
  const lastEnd = new Date(Math.max(...ends)).toISOString();
  const work: DueWork[] = [{ kind: 'retention', subject: offer.id, dueAt: addMonths(lastEnd, settings.retentionMonths) }];
  if (offer.status !== 'published') return work;
  // Families who asked to be told are told at the opening, or at once when it was moved to now or before.
  const opens = Math.max(Date.parse(offer.registrationOpens), now.getTime());
  if (Date.parse(offer.registrationCloses) > now.getTime())
    work.push({ kind: 'registration-opening', subject: offer.id, dueAt: new Date(opens).toISOString() });
  const remindAt = Math.min(...starts) - settings.reminderDaysBefore * DAY_MS;
  if (remindAt > now.getTime()) work.push({ kind: 'reminders', subject: offer.id, dueAt: new Date(remindAt).toISOString() });
  return work;
}

/**
 * Brings the offer's due work in line with the offer after every save: new dates move it, a
 * cancellation drops the opening and the reminder. Scheduling again is harmless (one item per
 * kind and offer).
 */
export async function scheduleOfferWork(ports: Pick<Ports, 'dueWork' | 'region' | 'clock'>, offer: Parameters<typeof offerWork>[0]): Promise<void> {
  const work = offerWork(offer, await timedWorkSettings(ports), ports.clock.now());
  for (const item of work) await ports.dueWork.schedule(item);
  for (const kind of ['registration-opening', 'reminders'] as const) {
    if (offer.status !== 'draft' && !work.some((w) => w.kind === kind)) await ports.dueWork.unschedule(kind, offer.id);
  }
}
