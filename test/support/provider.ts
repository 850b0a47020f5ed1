import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../functions/api/context.js';
import { demoMunicipalities, demoProviders, demoRegion } from '../../functions/demo/region.js';
import { createUser, type TestUser } from './users.js';
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
  const withIds = children.map((c) => ({ ...c, id: randomUUID() }));
  for (const child of withIds) await retrySetup(() => ctx.ports.households.addChild(householdId, child, ctx.ports.clock.now().toISOString()));
  return { ...user, householdId, children: withIds, guardian };
}

/** The response body as JSON, typed by the caller. */
export const body = async <T>(res: Response | Promise<Response>): Promise<T> => (await (await res).json()) as T;
