import { Hono } from 'hono';
import { allow } from '../access.js';
import type { AppContext, Env } from '../context.js';
import { problem } from '../problem.js';

export const healthRoutes = (ctx: AppContext) =>
  new Hono<Env>().get('/health', allow('anyone'), async (c) => {
    if (await ctx.tableAnswers()) return c.json({ status: 'ok' as const });
    // 503, not 500: the service is up but its table is not (yet) answering.
    return problem(c, 503, 'unavailable', 'Datenbank nicht erreichbar / database unavailable');
  });
