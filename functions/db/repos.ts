import { createAttendanceRepo } from './attendance-repo.js';
import type { TableRef } from './dynamo.js';
import { createHouseholdRepo } from './household-repo.js';
import { createLoginRepo } from './login-repo.js';
import { createOfferRepo } from './offer-repo.js';
import { createRegionRepo } from './region-repo.js';
import { createRegistrationRepo } from './registration-repo.js';
import { createStatsRepo } from './stats-repo.js';
import { createUserRepo } from './user-repo.js';

/** All repositories over one table; the domain receives the ones it needs. */
export function createRepos(table: TableRef) {
  return {
    users: createUserRepo(table),
    logins: createLoginRepo(table),
    region: createRegionRepo(table),
    households: createHouseholdRepo(table),
    offers: createOfferRepo(table),
    registrations: createRegistrationRepo(table),
    attendance: createAttendanceRepo(table),
    stats: createStatsRepo(table),
  };
}
export type Repos = ReturnType<typeof createRepos>;
