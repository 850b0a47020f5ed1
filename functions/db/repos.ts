import type { TableRef } from './dynamo.js';
import { createLoginRepo } from './login-repo.js';
import { createUserRepo } from './user-repo.js';

/** All repositories over one table; the domain receives the ones it needs. */
export function createRepos(table: TableRef) {
  return {
    users: createUserRepo(table),
    logins: createLoginRepo(table),
  };
}
export type Repos = ReturnType<typeof createRepos>;
