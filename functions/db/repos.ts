import type { Repos } from '../ports/index.js';
import { createAttendanceRepo } from './attendance-repo.js';
import { createDueWorkRepo } from './due-work-repo.js';
import type { TableRef } from './dynamo.js';
import { createFamilyFeedRepo } from './family-feed-repo.js';
import { createHouseholdRepo } from './household-repo.js';
import { createIdempotencyRepo } from './idempotency-repo.js';
import { createLoginRepo } from './login-repo.js';
import { createMailOutboxRepo } from './mail-outbox.js';
import { createOfferRepo } from './offer-repo.js';
import { createOpeningNoticeRepo } from './opening-notice-repo.js';
import { createProgrammeRepo } from './programme-repo.js';
import { createRegionRepo } from './region-repo.js';
import { createRegistrationRepo, type RegistrationRepoOptions } from './registration-repo.js';
import { createRetentionRepo } from './retention-repo.js';
import { createSessionRepo } from './session-repo.js';
import { createStatsRepo } from './stats-repo.js';
import { createUserRepo } from './user-repo.js';
import { createWaitlistRepo } from './waitlist-repo.js';

/** All repositories over one table: the storage side of the domain's ports. */
export function createRepos(table: TableRef, options: RegistrationRepoOptions = {}): Repos {
  return {
    users: createUserRepo(table),
    logins: createLoginRepo(table),
    sessions: createSessionRepo(table),
    region: createRegionRepo(table),
    households: createHouseholdRepo(table),
    offers: createOfferRepo(table),
    registrations: createRegistrationRepo(table, options),
    waitlists: createWaitlistRepo(table),
    idempotency: createIdempotencyRepo(table),
    attendance: createAttendanceRepo(table),
    stats: createStatsRepo(table),
    dueWork: createDueWorkRepo(table),
    openingNotices: createOpeningNoticeRepo(table),
    programmes: createProgrammeRepo(table),
    retention: createRetentionRepo(table),
    mailOutbox: createMailOutboxRepo(table),
    familyFeeds: createFamilyFeedRepo(table),
  };
}
