import { Hono } from 'hono';
import * as z from 'zod';
import { municipalityUpdate, providerUpdate, roleAssignment } from '../../../shared/schemas/admin.js';
import { id } from '../../../shared/schemas/common.js';
import { municipalitySchema, providerSchema } from '../../../shared/schemas/region.js';
import { assignRoles, createMunicipality, createProvider, updateMunicipality, updateProvider } from '../../domain/region-admin.js';
import { allow } from '../access.js';
import type { AppContext, Env } from '../context.js';
import { validate } from '../validate.js';

const idParam = z.object({ id });

/** Region administration: municipalities, providers, and who holds which role. */
export const adminRoutes = (ctx: AppContext) => {
  const { ports } = ctx;
  const admin = allow(['admin']);
  return new Hono<Env>()
    .get('/admin/municipalities', admin, async (c) => c.json({ items: await ports.region.listMunicipalities() }))
    .post('/admin/municipalities', admin, validate('json', municipalitySchema), async (c) => c.json(await createMunicipality(ports, c.req.valid('json')), 201))
    .put('/admin/municipalities/:id', admin, validate('param', idParam), validate('json', municipalityUpdate), async (c) =>
      c.json(await updateMunicipality(ports, { ...c.req.valid('json'), id: c.req.valid('param').id })),
    )
    .get('/admin/providers', admin, async (c) => c.json({ items: await ports.region.listProviders() }))
    .post('/admin/providers', admin, validate('json', providerSchema), async (c) => c.json(await createProvider(ports, c.req.valid('json')), 201))
    .put('/admin/providers/:id', admin, validate('param', idParam), validate('json', providerUpdate), async (c) =>
      c.json(await updateProvider(ports, { ...c.req.valid('json'), id: c.req.valid('param').id })),
    )
    .put('/admin/roles', admin, validate('json', roleAssignment), async (c) => c.json(await assignRoles(ports, c.req.valid('json'))));
};
