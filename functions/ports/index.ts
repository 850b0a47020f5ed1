import type { AttendanceRepo } from './attendance.js';
import type { DueWorkRepo } from './due-work.js';
import type { FamilyFeedRepo } from './family-feeds.js';
import type { HouseholdRepo } from './households.js';
import type { OfferRepo } from './offers.js';
import type { RegionRepo } from './region.js';
import type { OpeningNoticeRepo } from './opening-notices.js';
import type { ProgrammeRepo } from './programmes.js';
import type { BookedMail, IdempotencyRepo, RegistrationRepo, WaitlistRepo } from './registrations.js';
import type { RetentionRepo } from './retention.js';
import type { StatsRepo } from './stats.js';
import type { LoginRepo, SessionRepo, UserRepo } from './users.js';
import type { Clock, IsTransient, MailOutboxRepo, Mailer } from './world.js';

/** Every repository the domain uses; functions/db implements them over one table. */
export type Repos = {
  users: UserRepo;
  logins: LoginRepo;
  sessions: SessionRepo;
  region: RegionRepo;
  households: HouseholdRepo;
  offers: OfferRepo;
  registrations: RegistrationRepo;
  waitlists: WaitlistRepo;
  idempotency: IdempotencyRepo;
  attendance: AttendanceRepo;
  stats: StatsRepo;
  dueWork: DueWorkRepo;
  openingNotices: OpeningNoticeRepo;
  programmes: ProgrammeRepo;
  retention: RetentionRepo;
  mailOutbox: MailOutboxRepo;
  familyFeeds: FamilyFeedRepo;
};

/** Everything a use case may receive; each takes the slice it needs (`Pick<Ports, …>`). */
export type Ports = Repos & {
  mailer: Mailer;
  clock: Clock;
  /** The region's time zone: calendar days and times shown are in it. */
  timeZone: string;
  /** Where the web app is reached: e-mails link to it. */
  publicUrl: string;
  retry: RetryPolicy;
  bookedMails: BookedMailDelivery;
};

/**
 * Who sends the e-mail a booking's transaction filed (`BookedMail`): in the cloud the stream
 * function, from the item's insert, so `afterCommit` does nothing; locally, with no stream, the
 * local runtime composes and sends it at once (functions/local-runtime.ts).
 */
export type BookedMailDelivery = { afterCommit(mail: BookedMail): Promise<void> };

/** How the domain retries contention: which failures pass (from storage) and how long to wait. */
export type RetryPolicy = {
  isTransient: IsTransient;
  /** Attempts in all, the first included. */
  attempts?: number;
  baseMs?: number;
  capMs?: number;
  random?: () => number;
  /** Called before each backoff; tests count retries with it. */
  onTransient?: (error: unknown, attempt: number) => void;
};
