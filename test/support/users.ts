import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../functions/api/context.js';
import { startSession } from '../../functions/domain/sessions.js';
import type { Role } from '../../shared/schemas/auth.js';
import { retrySetup } from './retry-setup.js';

export type TestUser = { id: string; email: string; householdId?: string; token: string; headers: Record<string, string> };

/**
 * A user with the given roles, written straight to the table, and a session for it (as a
 * sign-in starts one); families get an empty household. Faster than the e-mail code flow, which auth.test.ts covers.
 */
export async function createUser(ctx: AppContext, roles: Role[] = [{ role: 'family' }]): Promise<TestUser> {
  const id = randomUUID();
  const email = `${id}@test.example`;
  const householdId = roles.some((r) => r.role === 'family') ? `hh-${id}` : undefined;
  await retrySetup(() => ctx.ports.users.createUser({ id, email, roles, householdId }, ctx.ports.clock.now().toISOString()));
  return { id, email, householdId, ...(await sessionOf(ctx, { id, householdId })) };
}

const sessionOf = async (ctx: AppContext, user: { id: string; householdId?: string }) => {
  const { token } = await retrySetup(() => startSession({ ...ctx.ports, keys: ctx.keys }, user));
  return { token, headers: { Authorization: `Bearer ${token}` } };
};

/** `user` signed in anew at the clock's time: for tests that move the clock past a session's end (a week unused, 30 days at most). */
export const signInAgain = async <U extends TestUser>(ctx: AppContext, user: U): Promise<U> => ({ ...user, ...(await sessionOf(ctx, user)) });

/** JSON request options for `app.request()`. */
export const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
