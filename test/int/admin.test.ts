import { beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../shared/schemas/auth.js';
import type { Municipality, Provider } from '../../shared/schemas/region.js';
import { createTestContext } from '../support/context.js';
import { createUser, json, type TestUser } from '../support/users.js';
import { body, seedRegionConfig } from '../support/provider.js';

type Problem = { status: number; errors?: { path: string }[] };

describe('region administration', () => {
  let t: Awaited<ReturnType<typeof createTestContext>>;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestContext();
    await seedRegionConfig(t.ctx);
    admin = await createUser(t.ctx, [{ role: 'admin' }]);
  });

  const send = (method: string, path: string, payload?: unknown) =>
    t.app.request(path, payload === undefined ? { method, headers: admin.headers } : json(method, payload, admin.headers));

  it('creates, lists and updates municipalities; a second create is 409, an unknown update 404', async () => {
    const au: Municipality = { id: 'au', name: 'Au an der Traun', postalCodes: ['4841'] };
    expect((await send('POST', '/api/admin/municipalities', au)).status).toBe(201);
    expect((await send('POST', '/api/admin/municipalities', au)).status).toBe(409);
    const renamed = await send('PUT', '/api/admin/municipalities/au', { name: 'Au', postalCodes: ['4841', '4842'] });
    expect(await renamed.json()).toEqual({ id: 'au', name: 'Au', postalCodes: ['4841', '4842'] });
    expect((await body<{ items: Municipality[] }>(send('GET', '/api/admin/municipalities'))).items).toContainEqual({
      id: 'au',
      name: 'Au',
      postalCodes: ['4841', '4842'],
    });
    expect((await body<{ items: Municipality[] }>(t.app.request('/api/municipalities'))).items.map((m) => m.id)).toContain('au');
    expect((await send('PUT', '/api/admin/municipalities/nirgends', { name: 'X' })).status).toBe(404);
    const bad = await send('POST', '/api/admin/municipalities', { id: 'x', name: 'X', postalCodes: ['12'] });
    expect(bad.status).toBe(400);
    expect((await body<Problem>(bad)).errors?.map((e) => e.path)).toEqual(['postalCodes.0']);
  });

  it('creates and updates providers of known municipalities only', async () => {
    const verein: Provider = { id: 'eltern-verein', name: 'Elternverein', kind: 'association', municipalityId: 'kirchau' };
    expect((await send('POST', '/api/admin/providers', verein)).status).toBe(201);
    const moved = await send('PUT', '/api/admin/providers/eltern-verein', { ...verein, id: undefined, municipalityId: 'lindach' });
    expect(await moved.json()).toMatchObject({ id: 'eltern-verein', municipalityId: 'lindach' });
    const unknown = await send('POST', '/api/admin/providers', { ...verein, id: 'neu', municipalityId: 'atlantis' });
    expect(unknown.status).toBe(400);
    expect((await body<Problem>(unknown)).errors?.map((e) => e.path)).toEqual(['municipalityId']);
    expect((await body<{ items: Provider[] }>(send('GET', '/api/admin/providers'))).items.map((p) => p.id)).toContain('eltern-verein');
  });

  it('assigns roles by e-mail, creating the account when needed; the roles take effect at once', async () => {
    const created = await body<User>(
      send('PUT', '/api/admin/roles', { email: 'Neu.Koordination@Example.at', roles: [{ role: 'municipality', municipalityId: 'kirchau' }] }),
    );
    expect(created).toMatchObject({ email: 'neu.koordination@example.at', roles: [{ role: 'municipality', municipalityId: 'kirchau' }] });
    const existing = await createUser(t.ctx);
    const changed = await body<User>(
      send('PUT', '/api/admin/roles', { email: existing.email, roles: [{ role: 'family' }, { role: 'provider', providerId: 'sportunion-lindach' }] }),
    );
    expect(changed.id).toBe(existing.id);
    expect((await t.app.request('/api/provider/offers', { headers: existing.headers })).status).toBe(200);
    const unknown = await send('PUT', '/api/admin/roles', { email: existing.email, roles: [{ role: 'provider', providerId: 'gibtsnicht' }] });
    expect(unknown.status).toBe(400);
    expect((await body<Problem>(unknown)).errors?.map((e) => e.path)).toEqual(['roles.0']);
    await send('PUT', '/api/admin/roles', { email: existing.email, roles: [{ role: 'family' }] });
    expect((await t.app.request('/api/provider/offers', { headers: existing.headers })).status).toBe(403);
  });
});
