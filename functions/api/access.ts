import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Audience, User } from '../../shared/schemas/auth.js';
import { householdIdOf } from '../domain/household.js';
import { freshHouseholdClaim, reissueSession, resumeSession, type ActiveSession, type HouseholdClaim, type SessionToken } from '../domain/sessions.js';
import type { AppContext, Env } from './context.js';
import { problem } from './problem.js';

const SESSION_COOKIE = 'rk_session';

/** A route guard that also says whom it lets through, so a test can list every route's audience. */
export type Guard = MiddlewareHandler<Env> & { audience: Audience };

/**
 * Finds the request's token (bearer header first, then cookie) and how to read its session;
 * never rejects by itself. The session is read once, by the first guard or route that asks, so
 * a public page costs no read and the booking's fast path (`familyByToken`) none either.
 */
export const session = (ctx: AppContext) =>
  createMiddleware<Env>(async (c, next) => {
    const bearer = c.req.header('Authorization')?.match(/^Bearer (.+)$/i)?.[1];
    const token = bearer ?? getCookie(c, SESSION_COOKIE);
    let reading: Promise<ActiveSession | undefined> | undefined;
    c.set('token', token);
    c.set('readSession', () =>
      // The account (with its roles) is read with the session, so a sign-out or a revoked role takes effect at once.
      (reading ??= token ? resumeSession({ ...ctx.ports, keys: ctx.keys }, token) : Promise.resolve(undefined)).then((active) => {
        c.set('user', active?.user);
        c.set('session', active);
        return active;
      }),
    );
    await next();
    // Sliding renewal for the web app, unless the route itself set or cleared the cookie (sign-in,
    // sign-out). API clients with a bearer token sign in again after a week.
    const active = reading && (await reading);
    const routeSetCookie = c.res.headers.getSetCookie().some((h) => h.startsWith(`${SESSION_COOKIE}=`));
    if (active?.renewed && !bearer && !routeSetCookie) setSessionCookie(c, ctx, active.renewed);
  });

/** The HttpOnly cookie the web app's session travels in, valid exactly as long as its token. */
export function setSessionCookie(c: Context<Env>, ctx: AppContext, { token, maxAgeSeconds }: SessionToken) {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, secure: ctx.config.COOKIE_SECURE, sameSite: 'Lax', path: '/api', maxAge: maxAgeSeconds });
}

export const clearSessionCookie = (c: Context<Env>) => deleteCookie(c, SESSION_COOKIE, { path: '/api' });

/** Whether `user` may call a route for `audience`: a 401 or 403 problem, or undefined to pass. */
function refusal(c: Context<Env>, audience: Audience, user: User | undefined) {
  if (audience === 'anyone') return undefined;
  if (!user) return problem(c, 401, 'unauthenticated', 'Bitte anmelden / please sign in');
  if (audience !== 'signed-in' && !user.roles.some((r) => audience.includes(r.role))) {
    return problem(c, 403, 'forbidden', 'Keine Berechtigung / not allowed');
  }
  return undefined;
}

/** Declares a route's audience; every route of the app carries exactly one. Any but `anyone` reads the session. */
export function allow(audience: Audience): Guard {
  const guard: MiddlewareHandler<Env> = async (c, next) => {
    if (audience === 'anyone') return next();
    return refusal(c, audience, (await c.get('readSession')())?.user) ?? next();
  };
  return Object.assign(guard, { audience });
}

/**
 * The family guard of the booking route: a token issued within the last few minutes names the
 * user's household, which is all a booking needs, so the session is not read (its transaction
 * finds the children only in that household). An older token, or none, is checked as `allow` does.
 */
export function familyByToken(ctx: AppContext): Guard {
  const guard: MiddlewareHandler<Env> = async (c, next) => {
    const token = c.get('token');
    const claim = token ? await freshHouseholdClaim({ ...ctx.ports, keys: ctx.keys }, token) : undefined;
    if (claim) {
      c.set('caller', claim);
      return next();
    }
    const active = await c.get('readSession')();
    const user = active?.user;
    const refused = refusal(c, ['family'], user);
    if (refused || !user) return refused;
    c.set('caller', { userId: user.id, householdId: householdIdOf(user), facts: active.facts });
    return next();
  };
  return Object.assign(guard, { audience: ['family'] as Audience });
}

/**
 * For the routes that change a household: afterwards the web app's cookie carries a token with
 * the household as it now is, so that the next booking's claims hold (a bearer client's token
 * keeps its claims, and its bookings read the household until it signs in again).
 */
export const reissuesHouseholdClaims = (ctx: AppContext) =>
  createMiddleware<Env>(async (c, next) => {
    await next();
    const active = c.get('session');
    if (!c.res.ok || !active || getCookie(c, SESSION_COOKIE) !== c.get('token')) return;
    setSessionCookie(c, ctx, await reissueSession({ ...ctx.ports, keys: ctx.keys }, active));
  });

/** The signed-in user, or undefined for a visitor: for a route open to anyone that answers either. */
export const signedInUser = async (c: Context<Env>): Promise<User | undefined> => (await c.get('readSession')())?.user;

/** The booking family of a route guarded by `familyByToken`. */
export function currentCaller(c: { get(key: 'caller'): HouseholdClaim | undefined }): HouseholdClaim {
  const caller = c.get('caller');
  if (!caller) throw new Error('currentCaller() on a route not guarded by familyByToken');
  return caller;
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
