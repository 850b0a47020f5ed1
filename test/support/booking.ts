import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { AppContext } from '../../functions/api/context.js';
import { checkConsistency } from '../../functions/db/consistency.js';
import type { Registration } from '../../shared/schemas/registration.js';
import { createUser, json, signInAgain, type TestUser } from './users.js';
import { retrySetup } from './retry-setup.js';

export type Family = TestUser & { householdId: string; childIds: string[] };
type App = { request(path: string, init?: RequestInit): Response | Promise<Response> };

/** The birth date of a child `years` old today (well inside the default offer's 3–10). */
export const bornYearsAgo = (ctx: AppContext, years: number) => {
  const d = ctx.ports.clock.now();
  return `${d.getUTCFullYear() - years}${d.toISOString().slice(4, 10)}`;
};

/**
 * A family account with `children` children of the given age, written straight to the table,
 * signed in once they exist (as a family sets up before it books): its token knows the household.
 */
export async function createFamily(ctx: AppContext, children = 1, age = 5): Promise<Family> {
  const user = await createUser(ctx);
  const householdId = user.householdId ?? '';
  const childIds = Array.from({ length: children }, () => randomUUID());
  for (const [i, id] of childIds.entries()) {
    const child = { id, firstName: `Kind${i + 1}`, birthDate: bornYearsAgo(ctx, age) };
    await retrySetup(() => ctx.ports.households.addChild(householdId, child, ctx.ports.clock.now().toISOString()));
  }
  return { ...(await signInAgain(ctx, user)), householdId, childIds };
}

/** POST /api/registrations with a fresh (or the given) Idempotency-Key. */
export const book = async (app: App, user: TestUser, body: unknown, key: string = randomUUID()) =>
  app.request('/api/registrations', json('POST', body, { ...user.headers, 'Idempotency-Key': key }));

export const cancel = async (app: App, user: TestUser, registrationId: string) =>
  app.request(`/api/registrations/${registrationId}`, { method: 'DELETE', headers: user.headers });

export async function listRegistrations(app: App, user: TestUser): Promise<(Registration & { offerTitle: string; childFirstName?: string })[]> {
  const res = await app.request('/api/family/registrations', { headers: user.headers });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: (Registration & { offerTitle: string })[] }).items;
}

/** `npm run check:consistency` in-process: the table must be consistent. */
export async function expectConsistent(ctx: AppContext) {
  const { problems } = await checkConsistency(ctx.table);
  expect(problems).toEqual([]);
}

/** The unit as the public detail shows it. */
export async function unitOf(app: App, offerId: string, unitId = 'u1') {
  const res = await app.request(`/api/offers/${offerId}`);
  const offer = (await res.json()) as { units: { id: string; capacity: number; confirmed: number; waiting: number }[] };
  return offer.units.find((u) => u.id === unitId);
}
