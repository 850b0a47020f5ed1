import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { createSessionBody, requestCodeBody, type User } from '../../../shared/schemas/auth.js';
import { SESSION_TTL_SECONDS, issueSessionToken, requestLoginCode, signInWithCode } from '../../domain/auth.js';
import { SESSION_COOKIE, allow, currentUser } from '../access.js';
import type { AppContext, Env } from '../context.js';
import { validate } from '../validate.js';

export const authRoutes = (ctx: AppContext) => {
  const ports = { ...ctx.ports, keys: ctx.keys };
  const withHousehold = async (user: User) => {
    const household = user.householdId ? await ctx.ports.households.getHousehold(user.householdId) : undefined;
    return { ...user, household };
  };
  return (
    new Hono<Env>()
      .post('/auth/code', allow('anyone'), validate('json', requestCodeBody), async (c) => {
        await requestLoginCode(ports, c.req.valid('json').email);
        return c.json({ status: 'sent' as const }, 202);
      })
      .post('/auth/session', allow('anyone'), validate('json', createSessionBody), async (c) => {
        const { email, code } = c.req.valid('json');
        const user = await signInWithCode(ports, email, code);
        const token = await issueSessionToken(ctx.keys.sessionTokens, user.id, ctx.ports.clock);
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
      // The web app's start-up check: a visitor is an answer (`user: null`), not a 401.
      .get('/auth/session', allow('anyone'), async (c) => {
        const user = c.get('user');
        return c.json({ user: user ? await withHousehold(user) : null });
      })
      .get('/me', allow('signed-in'), async (c) => c.json(await withHousehold(currentUser(c))))
  );
};
