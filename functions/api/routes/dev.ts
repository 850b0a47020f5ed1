import { Hono } from 'hono';
import * as z from 'zod';
import { allow } from '../access.js';
import type { Env } from '../context.js';
import type { Outbox } from '../../mail/local-outbox.js';
import { validate } from '../validate.js';

/** Local mode only (app.ts mounts it only when an outbox exists): the e-mails sent, newest first. */
export const devRoutes = (outbox: Outbox) =>
  new Hono<Env>().get('/dev/outbox', allow('anyone'), validate('query', z.object({ to: z.string().max(254).optional() })), (c) =>
    c.json({ items: outbox.list(c.req.valid('query').to) }),
  );
