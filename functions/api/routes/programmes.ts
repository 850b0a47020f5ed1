import { Hono } from 'hono';
import * as z from 'zod';
import type { User } from '../../../shared/schemas/auth.js';
import { id } from '../../../shared/schemas/common.js';
import { drawRequest, programmeInput, programmePatch, wishesInput } from '../../../shared/schemas/programme.js';
import { dashboardScope } from '../../domain/dashboard.js';
import { drawReport, familyDrawResult, programmeSnapshot, requestDraw } from '../../domain/draw-requests.js';
import { householdIdOf } from '../../domain/household.js';
import { adminProgramme, createProgramme, listAllProgrammes, listPublicProgrammes, programmeDetail, updateProgramme } from '../../domain/programmes.js';
import { familyWishes, saveWishes } from '../../domain/wishes.js';
import { allow, currentUser } from '../access.js';
import type { AppContext, Env } from '../context.js';
import { validate } from '../validate.js';

const idParam = z.object({ id });

/** The region admin sees the whole report; a municipality's coordinator its own residents' groups. */
const reportScope = (user: User) => (user.roles.some((r) => r.role === 'admin') ? '*' : dashboardScope(user));

/** Holiday programmes: the public page, the families' wishes and results, the region admin's settings and draw. */
export const programmeRoutes = (ctx: AppContext) => {
  const { ports } = ctx;
  const anyone = allow('anyone');
  const family = allow(['family']);
  const admin = allow(['admin']);
  const coordinators = allow(['admin', 'municipality']);
  return (
    new Hono<Env>()
      .get('/programmes', anyone, async (c) => c.json({ items: await listPublicProgrammes(ports) }))
      .get('/programmes/:id', anyone, validate('param', idParam), async (c) => c.json(await programmeDetail(ports, c.req.valid('param').id)))
      .get('/family/programmes/:id/wishes', family, validate('param', idParam), async (c) =>
        c.json(await familyWishes(ports, householdIdOf(currentUser(c)), c.req.valid('param').id)),
      )
      .put('/family/programmes/:id/wishes', family, validate('param', idParam), validate('json', wishesInput), async (c) =>
        c.json(await saveWishes(ports, householdIdOf(currentUser(c)), c.req.valid('param').id, c.req.valid('json'))),
      )
      .get('/family/programmes/:id/result', family, validate('param', idParam), async (c) =>
        c.json(await familyDrawResult(ports, householdIdOf(currentUser(c)), c.req.valid('param').id)),
      )
      .get('/admin/programmes', admin, async (c) => c.json({ items: await listAllProgrammes(ports) }))
      .get('/admin/programmes/:id', admin, validate('param', idParam), async (c) => c.json(await adminProgramme(ports, c.req.valid('param').id)))
      .post('/admin/programmes', admin, validate('json', programmeInput), async (c) => c.json(await createProgramme(ports, c.req.valid('json')), 201))
      .patch('/admin/programmes/:id', admin, validate('param', idParam), validate('json', programmePatch), async (c) =>
        c.json(await updateProgramme(ports, c.req.valid('param').id, c.req.valid('json'))),
      )
      .post('/admin/programmes/:id/draw', admin, validate('param', idParam), validate('json', drawRequest), async (c) => {
        const programme = await requestDraw(ports, c.req.valid('param').id, c.req.valid('json').randomness);
        // Accepted while the draw runs as due work; done once it is published.
        return c.json(programme, programme.status === 'published' ? 200 : 202);
      })
      .get('/admin/programmes/:id/report', coordinators, validate('param', idParam), async (c) =>
        c.json(await drawReport(ports, c.req.valid('param').id, reportScope(currentUser(c)))),
      )
      // The pseudonymous snapshot still holds residence, age bands and wish lists: the region's admins only.
      .get('/admin/programmes/:id/replay', admin, validate('param', idParam), async (c) => {
        const programmeId = c.req.valid('param').id;
        c.header('Content-Disposition', `attachment; filename="${programmeId}-snapshot.json"`);
        return c.json(await programmeSnapshot(ports, programmeId));
      })
  );
};
