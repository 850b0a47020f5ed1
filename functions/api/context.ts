import type { Config } from '../config.js';
import type { TableRef } from '../db/dynamo.js';
import type { Repos } from '../db/repos.js';
import type { Clock, Mailer } from '../domain/ports.js';
import type { User } from '../../shared/schemas/auth.js';
import type { Outbox } from './outbox.js';

/** Everything the routes need, built once per process by the entry point (lambda.ts, local.ts). */
export type AppContext = {
  config: Config;
  table: TableRef;
  repos: Repos;
  mailer: Mailer;
  clock: Clock;
  /** Only in local mode: the e-mails the local mailer kept. */
  outbox?: Outbox;
};

/** Hono's per-request variables: the signed-in user, if any, set by the session middleware. */
export type Env = { Variables: { user: User | undefined; requestId: string } };
