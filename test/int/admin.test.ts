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
  const publicMunicipalityIds = async () => (await body<{ items: Municipality[] }>(t.app.request('/api/municipalities'))).items.map((m) => m.id);

  describe('municipalities', () => {
    it('creates one, which the public list then shows', async () => {
      // Prepare
      const ohlsdorf: Municipality = { id: 'ohlsdorf', name: 'Ohlsdorf', postalCodes: ['4694'] };

      // Act
      const res = await send('POST', '/api/admin/municipalities', ohlsdorf);

      // Assess
      expect(res.status).toBe(201);
      expect(await publicMunicipalityIds()).toContain('ohlsdorf');
    });

    it('answers 409 to a second create with the same id', async () => {
      // Prepare
      const gmunden: Municipality = { id: 'gmunden', name: 'Gmunden', postalCodes: ['4810'] };
      const created = await send('POST', '/api/admin/municipalities', gmunden);

      // Act
      const again = await send('POST', '/api/admin/municipalities', gmunden);

      // Assess
      expect(created.status).toBe(201);
      expect(again.status).toBe(409);
    });

    it('updates one, and both lists show the change', async () => {
      // Prepare
      const created = await send('POST', '/api/admin/municipalities', { id: 'au', name: 'Au an der Traun', postalCodes: ['4841'] });

      // Act
      const renamed = await send('PUT', '/api/admin/municipalities/au', { name: 'Au', postalCodes: ['4841', '4842'] });

      // Assess
      expect(created.status).toBe(201);
      expect(await renamed.json()).toEqual({ id: 'au', name: 'Au', postalCodes: ['4841', '4842'] });
      expect((await body<{ items: Municipality[] }>(send('GET', '/api/admin/municipalities'))).items).toContainEqual({
        id: 'au',
        name: 'Au',
        postalCodes: ['4841', '4842'],
      });
      expect(await publicMunicipalityIds()).toContain('au');
    });

    it('answers 404 to an update of an unknown one', async () => {
      // Act
      const res = await send('PUT', '/api/admin/municipalities/nirgends', { name: 'X' });

      // Assess
      expect(res.status).toBe(404);
    });

    it('refuses a postal code that is not 4 or 5 digits with 400 naming it', async () => {
      // Act
      const bad = await send('POST', '/api/admin/municipalities', { id: 'x', name: 'X', postalCodes: ['12'] });

      // Assess
      expect(bad.status).toBe(400);
      expect((await body<Problem>(bad)).errors?.map((e) => e.path)).toEqual(['postalCodes.0']);
    });
  });

  describe('providers of known municipalities only', () => {
    it('creates one, which the admin list then shows', async () => {
      // Prepare
      const verein: Provider = { id: 'eltern-verein', name: 'Elternverein', kind: 'association', municipalityId: 'kirchau' };

      // Act
      const res = await send('POST', '/api/admin/providers', verein);

      // Assess
      expect(res.status).toBe(201);
      expect((await body<{ items: Provider[] }>(send('GET', '/api/admin/providers'))).items.map((p) => p.id)).toContain('eltern-verein');
    });

    it('moves one to another municipality', async () => {
      // Prepare
      const club: Provider = { id: 'turnverein', name: 'Turnverein', kind: 'association', municipalityId: 'kirchau' };
      const created = await send('POST', '/api/admin/providers', club);

      // Act
      const moved = await send('PUT', '/api/admin/providers/turnverein', { ...club, id: undefined, municipalityId: 'lindach' });

      // Assess
      expect(created.status).toBe(201);
      expect(await moved.json()).toMatchObject({ id: 'turnverein', municipalityId: 'lindach' });
    });

    it('refuses one of an unknown municipality with 400 naming it', async () => {
      // Act
      const unknown = await send('POST', '/api/admin/providers', { id: 'neu', name: 'Neu', kind: 'association', municipalityId: 'atlantis' });

      // Assess
      expect(unknown.status).toBe(400);
      expect((await body<Problem>(unknown)).errors?.map((e) => e.path)).toEqual(['municipalityId']);
    });
  });

  describe('roles by e-mail, in effect at once', () => {
    it('creates the account of an address nobody uses yet', async () => {
      // Act
      const created = await body<User>(
        send('PUT', '/api/admin/roles', { email: 'Neu.Koordination@Example.at', roles: [{ role: 'municipality', municipalityId: 'kirchau' }] }),
      );

      // Assess
      expect(created).toMatchObject({ email: 'neu.koordination@example.at', roles: [{ role: 'municipality', municipalityId: 'kirchau' }] });
    });

    it('gives an existing account a role it can use at once', async () => {
      // Prepare
      const existing = await createUser(t.ctx);

      // Act
      const changed = await body<User>(
        send('PUT', '/api/admin/roles', { email: existing.email, roles: [{ role: 'family' }, { role: 'provider', providerId: 'sportunion-lindach' }] }),
      );

      // Assess
      expect(changed.id).toBe(existing.id);
      expect((await t.app.request('/api/provider/offers', { headers: existing.headers })).status).toBe(200);
    });

    it('refuses a role for an unknown provider with 400 naming it', async () => {
      // Prepare
      const existing = await createUser(t.ctx);

      // Act
      const unknown = await send('PUT', '/api/admin/roles', { email: existing.email, roles: [{ role: 'provider', providerId: 'gibtsnicht' }] });

      // Assess
      expect(unknown.status).toBe(400);
      expect((await body<Problem>(unknown)).errors?.map((e) => e.path)).toEqual(['roles.0']);
    });

    it('takes a role away at once, ending every session of its holder; adding one ends none', async () => {
      // Prepare: a family that is also a provider, and uses that role.
      const existing = await createUser(t.ctx, [{ role: 'family' }]);
      await send('PUT', '/api/admin/roles', { email: existing.email, roles: [{ role: 'family' }, { role: 'provider', providerId: 'sportunion-lindach' }] });
      const before = await t.app.request('/api/provider/offers', { headers: existing.headers });

      // Act
      const res = await send('PUT', '/api/admin/roles', { email: existing.email, roles: [{ role: 'family' }] });

      // Assess: signed out, so nothing the provider had open works any more.
      expect(before.status).toBe(200);
      expect(res.status).toBe(200);
      expect((await t.app.request('/api/provider/offers', { headers: existing.headers })).status).toBe(401);
      expect((await t.app.request('/api/me', { headers: existing.headers })).status).toBe(401);
    });
  });
});
