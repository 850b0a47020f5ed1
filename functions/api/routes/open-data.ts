import { Hono } from 'hono';
import { openDataDocument } from '../../domain/open-data.js';
import { allow } from '../access.js';
import type { AppContext, Env } from '../context.js';

/** Open data: the published offers under the region's licence, for anyone to reuse. */
export const openDataRoutes = (ctx: AppContext) =>
  new Hono<Env>().get('/open-data/offers.json', allow('anyone'), async (c) => c.json(await openDataDocument(ctx.ports, ctx.config.PUBLIC_URL)));
