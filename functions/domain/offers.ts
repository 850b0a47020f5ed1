import { dayIn } from '../../shared/dates.js';
import type { Offer } from '../../shared/schemas/offer.js';
import type { OfferSpan } from '../db/offer-repo.js';

/** The first and last calendar day (in the region's zone) and the first start of an offer. */
export function offerSpan(offer: Pick<Offer, 'sessions'>, timeZone: string): OfferSpan {
  const starts = offer.sessions.map((s) => s.start).sort((a, b) => Date.parse(a) - Date.parse(b));
  const ends = offer.sessions.map((s) => s.end).sort((a, b) => Date.parse(a) - Date.parse(b));
  const firstStart = starts[0];
  const lastEnd = ends.at(-1);
  if (!firstStart || !lastEnd) throw new Error('an offer has at least one session');
  return { firstStart, firstDay: dayIn(timeZone, firstStart), lastDay: dayIn(timeZone, lastEnd) };
}
