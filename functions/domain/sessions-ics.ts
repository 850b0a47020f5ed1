import type { Offer } from '../../shared/schemas/offer.js';
import type { Ports } from '../ports/index.js';
import type { Mailer } from '../ports/world.js';
import { sessionsOfUnits } from '../../shared/sessions.js';
import { buildCalendarFeed } from './calendar-feed.js';

/**
 * The sessions of an offer's units as an iCalendar file, e.g. the reminder's attachment: the
 * very events of the public feed (`GET /api/calendar.ics`), with the same UIDs, so a calendar
 * that has subscribed to the feed and imports the attachment too shows each session once.
 */
export const sessionsIcs = (offer: Offer, unitIds: string[], publicUrl: string): string =>
  buildCalendarFeed([{ ...offer, sessions: sessionsOfUnits(offer, unitIds) }], { name: offer.title, publicUrl });

/**
 * The mailer that delivers (SES in the stream function, the local outbox) behind one that turns a
 * mail's `calendar` into its .ics attachment, the offer read as it is when the mail goes out; a
 * mail whose offer is gone goes without it.
 */
export function attachingCalendars(mailer: Mailer, ports: Pick<Ports, 'offers' | 'publicUrl'>): Mailer {
  return {
    async send({ calendar, ...mail }) {
      const offer = calendar && (await ports.offers.getOffer(calendar.offerId));
      await mailer.send(offer && calendar ? { ...mail, ics: sessionsIcs(offer, calendar.unitIds, ports.publicUrl) } : mail);
    },
  };
}
