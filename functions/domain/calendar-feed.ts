import ical, { ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import type { Offer } from '../../shared/schemas/offer.js';

/** How often a subscribed calendar should fetch a feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
const FEED_REFRESH_SECONDS = 6 * 60 * 60;

/** An offer as a feed shows it; the stamps are absent where the offer was never stored (a mail's attachment). */
export type FeedSource = Offer & {
  /** Counts the offer's saved edits: the events' SEQUENCE, so calendars take an edit as newer. */
  version?: number;
  updatedAt?: string;
  /** Sessions an edit removed: kept as cancelled, so subscribed calendars strike them through. */
  removedSessions?: Offer['sessions'];
};

/** What a feed says about itself: its name, where it is subscribed, and the web app's address for links. */
export type FeedOptions = { name: string; publicUrl: string; url?: string; description?: string };

/** One event of a feed: a session of an offer. */
type FeedEvent = {
  uid: string;
  session: Offer['sessions'][number];
  offer: FeedSource;
  summary: string;
  cancelled: boolean;
  /** Not (yet) a place: a waiting or offered booking in the family's feed. */
  tentative?: boolean;
};

/** A TEXT value as RFC 5545 §3.3.11 writes it. */
const escapeText = (text: string) => text.replace(/([\\;,])/g, '\\$1').replace(/\r?\n/g, '\\n');

/** The event's UID in the public feed; stable across edits, so an edited session replaces its old copy. */
const sessionUid = (offer: Pick<Offer, 'id'>, session: Pick<Offer['sessions'][number], 'id'>) => `${offer.id}-${session.id}@regiokurs`;

/** The title of a session: the offer's, and its unit's label when the session is one unit's (week 2). */
function sessionTitle(offer: Offer, session: Offer['sessions'][number]): string {
  const unit = session.unitId === undefined ? undefined : offer.units.find((u) => u.id === session.unitId)?.label;
  return unit ? `${offer.title} – ${unit}` : offer.title;
}

/** The sessions a feed shows of an offer, with whether each is cancelled (the offer, or an edit that removed it). */
export function feedSessions(offer: FeedSource): { session: Offer['sessions'][number]; cancelled: boolean }[] {
  const current = new Set(offer.sessions.map((s) => s.id));
  const removed = (offer.removedSessions ?? []).filter((s) => !current.has(s.id));
  const uniqueRemoved = [...new Map(removed.map((s) => [s.id, s])).values()];
  return [
    ...offer.sessions.map((session) => ({ session, cancelled: offer.status === 'cancelled' })),
    ...uniqueRemoved.map(({ id, start, end, place, unitId }) => ({ session: { id, start, end, place, unitId }, cancelled: true })),
  ];
}

/**
 * Renders events as an iCalendar (RFC 5545 with RFC 7986's NAME, URL and REFRESH-INTERVAL).
 * Times are written in UTC: every calendar shows them in its own zone, and no VTIMEZONE block
 * can be got wrong. DTSTAMP is the offer's last change, not the time of the request, so the same
 * data gives the same bytes (and the same ETag).
 */
function renderFeed(events: FeedEvent[], options: FeedOptions): string {
  const calendar = ical({
    // ical-generator writes NAME and X-WR-CALNAME unescaped (it escapes event texts itself).
    name: escapeText(options.name),
    prodId: '//regiokurs//Kalender//DE',
    ttl: FEED_REFRESH_SECONDS,
    ...(options.url && { url: options.url }),
    ...(options.description && { description: escapeText(options.description) }),
  });
  for (const { uid, session, offer, summary, cancelled, tentative } of events) {
    const link = `${options.publicUrl}/offers/${offer.id}`;
    const changed = offer.updatedAt ? new Date(offer.updatedAt) : undefined;
    calendar.createEvent({
      id: uid,
      sequence: offer.version ?? 0,
      ...(changed && { stamp: changed, lastModified: changed }),
      start: new Date(session.start),
      end: new Date(session.end),
      summary: cancelled ? `Abgesagt / Cancelled: ${summary}` : summary,
      description: [offer.description, link].filter((part) => part.length > 0).join('\n\n'),
      location: offer.address ?? session.place,
      url: link,
      status: cancelled ? ICalEventStatus.CANCELLED : tentative ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
      // A cancelled or not yet certain date does not block the family's time.
      transparency: cancelled || tentative ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
    });
  }
  return calendar.toString();
}

/**
 * An iCalendar feed with one event per session of each offer, so families can subscribe to the
 * regional calendar (or a municipality's, a category's or one offer's part of it). Cancelled
 * offers and removed sessions stay in it as STATUS:CANCELLED for as long as the caller passes
 * them, so a subscribed calendar strikes them through instead of silently dropping them.
 */
export function buildCalendarFeed(offers: FeedSource[], options: FeedOptions): string {
  const events = offers.flatMap((offer) =>
    feedSessions(offer).map(({ session, cancelled }) => ({
      uid: sessionUid(offer, session),
      session,
      offer,
      summary: sessionTitle(offer, session),
      cancelled,
    })),
  );
  return renderFeed(events, options);
}

/** One booked session in a family's feed: who goes (first names, when the family shows them) and how sure it is. */
export type BookedSession = {
  offer: FeedSource;
  session: Offer['sessions'][number];
  cancelled: boolean;
  children: string[];
  /** The best status among the household's bookings that meet at this session. */
  status: 'confirmed' | 'offered' | 'waitlisted';
};

const statusNote: Record<BookedSession['status'], string> = {
  confirmed: '',
  offered: ' (Platz angeboten / place offered)',
  waitlisted: ' (Warteliste / waitlist)',
};

/**
 * A family's private feed: one event per session it has booked. Its UIDs differ from the public
 * feed's (a family may subscribe to both), and stay the same when the link is replaced.
 */
export function buildFamilyFeed(sessions: BookedSession[], options: FeedOptions): string {
  const events = sessions.map(({ offer, session, cancelled, children, status }) => {
    const who = children.length > 0 ? ` – ${children.join(', ')}` : '';
    return {
      uid: `${offer.id}-${session.id}-family@regiokurs`,
      session,
      offer,
      summary: `${sessionTitle(offer, session)}${who}${statusNote[status]}`,
      cancelled,
      tentative: status !== 'confirmed',
    };
  });
  return renderFeed(events, options);
}
