import type { Offer } from '../../shared/schemas/offer.js';
import { sessionsOfUnits } from '../../shared/sessions.js';
import { buildCalendarFeed } from './calendar-feed.js';

/**
 * The sessions of an offer's units as an iCalendar file, e.g. the reminder's attachment: the
 * very events of the public feed (`GET /api/calendar.ics`), with the same UIDs, so a calendar
 * that has subscribed to the feed and imports the attachment too shows each session once.
 */
export const sessionsIcs = (offer: Offer, unitIds: string[], publicUrl: string): string =>
  buildCalendarFeed([{ ...offer, sessions: sessionsOfUnits(offer, unitIds) }], { name: offer.title, publicUrl });
