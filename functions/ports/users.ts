import type { Role, User } from '../../shared/schemas/auth.js';

/** Accounts and the e-mail address each belongs to. */
export interface UserRepo {
  getUser(userId: string): Promise<User | undefined>;
  findUserIdByEmail(email: string): Promise<string | undefined>;
  /** Creates the user, its address claim and (for families) an empty household; false when the address is taken. */
  createUser(user: User, createdAt: string): Promise<boolean>;
  setRoles(userId: string, roles: Role[]): Promise<void>;
  /** When the user last signed in (the account's creation before the first) and was last warned of inactivity. */
  getActivity(userId: string): Promise<UserActivity | undefined>;
  /** A sign-in: records it and forgets any inactivity warning; false when there is no such user. */
  recordActivity(userId: string, at: string): Promise<boolean>;
  /** Records that the user was warned of deletion for inactivity; false when there is no such user. */
  recordInactivityWarning(userId: string, at: string): Promise<boolean>;
}

/** What the inactivity rule decides on (see functions/domain/retention.ts). */
type UserActivity = { lastActiveAt: string; inactivityWarnedAt?: string };

/** A signed-in device: the token names it, so signing out ends it on the server too. */
export type Session = { id: string; createdAt: string; /** Epoch seconds: the latest the session may last, however active. */ expiresAt: number };

/** Server-side sessions, kept with the account they belong to. */
export interface SessionRepo {
  create(userId: string, session: Session): Promise<void>;
  /** The user and the session together, in one read; undefined when either is gone. */
  find(userId: string, sessionId: string): Promise<{ user: User; session: Session } | undefined>;
  remove(userId: string, sessionId: string): Promise<void>;
  /** Ends every session of the user ("sign out everywhere", erasure, a revoked role). */
  removeAll(userId: string): Promise<void>;
}

export type LoginCode = { codeHash: string; attempts: number; expiresAt: number };

/** One-time login codes and the per-address rate limit. */
export interface LoginRepo {
  /** A new code replaces any earlier one for the address. */
  saveCode(email: string, code: LoginCode): Promise<void>;
  /**
   * Counts one attempt atomically and returns the code as counted; undefined when the code is
   * gone, expired at `now` (epoch seconds) or out of attempts.
   */
  takeAttempt(email: string, maxAttempts: number, now: number): Promise<LoginCode | undefined>;
  /** Deletes the code if it is still the one checked; true for exactly one caller. */
  consumeCode(email: string, codeHash: string): Promise<boolean>;
  /**
   * Counts a request in its time window under a name (an address for code requests, or a
   * channel such as the feedback form); false once the window's limit is reached.
   */
  takeRateToken(name: string, window: number, limit: number, expiresAt: number): Promise<boolean>;
}
