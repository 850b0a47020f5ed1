import ical from 'ical-generator';
import type { Offer } from '../../shared/schemas/offer.js';

/**
 * An iCalendar feed with one event per session of each offer, so families can subscribe to
 * the regional calendar (or their municipality's part of it). Times are written in UTC: every
 * calendar shows them in its own zone, and no VTIMEZONE block can be got wrong.
 */
export function buildCalendarFeed(offers: Offer[], options: { name: string; publicUrl: string }): string {
  const calendar = ical({ name: options.name, prodId: '//regiokurs//Kalender//DE' });
  for (const offer of offers) {
    const unitLabel = new Map(offer.units.map((u) => [u.id, u.label]));
    for (const session of offer.sessions) {
      // A session of one unit says which (week 2), so a subscribed calendar tells the weeks apart.
      const unit = session.unitId === undefined ? undefined : unitLabel.get(session.unitId);
      calendar.createEvent({
        id: `${offer.id}-${session.id}@regiokurs`,
        start: new Date(session.start),
        end: new Date(session.end),
        summary: unit ? `${offer.title} – ${unit}` : offer.title,
        description: offer.description,
        location: offer.address ?? session.place,
        url: `${options.publicUrl}/offers/${offer.id}`,
      });
    }
  }
  return calendar.toString();
}
