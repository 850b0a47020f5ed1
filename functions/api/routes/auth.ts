import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { createSessionBody, requestCodeBody } from '../../../shared/schemas/auth.js';
import { SESSION_TTL_SECONDS, issueSessionToken, requestLoginCode, signInWithCode } from '../../domain/auth.js';
import { SESSION_COOKIE, allow, currentUser } from '../access.js';
import type { AppContext, Env } from '../context.js';
import { validate } from '../validate.js';

export const authRoutes = (ctx: AppContext) => {
  const ports = { ...ctx.ports, secret: ctx.config.SESSION_SECRET };
  return new Hono<Env>()
    .post('/auth/code', allow('anyone'), validate('json', requestCodeBody), async (c) => {
      await requestLoginCode(ports, c.req.valid('json').email);
      return c.json({ status: 'sent' as const }, 202);
    })
    .post('/auth/session', allow('anyone'), validate('json', createSessionBody), async (c) => {
      const { email, code } = c.req.valid('json');
      const user = await signInWithCode(ports, email, code);
      const token = await issueSessionToken(ctx.config.SESSION_SECRET, user.id, ctx.ports.clock);
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        secure: ctx.config.COOKIE_SECURE,
        sameSite: 'Lax',
        path: '/api',
        maxAge: SESSION_TTL_SECONDS,
      });
      return c.json({ token, user });
    })
    .delete('/auth/session', allow('signed-in'), (c) => {
      deleteCookie(c, SESSION_COOKIE, { path: '/api' });
      return c.body(null, 204);
    })
    .get('/me', allow('signed-in'), async (c) => {
      const user = currentUser(c);
      const household = user.householdId ? await ctx.ports.households.getHousehold(user.householdId) : undefined;
      return c.json({ ...user, household });
    });
};
