import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../functions/api/context.js';
import { issueSessionToken } from '../../functions/domain/auth.js';
import type { Role } from '../../shared/schemas/auth.js';
import { retrySetup } from './retry-setup.js';

export type TestUser = { id: string; email: string; householdId?: string; token: string; headers: Record<string, string> };

/**
 * A user with the given roles, written straight to the table, and a valid session token for
 * it; families get an empty household. Faster than the e-mail code flow, which auth.test.ts covers.
 */
export async function createUser(ctx: AppContext, roles: Role[] = [{ role: 'family' }]): Promise<TestUser> {
  const id = randomUUID();
  const email = `${id}@test.example`;
  const householdId = roles.some((r) => r.role === 'family') ? `hh-${id}` : undefined;
  await retrySetup(() => ctx.ports.users.createUser({ id, email, roles, householdId }, ctx.ports.clock.now().toISOString()));
  const token = await issueSessionToken(ctx.keys.sessionTokens, id, ctx.ports.clock);
  return { id, email, householdId, token, headers: { Authorization: `Bearer ${token}` } };
}

/** JSON request options for `app.request()`. */
export const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
