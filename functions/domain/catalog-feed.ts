import { dayIn } from '../../shared/dates.js';
import type { CalendarQuery } from '../../shared/schemas/offer.js';
import type { Ports } from '../ports/index.js';
import type { FeedOffer } from '../ports/offers.js';
import { buildCalendarFeed } from './calendar-feed.js';
import { soonestFirst } from './catalog.js';
import { NotFoundError } from './errors.js';

type FeedPorts = Pick<Ports, 'offers' | 'region' | 'clock' | 'timeZone' | 'publicUrl'>;

/**
 * How long a cancelled offer or removed session stays in the feeds after it ended: long enough
 * for every subscribed calendar to have fetched it (and struck it through) at least once.
 */
const KEEP_CANCELLED_DAYS = 30;
/** Calendar feeds hold a region's current offers; this bounds one feed's size (and again for the cancelled ones). */
const FEED_LIMIT = 100;

/** The offer without the removed sessions that ended before `since`: those have been seen as cancelled long enough. */
const recentRemovals = (offer: FeedOffer, since: Date): FeedOffer => ({
  ...offer,
  removedSessions: offer.removedSessions.filter((s) => Date.parse(s.end) >= since.getTime()),
});

/** The day `KEEP_CANCELLED_DAYS` ago in the region, and that instant. */
export function keptSince(ports: Pick<FeedPorts, 'clock' | 'timeZone'>) {
  const since = new Date(ports.clock.now().getTime() - KEEP_CANCELLED_DAYS * 24 * 60 * 60 * 1000);
  return { since, sinceDay: dayIn(ports.timeZone, since) };
}

/** The feed's name says which part of the calendar it holds, so two subscriptions tell apart: "Region – Lindach – Bewegung & Sport". */
async function feedName(ports: Pick<Ports, 'region'>, query: CalendarQuery): Promise<string> {
  const [region, municipalities] = await Promise.all([ports.region.getRegion(), ports.region.listMunicipalities()]);
  const part = [municipalities.find((m) => m.id === query.municipality)?.name, region?.categories.find((k) => k.id === query.category)?.name.de];
  return [region?.name ?? 'regiokurs', ...part.filter((p) => p !== undefined)].join(' – ');
}

/**
 * The public feed at `url` (its own address, which it names): one offer (published or cancelled,
 * any time), or the current offers of the region filtered by municipality and category, with the
 * offers cancelled and sessions removed in the last `KEEP_CANCELLED_DAYS` days as cancelled events.
 */
export async function publicCalendarFeed(ports: FeedPorts, query: CalendarQuery, url: string): Promise<string> {
  const options = { name: await feedName(ports, query), description: 'Angebote für Familien / offers for families', publicUrl: ports.publicUrl, url };
  const { since, sinceDay } = keptSince(ports);
  if (query.offer) {
    const offer = await ports.offers.getFeedOffer(query.offer);
    if (!offer || offer.status === 'draft') throw new NotFoundError('Angebot nicht gefunden / offer not found');
    return buildCalendarFeed([recentRemovals(offer, since)], options);
  }
  const today = dayIn(ports.timeZone, ports.clock.now());
  const matching = (await ports.offers.listFeedOffers(sinceDay))
    .filter((o) => (!query.municipality || o.municipalityId === query.municipality) && (!query.category || o.category === query.category))
    .sort(soonestFirst);
  const published = matching.filter((o) => o.status === 'published' && o.lastDay >= today).slice(0, FEED_LIMIT);
  const cancelled = matching.filter((o) => o.status === 'cancelled').slice(0, FEED_LIMIT);
  return buildCalendarFeed(
    [...published, ...cancelled].map((o) => recentRemovals(o, since)),
    options,
  );
}
