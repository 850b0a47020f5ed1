import type { Event, EventSeries, ItemAvailability, Offer as SchemaOffer, Place, WithContext } from 'schema-dts';
import type { CatalogOffer } from '../../shared/schemas/offer.js';
import type { Municipality, Provider } from '../../shared/schemas/region.js';
import { zonedDateTime } from '../../shared/zoned.js';

/** What the offer page's head is built from: the published offer and who and where it belongs to. */
export type OfferPageInput = {
  offer: CatalogOffer;
  provider: Provider | undefined;
  municipality: Municipality | undefined;
  regionName: string;
  timeZone: string;
  publicUrl: string;
};

const escapeHtml = (s: string) => s.replace(/[<>&'"]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' })[ch] ?? ch);

/**
 * JSON for inside `<script type="application/ld+json">`: `<` as `\u003c` so no `</script>` or
 * `<!--` in a title ends the script early; U+2028/2029 as escapes for old JavaScript parsers.
 */
const jsonForScript = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

const pageUrl = (publicUrl: string, offerId: string) => `${publicUrl.replace(/\/+$/, '')}/offers/${encodeURIComponent(offerId)}`;

/** A short meta description: search results show about 160 characters. */
const summary = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
};

/**
 * The offer as schema.org JSON-LD: an `Event`, or an `EventSeries` with one `subEvent` per
 * session when it meets more than once. The texts are German only (offers are written in one
 * language), so `inLanguage` says `de`.
 */
function offerJsonLd(input: OfferPageInput): WithContext<Event | EventSeries> {
  const { offer, provider, municipality, timeZone } = input;
  const url = pageUrl(input.publicUrl, offer.id);
  const sessions = [...offer.sessions].sort((a, b) => a.start.localeCompare(b.start));
  const place = (name: string): Place => ({
    '@type': 'Place',
    name,
    address: {
      '@type': 'PostalAddress',
      ...(offer.address ? { streetAddress: offer.address } : {}),
      ...(municipality ? { addressLocality: municipality.name } : {}),
    },
  });
  const free = offer.units.some((u) => u.confirmed < u.capacity);
  const availability: ItemAvailability = free ? 'https://schema.org/InStock' : 'https://schema.org/SoldOut';
  const offers: SchemaOffer = {
    '@type': 'Offer',
    price: offer.price.amount,
    priceCurrency: 'EUR',
    availability,
    validFrom: zonedDateTime(offer.registrationOpens, timeZone),
    url,
  };
  const eventStatus = offer.status === 'cancelled' ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled';
  const first = sessions[0];
  const last = sessions.at(-1);
  const common = {
    name: offer.title,
    description: offer.description,
    url,
    startDate: first ? zonedDateTime(first.start, timeZone) : undefined,
    endDate: last ? zonedDateTime(last.end, timeZone) : undefined,
    eventStatus,
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location: place(first?.place ?? municipality?.name ?? input.regionName),
    organizer: {
      '@type': 'Organization',
      name: provider?.name ?? offer.providerName ?? input.regionName,
      ...(provider?.website ? { url: provider.website } : {}),
    },
    offers,
    typicalAgeRange: `${offer.ageRange.min}-${offer.ageRange.max}`,
    isAccessibleForFree: offer.price.amount === 0,
    inLanguage: 'de',
  } as const;
  if (sessions.length <= 1) return { '@context': 'https://schema.org', '@type': 'Event', ...common };
  return {
    '@context': 'https://schema.org',
    '@type': 'EventSeries',
    ...common,
    subEvent: sessions.map((s): Event => ({
      '@type': 'Event',
      name: offer.title,
      startDate: zonedDateTime(s.start, timeZone),
      endDate: zonedDateTime(s.end, timeZone),
      eventStatus,
      location: place(s.place),
      url,
    })),
  };
}

/**
 * The head of an offer's page: title, description, canonical address, Open Graph and the
 * JSON-LD. The app has one address per page for both languages (the language is the user's
 * choice, not part of the path), so there is no hreflang alternate to name.
 */
export function offerPageHead(input: OfferPageInput): string {
  const { offer } = input;
  const url = pageUrl(input.publicUrl, offer.id);
  const title = `${offer.title} – ${input.regionName}`;
  const description = summary(offer.description) || offer.title;
  return [
    `<title>${escapeHtml(title)}</title>`,
    `<meta name="description" content="${escapeHtml(description)}">`,
    `<link rel="canonical" href="${escapeHtml(url)}">`,
    `<meta property="og:type" content="website">`,
    `<meta property="og:title" content="${escapeHtml(offer.title)}">`,
    `<meta property="og:description" content="${escapeHtml(description)}">`,
    `<meta property="og:url" content="${escapeHtml(url)}">`,
    `<meta property="og:site_name" content="${escapeHtml(input.regionName)}">`,
    `<script type="application/ld+json">${jsonForScript(offerJsonLd(input))}</script>`,
  ].join('\n    ');
}

/**
 * The shell with `head` in place of its own `<title>` and description, and `lang="de"`; the
 * rest (the app's scripts and its mount point) stays as built, so the app boots as on any page.
 */
export function injectHead(shell: string, head: string): string {
  const withoutOwn = shell.replace(/<title>[\s\S]*?<\/title>\s*/i, '').replace(/<meta\s+name="description"[^>]*>\s*/i, '');
  const withLang = /<html[^>]*\slang=/i.test(withoutOwn) ? withoutOwn : withoutOwn.replace(/<html/i, '<html lang="de"');
  return withLang.replace(/<\/head>/i, () => `    ${head}\n  </head>`);
}
