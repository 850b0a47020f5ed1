import type { Offer } from '../../shared/schemas/offer.js';
import { buildCalendarFeed } from './calendar-feed.js';

/**
 * One offer's sessions as an iCalendar file, e.g. the reminder's attachment: the very events
 * of the public feed (`GET /api/calendar.ics`), with the same UIDs, so a calendar that has
 * subscribed to the feed and imports the attachment too shows each session once.
 */
export const sessionsIcs = (offer: Offer, publicUrl: string): string => buildCalendarFeed([offer], { name: offer.title, publicUrl });
