import { dayIn } from '../../shared/dates.js';
import type { CatalogOffer, Offer, OfferListQuery } from '../../shared/schemas/offer.js';
import type { Ports } from '../ports/index.js';
import { InvalidInputError, NotFoundError } from './errors.js';

export type CatalogPorts = Pick<Ports, 'offers' | 'clock' | 'timeZone'>;

/** Free places of a unit; never negative, even if capacity was lowered below the confirmed. */
const freePlaces = (unit: Offer['units'][number]) => Math.max(0, unit.capacity - unit.confirmed);

const matchesText = (offer: CatalogOffer, q: string) => {
  const needle = q.toLocaleLowerCase('de');
  return [offer.title, offer.description, offer.providerName ?? '', offer.address ?? '', ...offer.sessions.map((s) => s.place)].some((text) =>
    text.toLocaleLowerCase('de').includes(needle),
  );
};

/** Does `offer` pass every filter of the query? Dates compare as calendar days of the region. */
function matchesQuery(offer: CatalogOffer, query: Omit<OfferListQuery, 'cursor' | 'limit'>): boolean {
  return (
    (!query.municipality || offer.municipalityId === query.municipality) &&
    (!query.category || offer.category === query.category) &&
    (query.age === undefined || (offer.ageRange.min <= query.age && query.age <= offer.ageRange.max)) &&
    (!query.from || offer.lastDay >= query.from) &&
    (!query.to || offer.firstDay <= query.to) &&
    (!query.q || matchesText(offer, query.q)) &&
    (!query.available || offer.units.some((u) => freePlaces(u) > 0))
  );
}

type Cursor = { start: string; id: string };
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(cursor: string): Cursor {
  let c: Partial<Cursor> | undefined;
  try {
    c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<Cursor>;
  } catch {
    c = undefined;
  }
  if (typeof c?.start !== 'string' || typeof c.id !== 'string') {
    throw new InvalidInputError('Ungültiger Cursor / invalid cursor', 'cursor');
  }
  return { start: c.start, id: c.id };
}
/** Offers soonest first, and by id where they start together, so every list and page has one order. */
export const soonestFirst = (a: Pick<CatalogOffer, 'firstStart' | 'id'>, b: Pick<CatalogOffer, 'firstStart' | 'id'>) =>
  a.firstStart.localeCompare(b.firstStart) || a.id.localeCompare(b.id);
const after = (offer: CatalogOffer, c: Cursor) => offer.firstStart > c.start || (offer.firstStart === c.start && offer.id > c.id);

/**
 * Published offers matching the filters, soonest first, one page at a time. Without `from`,
 * offers that are over are left out. A region holds hundreds of current offers, so the
 * catalog is read whole and filtered here; registrations never add to that read.
 */
export async function listOffers(ports: CatalogPorts, query: OfferListQuery) {
  const from = query.from ?? dayIn(ports.timeZone, ports.clock.now());
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  const matching = (await ports.offers.listCatalog(from))
    .filter((offer) => matchesQuery(offer, { ...query, from }))
    .sort(soonestFirst)
    .filter((offer) => !cursor || after(offer, cursor));
  const items = matching.slice(0, query.limit);
  const last = items.at(-1);
  const more = matching.length > items.length && last;
  return { items, cursor: more ? encodeCursor({ start: last.firstStart, id: last.id }) : undefined };
}

/** A published offer with live availability; drafts and unknown ids are simply not found. */
export async function getPublishedOffer(ports: Pick<CatalogPorts, 'offers'>, offerId: string): Promise<CatalogOffer> {
  const offer = await ports.offers.getOffer(offerId);
  if (!offer || offer.status === 'draft') throw new NotFoundError('Angebot nicht gefunden / offer not found');
  return offer;
}
