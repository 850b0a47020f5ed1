import { Hono } from 'hono';
import { createSessionBody, requestCodeBody, type User } from '../../../shared/schemas/auth.js';
import { requestLoginCode, signInWithCode } from '../../domain/auth.js';
import { endAllSessions, endSession, startSession } from '../../domain/sessions.js';
import { allow, clearSessionCookie, currentSession, currentUser, setSessionCookie, signedInUser } from '../access.js';
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
        const session = await startSession(ports, user);
        setSessionCookie(c, ctx, session);
        return c.json({ token: session.token, user });
      })
      // Signing out ends the session on the server: a copy of the token stops working too.
      .delete('/auth/session', allow('signed-in'), async (c) => {
        await endSession(ctx.ports, currentSession(c));
        clearSessionCookie(c);
        return c.body(null, 204);
      })
      .delete('/auth/sessions', allow('signed-in'), async (c) => {
        await endAllSessions(ctx.ports, currentUser(c).id);
        clearSessionCookie(c);
        return c.body(null, 204);
      })
      // The web app's start-up check: a visitor is an answer (`user: null`), not a 401.
      .get('/auth/session', allow('anyone'), async (c) => {
        const user = await signedInUser(c);
        return c.json({ user: user ? await withHousehold(user) : null });
      })
      .get('/me', allow('signed-in'), async (c) => c.json(await withHousehold(currentUser(c))))
  );
};
