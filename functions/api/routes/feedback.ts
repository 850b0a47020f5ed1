import { Hono } from 'hono';
import { feedbackInput } from '../../../shared/schemas/feedback.js';
import { sendAccessibilityFeedback } from '../../domain/feedback.js';
import { allow } from '../access.js';
import type { AppContext, Env } from '../context.js';
import { validate } from '../validate.js';

/** The accessibility statement's feedback channel: open to anyone, no account needed. */
export const feedbackRoutes = (ctx: AppContext) =>
  new Hono<Env>().post('/feedback', allow('anyone'), validate('json', feedbackInput), async (c) => {
    await sendAccessibilityFeedback(ctx.ports, c.req.valid('json'));
    return c.json({ status: 'sent' as const }, 202);
  });
