import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { RoleName, User } from '../../shared/schemas/auth.js';
import { readSessionToken } from '../domain/auth.js';
import type { AppContext, Env } from './context.js';
import { problem } from './problem.js';

export const SESSION_COOKIE = 'rk_session';

/** Who may call a route: anyone, any signed-in user, or holders of one of the named roles. */
export type Audience = 'anyone' | 'signed-in' | RoleName[];

/** A route guard that also says whom it lets through, so a test can list every route's audience. */
export type Guard = MiddlewareHandler<Env> & { audience: Audience };

/** Reads the session (bearer header first, then cookie) and sets `user`; never rejects by itself. */
export const session = (ctx: AppContext) =>
  createMiddleware<Env>(async (c, next) => {
    const bearer = c.req.header('Authorization')?.match(/^Bearer (.+)$/i)?.[1];
    const token = bearer ?? getCookie(c, SESSION_COOKIE);
    const userId = token ? await readSessionToken(ctx.keys.sessionTokens, token, ctx.ports.clock) : undefined;
    // Roles are read from the table on every request, so a revoked role takes effect at once.
    c.set('user', userId ? await ctx.ports.users.getUser(userId) : undefined);
    await next();
  });

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

/** The signed-in user of a route guarded by `allow` with something other than 'anyone'. */
export function currentUser(c: { get(key: 'user'): User | undefined }): User {
  const user = c.get('user');
  if (!user) throw new Error('currentUser() on a route that lets anyone in');
  return user;
}
