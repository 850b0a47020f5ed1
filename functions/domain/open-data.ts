import { dayIn } from '../../shared/dates.js';
import type { OpenDataDocument, OpenDataOffer } from '../../shared/schemas/open-data.js';
import type { CatalogOffer } from '../../shared/schemas/offer.js';
import type { Municipality, Provider, Region } from '../../shared/schemas/region.js';
import type { Ports } from '../ports/index.js';
import { soonestFirst } from './catalog.js';
import { openDataLicence } from './region-settings.js';

type Names = { region: Region | undefined; municipalities: Municipality[]; providers: Provider[]; publicUrl: string };

/** Picks field by field what open data may say of an offer, so a field added to offers later stays out until chosen here. */
function openDataOffer(offer: CatalogOffer, { region, municipalities, providers, publicUrl }: Names): OpenDataOffer {
  const category = region?.categories.find((k) => k.id === offer.category);
  const provider = providers.find((p) => p.id === offer.providerId);
  return {
    id: offer.id,
    title: offer.title,
    description: offer.description,
    category: { id: offer.category, name: category?.name ?? { de: offer.category, en: offer.category } },
    kind: offer.kind,
    municipality: { id: offer.municipalityId, name: municipalities.find((m) => m.id === offer.municipalityId)?.name ?? offer.municipalityId },
    provider: { id: offer.providerId, name: provider?.name ?? offer.providerName ?? offer.providerId, website: provider?.website },
    address: offer.address,
    ageRange: { min: offer.ageRange.min, max: offer.ageRange.max },
    price: { amount: offer.price.amount, reduced: offer.price.reduced, currency: 'EUR' },
    bookingMode: offer.bookingMode,
    waitlist: offer.waitlist,
    registrationOpens: offer.registrationOpens,
    registrationCloses: offer.registrationCloses,
    sessions: offer.sessions.map((s) => ({ start: s.start, end: s.end, place: s.place, unitId: s.unitId })),
    units: offer.units.map((u) => ({ id: u.id, label: u.label, capacity: u.capacity, freePlaces: Math.max(0, u.capacity - u.confirmed) })),
    url: `${publicUrl}/offers/${encodeURIComponent(offer.id)}`,
  };
}

/**
 * The region's current published offers (not yet over) as one open-data document, soonest first.
 * Drafts and cancelled offers are not in the catalog it reads, so never in the document.
 */
export async function openDataDocument(ports: Pick<Ports, 'offers' | 'region' | 'clock' | 'timeZone'>, publicUrl: string): Promise<OpenDataDocument> {
  const now = ports.clock.now();
  const [offers, region, municipalities, providers] = await Promise.all([
    ports.offers.listCatalog(dayIn(ports.timeZone, now)),
    ports.region.getRegion(),
    ports.region.listMunicipalities(),
    ports.region.listProviders(),
  ]);
  const names = { region, municipalities, providers, publicUrl };
  return {
    licence: openDataLicence(region),
    attribution: region?.name ?? 'regiokurs',
    generatedAt: now.toISOString(),
    offers: offers.sort(soonestFirst).map((offer) => openDataOffer(offer, names)),
  };
}
