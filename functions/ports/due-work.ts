/**
 * What happens at a time: every kind of timed job, each run by the sweep through the domain
 * (functions/domain/jobs.ts). The subject names the entity the job is about.
 */
export const dueKinds = [
  /** A place offered to a family (subject: the group's first registration) reaches its deadline. */
  'offer-expiry',
  /** An offer's registration opens (subject: the offer): the families who asked are told. */
  'registration-opening',
  /** Days before an offer's first session (subject: the offer): its families get a reminder. */
  'reminders',
  /** An offer ended long enough ago (subject: the offer): its personal data is erased. */
  'retention',
  /** An account saw no activity for long (subject: the user): warned, then deleted. */
  'account-inactive',
  /** A place was freed (subject: `<offerId>#<unitId>`): offered to the line, should that not have happened at once. */
  'offer-places',
  /** A programme's wish window closes (subject: the programme): the wishes are frozen into the snapshot. */
  'programme-freeze',
  /** A programme's randomness was entered (subject: the programme): the draw runs and is published. */
  'programme-draw',
  /** A drawn programme's objection period ended, later its retention time (subject: the programme): its personal data goes. */
  'programme-retention',
] as const;
export type DueKind = (typeof dueKinds)[number];

/** One piece of due work: what, about which entity, and when. */
export type DueWork = { kind: DueKind; subject: string; dueAt: string };

/** Due work a sweep holds: only it may finish it until the lease runs out. */
export type ClaimedWork = DueWork & { attempts: number; leaseUntil: string };

/** The table's due work. Scheduling the same (kind, subject) again moves it: there is one of each. */
export interface DueWorkRepo {
  /** Records work, or moves it to a new time (a fresh start: attempts and parking are reset). */
  schedule(work: DueWork): Promise<void>;
  /** Forgets work that is no longer wanted (nothing when there is none). */
  unschedule(kind: DueKind, subject: string): Promise<void>;
  /** Work due at `now`, soonest first (may lag a write by a moment: claiming decides). */
  listDue(now: string, limit: number): Promise<DueWork[]>;
  /**
   * Claims work for one run, if it is still due as listed and nobody holds it; undefined when
   * another sweep has it or it moved. Counts the attempt.
   */
  claim(work: DueWork, now: string, leaseUntil: string): Promise<ClaimedWork | undefined>;
  /** Marks claimed work done; work the job rescheduled meanwhile stays due at its new time. */
  complete(work: ClaimedWork, now: string): Promise<void>;
  /** Gives claimed work back, due again at `dueAt`, with why it failed. */
  retryLater(work: ClaimedWork, dueAt: string, reason: string): Promise<void>;
  /** Takes claimed work out of the sweep for good, with why: a person looks at it. */
  park(work: ClaimedWork, now: string, reason: string): Promise<void>;
}
