import { Hono } from 'hono';
import { dashboardQuery } from '../../../shared/schemas/dashboard.js';
import { getDashboard } from '../../domain/dashboard.js';
import { dashboardCsv } from '../../formats/dashboard-csv.js';
import { allow, currentUser } from '../access.js';
import type { AppContext, Env } from '../context.js';
import { validate } from '../validate.js';

/** Municipal coordinators' aggregates: counts only, small ones suppressed; never a name. */
export const dashboardRoutes = (ctx: AppContext) => {
  const { ports } = ctx;
  const coordinator = allow(['municipality']);
  return new Hono<Env>()
    .get('/dashboard', coordinator, validate('query', dashboardQuery), async (c) => c.json(await getDashboard(ports, currentUser(c), c.req.valid('query'))))
    .get('/dashboard.csv', coordinator, validate('query', dashboardQuery), async (c) => {
      const dashboard = await getDashboard(ports, currentUser(c), c.req.valid('query'));
      return c.body(dashboardCsv(dashboard), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="dashboard-${dashboard.scope.municipality === '*' ? 'region' : dashboard.scope.municipality}.csv"`,
      });
    });
};
