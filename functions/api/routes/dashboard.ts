import { Hono } from 'hono';
import { dashboardQuery } from '../../../shared/schemas/dashboard.js';
import { getDashboard } from '../../domain/dashboard.js';
import { allow, currentUser } from '../access.js';
import type { AppContext, Env } from '../context.js';
import { validate } from '../validate.js';

/** Municipal coordinators' aggregates: counts only, small ones suppressed; never a name (the CSV is ./exports.ts). */
export const dashboardRoutes = (ctx: AppContext) => {
  const { ports } = ctx;
  const coordinator = allow(['municipality']);
  return new Hono<Env>().get('/dashboard', coordinator, validate('query', dashboardQuery), async (c) =>
    c.json(await getDashboard(ports, currentUser(c), c.req.valid('query'))),
  );
};
