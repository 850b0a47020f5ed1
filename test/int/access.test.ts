import { beforeAll, describe, expect, it } from 'vitest';
import type { Guard } from '../../functions/api/access.js';
import type { Role, RoleName } from '../../shared/schemas/auth.js';
import { createTestContext } from '../support/context.js';
import { createUser, type TestUser } from '../support/users.js';

/**
 * Who may call each route: the one list a reviewer reads to know the API's access rules.
 * A route missing here, or a route without a guard, fails the first test.
 */
const routes: [method: string, path: string, audience: Guard['audience']][] = [
  ['GET', '/api/health', 'anyone'],
  ['GET', '/robots.txt', 'anyone'],
  ['GET', '/sitemap.xml', 'anyone'],
  ['POST', '/api/auth/code', 'anyone'],
  ['POST', '/api/auth/session', 'anyone'],
  ['DELETE', '/api/auth/session', 'signed-in'],
  ['DELETE', '/api/auth/sessions', 'signed-in'],
  ['GET', '/api/me', 'signed-in'],
  ['GET', '/api/auth/session', 'anyone'],
  ['GET', '/api/region', 'anyone'],
  ['GET', '/api/municipalities', 'anyone'],
  ['GET', '/api/offers', 'anyone'],
  ['GET', '/api/offers/:offerId', 'anyone'],
  ['GET', '/api/calendar.ics', 'anyone'],
  ['GET', '/api/family/household', ['family']],
  ['PUT', '/api/family/household', ['family']],
  ['GET', '/api/family/children', ['family']],
  ['POST', '/api/family/children', ['family']],
  ['PATCH', '/api/family/children/:childId', ['family']],
  ['DELETE', '/api/family/children/:childId', ['family']],
  ['GET', '/api/dev/outbox', 'anyone'],
  ['GET', '/api/dev/clock', 'anyone'],
  ['POST', '/api/dev/jobs/run', 'anyone'],
  ['POST', '/api/registrations', ['family']],
  ['GET', '/api/family/registrations', ['family']],
  ['GET', '/api/family/opening-notices', ['family']],
  ['PUT', '/api/family/opening-notices/:offerId', ['family']],
  ['DELETE', '/api/family/opening-notices/:offerId', ['family']],
  ['DELETE', '/api/registrations/:id', ['family', 'provider']],
  ['POST', '/api/registrations/:id/accept', ['family']],
  ['POST', '/api/registrations/:id/decline', ['family']],
  ['POST', '/api/registrations/:id/extend', ['family']],
  ['GET', '/api/family/export', ['family']],
  ['DELETE', '/api/family', ['family']],
  ['POST', '/api/provider/offers', ['provider']],
  ['GET', '/api/provider/offers', ['provider']],
  ['GET', '/api/provider/offers/:id', ['provider']],
  ['PATCH', '/api/provider/offers/:id', ['provider']],
  ['GET', '/api/provider/offers/:id/participants', ['provider']],
  ['GET', '/api/provider/offers/:id/sessions/:sessionId/attendance', ['provider']],
  ['PUT', '/api/provider/offers/:id/sessions/:sessionId/attendance', ['provider']],
  ['GET', '/api/provider/offers/:id/attendance.csv', ['provider']],
  ['GET', '/api/provider/offers/:id/attendance.pdf', ['provider']],
  ['GET', '/api/dashboard', ['municipality']],
  ['GET', '/api/dashboard.csv', ['municipality']],
  ['GET', '/api/admin/municipalities', ['admin']],
  ['POST', '/api/admin/municipalities', ['admin']],
  ['PUT', '/api/admin/municipalities/:id', ['admin']],
  ['GET', '/api/admin/providers', ['admin']],
  ['POST', '/api/admin/providers', ['admin']],
  ['PUT', '/api/admin/providers/:id', ['admin']],
  ['PUT', '/api/admin/roles', ['admin']],
  ['GET', '/api/programmes', 'anyone'],
  ['GET', '/api/programmes/:id', 'anyone'],
  ['GET', '/api/family/programmes/:id/wishes', ['family']],
  ['PUT', '/api/family/programmes/:id/wishes', ['family']],
  ['GET', '/api/family/programmes/:id/result', ['family']],
  ['GET', '/api/admin/programmes', ['admin']],
  ['GET', '/api/admin/programmes/:id', ['admin']],
  ['POST', '/api/admin/programmes', ['admin']],
  ['PATCH', '/api/admin/programmes/:id', ['admin']],
  ['POST', '/api/admin/programmes/:id/draw', ['admin']],
  ['GET', '/api/admin/programmes/:id/report', ['admin', 'municipality']],
  ['GET', '/api/admin/programmes/:id/replay', ['admin']],
  ['POST', '/api/feedback', 'anyone'],
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

  it('has exactly one guard on every route, and the list above names every route', () => {
    // Act: read the guards the app declares, route by route.
    const declared = new Map<string, Guard['audience'][]>();
    for (const route of t.app.routes) {
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
