import { Hono } from 'hono';
import * as z from 'zod';
import { isoDateTime } from '../../../shared/schemas/common.js';
import { ClockBackwardsError } from '../../clock.js';
import { InvalidInputError } from '../../domain/errors.js';
import { sweepTimedWork } from '../../domain/jobs.js';
import { allow } from '../access.js';
import type { AppContext, Env } from '../context.js';
import { validate } from '../validate.js';

/** Either an instant to move to or seconds to move on by, exactly one: an error names the field. */
const clockMove = z
  .strictObject({
    now: isoDateTime.optional(),
    advanceSeconds: z
      .number()
      .int()
      .min(0)
      .max(10 * 366 * 24 * 3600)
      .optional(),
  })
  .superRefine((move, ctx) => {
    if ((move.now === undefined) === (move.advanceSeconds === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['now'], message: 'Entweder now oder advanceSeconds / either now or advanceSeconds' });
    }
  });

/**
 * Local mode only (local-server.ts mounts it only when an outbox exists): the e-mails sent, newest first;
 * the server's clock and moving it on; running the work due now. Demos and end-to-end tests show
 * a whole season in minutes with them.
 */
export const devRoutes = (ctx: AppContext) => {
  const { ports, outbox, devClock } = ctx;
  const dev = new Hono<Env>()
    .get('/dev/outbox', allow('anyone'), validate('query', z.object({ to: z.string().max(254).optional() })), (c) =>
      c.json({ items: outbox?.list(c.req.valid('query').to) ?? [] }),
    )
    .get('/dev/clock', allow('anyone'), (c) => c.json({ now: ports.clock.now().toISOString() }))
    .post('/dev/jobs/run', allow('anyone'), async (c) => c.json({ now: ports.clock.now().toISOString(), ran: await sweepTimedWork(ports) }));
  if (!devClock) return dev;
  return dev.post('/dev/clock', allow('anyone'), validate('json', clockMove), (c) => {
    const move = c.req.valid('json');
    try {
      const now = move.now !== undefined ? devClock.set(new Date(move.now)) : devClock.advance(move.advanceSeconds ?? 0);
      return c.json({ now: now.toISOString() });
    } catch (error) {
      if (error instanceof ClockBackwardsError) throw new InvalidInputError(error.message, 'now');
      throw error;
    }
  });
};
