import { beforeAll, describe, expect, it } from 'vitest';
import type { Guard } from '../../functions/api/access.js';
import { createLocalApp } from '../../functions/api/local-server.js';
import { DevClock } from '../../functions/clock.js';
import { API_CONTRACT } from '../../shared/api-contract.js';
import type { Audience, Role, RoleName } from '../../shared/schemas/auth.js';
import { createTestContext } from '../support/context.js';
import { createUser, type TestUser } from '../support/users.js';

/**
 * Who may call each route: the API's routes come from the contract (shared/api-contract.ts, the
 * list the OpenAPI document is built from), the site's few other routes are named here. A route
 * missing from either, an entry the app lacks, an audience that differs from the guard's, or a
 * route without a guard fails the first test.
 */
const siteRoutes: [method: string, path: string, audience: Audience][] = [
  ['GET', '/robots.txt', 'anyone'],
  ['GET', '/sitemap.xml', 'anyone'],
  ['GET', '/offers/:offerId', 'anyone'],
  ['GET', '/offers/:offerId/', 'anyone'],
  ['GET', '/offers/*', 'anyone'],
];
const routes: [method: string, path: string, audience: Audience][] = [
  ...API_CONTRACT.map((r) => [r.method, r.path, r.audience] as [string, string, Audience]),
  ...siteRoutes,
];

const roleOf: Record<RoleName, Role> = {
  family: { role: 'family' },
  provider: { role: 'provider', providerId: 'sportunion-lindach' },
  municipality: { role: 'municipality', municipalityId: 'lindach' },
  admin: { role: 'admin' },
};

describe('access rules', () => {
  let t: Awaited<ReturnType<typeof createTestContext>>;

  beforeAll(async () => {
    t = await createTestContext();
  });

  it('has exactly one guard on every route, and the list above names every route with its guard’s audience', () => {
    // Act: read the guards the app declares, route by route, of the app as `npm start` builds it
    // (with the dev clock, whose POST route the tests' own clock leaves out).
    const app = createLocalApp({ ...t.ctx, devClock: new DevClock() });
    const declared = new Map<string, Guard['audience'][]>();
    for (const route of app.routes) {
      if (route.method === 'ALL') continue;
      const key = `${route.method} ${route.path}`;
      const audience = (route.handler as Partial<Guard>).audience;
      declared.set(key, [...(declared.get(key) ?? []), ...(audience ? [audience] : [])]);
    }

    // Assess
    for (const [key, audiences] of declared) expect(audiences, `${key} guards`).toHaveLength(1);
    const actual = Object.fromEntries([...declared].map(([key, [audience]]) => [key, audience]));
    const expected = Object.fromEntries(routes.map(([method, path, audience]) => [`${method} ${path}`, audience]));
    expect(actual).toEqual(expected);
  });

  const request = (method: string, path: string, user?: TestUser) =>
    t.app.request(path.replace(/:(\w+)/g, 'x-$1'), {
      method,
      headers: { 'Content-Type': 'application/json', ...user?.headers },
      body: ['POST', 'PUT', 'PATCH'].includes(method) ? '{}' : undefined,
    });

  it.each(routes.filter(([, , audience]) => audience !== 'anyone'))('%s %s refuses the signed-out with 401', async (method, path) => {
    // Act
    const res = await request(method, path);

    // Assess
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  /** Every route with a list of roles, once for each role: whether that role is in the list. */
  const byRole = routes.flatMap(([method, path, audience]) =>
    Array.isArray(audience) ? (Object.keys(roleOf) as RoleName[]).map((name) => [method, path, name, audience.includes(name)] as const) : [],
  );

  it.each(byRole.filter(([, , , allowed]) => allowed))('%s %s lets in a %s', async (method, path, name) => {
    // Prepare: a fresh user for each test, as an allowed call may change its user (DELETE /api/family erases it).
    const user = await createUser(t.ctx, [roleOf[name]]);

    // Act
    const res = await request(method, path, user);

    // Assess
    expect(res.status, `${name} may call it`).not.toBeOneOf([401, 403]);
  });

  it.each(byRole.filter(([, , , allowed]) => !allowed))('%s %s refuses a %s with 403', async (method, path, name) => {
    // Prepare
    const user = await createUser(t.ctx, [roleOf[name]]);

    // Act
    const res = await request(method, path, user);

    // Assess
    expect(res.status, `${name} may not call it`).toBe(403);
  });
});
