import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../functions/api/context.js';
import { demoMunicipalities, demoProviders, demoRegion } from '../../functions/demo/region.js';
import { expect } from 'vitest';
import type { Offer } from '../../shared/schemas/offer.js';
import { createUser, json, type TestUser } from './users.js';
import { retrySetup } from './retry-setup.js';

/** The demo region's configuration, municipalities and providers, without offers or accounts. */
export async function seedRegionConfig(ctx: AppContext) {
  await retrySetup(() => ctx.ports.region.createRegion(demoRegion));
  await Promise.all(demoMunicipalities.map((m) => retrySetup(() => ctx.ports.region.createMunicipality(m))));
  await Promise.all(demoProviders.map((p) => retrySetup(() => ctx.ports.region.createProvider(p))));
}

export type Guardian = { name: string; phone: string; postalCode: string };
export type ChildSpec = { firstName: string; birthDate: string; notes?: string };
export type Household = TestUser & { householdId: string; children: (ChildSpec & { id: string })[]; guardian: Guardian };

/** A family with a guardian's contact (its postal code decides the residence) and named children. */
export async function createHousehold(ctx: AppContext, guardian: Guardian, children: ChildSpec[]): Promise<Household> {
  const user = await createUser(ctx);
  const householdId = user.householdId ?? '';
  const residence = demoMunicipalities.find((m) => m.postalCodes.includes(guardian.postalCode));
  await retrySetup(() => ctx.ports.households.updateGuardian(householdId, guardian, residence?.id));
  // Notes as the API stores them: with the time the guardian consented.
  const withIds = children.map((c) => ({ ...c, id: randomUUID(), ...(c.notes && { notesConsentAt: ctx.ports.clock.now().toISOString() }) }));
  for (const child of withIds) await retrySetup(() => ctx.ports.households.addChild(householdId, child, ctx.ports.clock.now().toISOString()));
  return { ...user, householdId, children: withIds, guardian };
}

/** The response body as JSON, typed by the caller. */
export const body = async <T>(res: Response | Promise<Response>): Promise<T> => (await (await res).json()) as T;

const DAY_MS = 24 * 3600 * 1000;

/**
 * A draft offer as the provider form sends it, dated from `now`: open for registration since
 * yesterday, two weekly sessions from next week, one unit of two places, a reduced price.
 */
export function offerDraft(now: Date, overrides: Record<string, unknown> = {}) {
  const iso = (ms: number) => new Date(now.getTime() + ms).toISOString();
  return {
    title: 'Eltern-Kind-Turnen',
    description: 'Bewegung für die Kleinen',
    category: 'bewegung',
    kind: 'course',
    municipalityId: 'lindach',
    providerId: 'musikschule-sonnental',
    address: 'Turnsaal der Volksschule, Schulweg 1',
    accessibility: 'Stufenloser Zugang',
    bookingMode: 'fcfs',
    waitlist: true,
    ageRange: { min: 2, max: 6 },
    registrationOpens: iso(-DAY_MS),
    registrationCloses: iso(6 * DAY_MS),
    price: { amount: 40, reduced: 20 },
    sessions: [
      { start: iso(7 * DAY_MS), end: iso(7 * DAY_MS + 3600_000), place: 'Turnsaal' },
      { start: iso(14 * DAY_MS), end: iso(14 * DAY_MS + 3600_000), place: 'Turnsaal' },
    ],
    units: [{ label: 'Gruppe', capacity: 2 }],
    ...overrides,
  };
}

type App = { request(path: string, init?: RequestInit): Response | Promise<Response> };

/** A draft the provider creates and publishes through the API: the offer as published, and its provider path. */
export async function publishDraft(app: App, provider: TestUser, draft: unknown): Promise<{ offer: Offer; path: string }> {
  const created = await app.request('/api/provider/offers', json('POST', draft, provider.headers));
  expect(created.status, await created.clone().text()).toBe(201);
  const path = `/api/provider/offers/${(await body<Offer>(created)).id}`;
  const published = await app.request(path, json('PATCH', { status: 'published' }, provider.headers));
  expect(published.status).toBe(200);
  return { offer: await body<Offer>(published), path };
}
