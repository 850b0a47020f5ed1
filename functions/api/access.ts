import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Audience, User } from '../../shared/schemas/auth.js';
import { resumeSession, type ActiveSession, type SessionToken } from '../domain/sessions.js';
import type { AppContext, Env } from './context.js';
import { problem } from './problem.js';

const SESSION_COOKIE = 'rk_session';

/** A route guard that also says whom it lets through, so a test can list every route's audience. */
export type Guard = MiddlewareHandler<Env> & { audience: Audience };

/** Reads the session (bearer header first, then cookie) and sets `user` and `session`; never rejects by itself. */
export const session = (ctx: AppContext) =>
  createMiddleware<Env>(async (c, next) => {
    const bearer = c.req.header('Authorization')?.match(/^Bearer (.+)$/i)?.[1];
    const token = bearer ?? getCookie(c, SESSION_COOKIE);
    // The account (with its roles) is read with the session on every request, so a sign-out
    // or a revoked role takes effect at once.
    const active = token ? await resumeSession({ ...ctx.ports, keys: ctx.keys }, token) : undefined;
    c.set('user', active?.user);
    c.set('session', active);
    await next();
    // Sliding renewal for the web app, unless the route itself set or cleared the cookie (sign-in,
    // sign-out). API clients with a bearer token sign in again after a week.
    const routeSetCookie = c.res.headers.getSetCookie().some((h) => h.startsWith(`${SESSION_COOKIE}=`));
    if (active?.renewed && !bearer && !routeSetCookie) setSessionCookie(c, ctx, active.renewed);
  });

/** The HttpOnly cookie the web app's session travels in, valid exactly as long as its token. */
export function setSessionCookie(c: Context<Env>, ctx: AppContext, { token, maxAgeSeconds }: SessionToken) {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, secure: ctx.config.COOKIE_SECURE, sameSite: 'Lax', path: '/api', maxAge: maxAgeSeconds });
}

export const clearSessionCookie = (c: Context<Env>) => deleteCookie(c, SESSION_COOKIE, { path: '/api' });

/** Declares a route's audience; every route of the app carries exactly one. */
export function allow(audience: Audience): Guard {
  const guard: MiddlewareHandler<Env> = async (c, next) => {
    if (audience === 'anyone') return next();
    const user = c.get('user');
    if (!user) return problem(c, 401, 'unauthenticated', 'Bitte anmelden / please sign in');
    if (audience !== 'signed-in' && !user.roles.some((r) => audience.includes(r.role))) {
      return problem(c, 403, 'forbidden', 'Keine Berechtigung / not allowed');
    }
    return next();
  };
  return Object.assign(guard, { audience });
}

/** The session of a route guarded by `allow` with something other than 'anyone'. */
export function currentSession(c: { get(key: 'session'): ActiveSession | undefined }): ActiveSession {
  const active = c.get('session');
  if (!active) throw new Error('currentSession() on a route that lets anyone in');
  return active;
}

/** The signed-in user of a route guarded by `allow` with something other than 'anyone'. */
export function currentUser(c: { get(key: 'user'): User | undefined }): User {
  const user = c.get('user');
  if (!user) throw new Error('currentUser() on a route that lets anyone in');
  return user;
}
