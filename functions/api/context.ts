import type { User } from '../../shared/schemas/auth.js';
import type { ActiveSession, HouseholdClaim } from '../domain/sessions.js';
import type { Runtime } from '../runtime.js';

/** Everything the routes need, built once per process by the composition root (../runtime.ts). */
export type AppContext = Runtime;

/**
 * Hono's per-request variables (functions/api/access.ts): the request's token and how to read its
 * session, set by the session middleware; the signed-in user and session once read (by a guard);
 * the booking family on the booking route.
 */
export type Env = {
  Variables: {
    token: string | undefined;
    readSession: () => Promise<ActiveSession | undefined>;
    user: User | undefined;
    session: ActiveSession | undefined;
    caller: HouseholdClaim | undefined;
    requestId: string;
  };
};
