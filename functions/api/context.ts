import type { User } from '../../shared/schemas/auth.js';
import type { ActiveSession } from '../domain/sessions.js';
import type { Runtime } from '../runtime.js';

/** Everything the routes need, built once per process by the composition root (../runtime.ts). */
export type AppContext = Runtime;

/** Hono's per-request variables: the signed-in user and session, if any, set by the session middleware. */
export type Env = { Variables: { user: User | undefined; session: ActiveSession | undefined; requestId: string } };
