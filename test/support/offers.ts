import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../functions/api/context.js';
import { offerSpan } from '../../functions/domain/offers.js';
import type { Offer } from '../../shared/schemas/offer.js';
import { retrySetup } from './retry-setup.js';

/**
 * Writes a published offer (by default: one 10-place unit, open for registration around the
 * context's clock, for ages 3–10, one session in a week) and returns it.
 */
export async function createOffer(ctx: AppContext, overrides: Partial<Offer> = {}): Promise<Offer> {
  const now = ctx.ports.clock.now().getTime();
  const day = 24 * 3600 * 1000;
  const iso = (t: number) => new Date(t).toISOString();
  const offer: Offer = {
    id: `o-${randomUUID().slice(0, 8)}`,
    title: 'Testkurs',
    description: 'Ein Kurs zum Testen',
    category: 'bewegung',
    kind: 'course',
    status: 'published',
    municipalityId: 'lindach',
    providerId: 'sportunion-lindach',
    bookingMode: 'fcfs',
    waitlist: true,
    ageRange: { min: 3, max: 10 },
    registrationOpens: iso(now - day),
    registrationCloses: iso(now + 6 * day),
    price: { amount: 30 },
    sessions: [{ id: 's1', start: iso(now + 7 * day), end: iso(now + 7 * day + 3600_000), place: 'Turnsaal' }],
    units: [{ id: 'u1', label: 'Gruppe', capacity: 10, confirmed: 0, waiting: 0 }],
    ...overrides,
  };
  const created = await retrySetup(() => ctx.ports.offers.createOffer(offer, offerSpan(offer, ctx.config.TIME_ZONE), iso(now)));
  if (!created) throw new Error(`offer ${offer.id} exists`);
  return offer;
}
