import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { User } from '../../shared/schemas/auth.js';
import type { Ports } from '../ports/index.js';
import type { Clock } from '../ports/world.js';
import { epochSeconds } from './rate-window.js';

/** A token lasts a week; the web app's is replaced while in use, so only a week unused signs out. */
export const SESSION_IDLE_SECONDS = 7 * 24 * 60 * 60;
/** However active, a session ends 30 days after the sign-in (then a new code). */
export const SESSION_MAX_SECONDS = 30 * 24 * 60 * 60;
/**
 * How long after its issue a token's household claim is trusted without reading the session: the
 * booking route's fast path. A signed-out copy of a token can book for its own household for at
 * most this long; every other route reads the session. The web app's cookie is renewed this often
 * while in use, so a family's booking always carries a fresh claim.
 */
export const CLAIMS_TRUSTED_SECONDS = 5 * 60;
const RENEW_AFTER_SECONDS = CLAIMS_TRUSTED_SECONDS;

export type SessionPorts = Pick<Ports, 'sessions' | 'clock'> & {
  /** The runtime's `keys.sessionTokens`: the key tokens are signed with. */
  keys: { sessionTokens: Uint8Array };
};

/** A token and how long it is valid from now (the cookie's max age). */
export type SessionToken = { token: string; maxAgeSeconds: number };

/** A request's valid session: whose, which one, and a fresh token when the one sent is due for renewal. */
export type ActiveSession = { user: User; sessionId: string; renewed?: SessionToken };

/** Who books, as a fresh token says: the user and their household. */
export type HouseholdClaim = { userId: string; householdId: string };

/**
 * Starts a session for a user who just proved their address: a server-side record the token
 * names, so that signing out, "sign out everywhere", erasure and a revoked role end it.
 */
export async function startSession(ports: SessionPorts, user: Pick<User, 'id' | 'householdId'>): Promise<SessionToken> {
  const now = epochSeconds(ports.clock);
  const session = { id: randomUUID(), createdAt: ports.clock.now().toISOString(), expiresAt: now + SESSION_MAX_SECONDS };
  await ports.sessions.create(user.id, session);
  return sign(ports.keys.sessionTokens, user, session.id, now, session.expiresAt);
}

/**
 * The session a token stands for, or undefined for anything forged, expired, malformed or
 * signed out. Roles are not in the token: they come from the account, read with the session.
 */
export async function resumeSession(ports: SessionPorts, token: string): Promise<ActiveSession | undefined> {
  const now = epochSeconds(ports.clock);
  const claims = await verify(ports.keys.sessionTokens, token, ports.clock);
  if (!claims) return undefined;
  const found = await ports.sessions.find(claims.userId, claims.sessionId);
  // TTL deletion lags by up to days: the end is checked here, not left to it.
  if (!found || found.session.expiresAt <= now) return undefined;
  const dueForRenewal = now - claims.issuedAt >= RENEW_AFTER_SECONDS && claims.expiresAt < found.session.expiresAt;
  return {
    user: found.user,
    sessionId: claims.sessionId,
    renewed: dueForRenewal ? await sign(ports.keys.sessionTokens, found.user, claims.sessionId, now, found.session.expiresAt) : undefined,
  };
}

/**
 * The household a token names, without reading the session, if the token is genuine and was
 * issued under CLAIMS_TRUSTED_SECONDS ago; else undefined (the caller reads the session). A
 * stale claim fails safely where it is used: the booking's transaction finds a child only in the
 * household it names.
 */
export async function freshHouseholdClaim(ports: SessionPorts, token: string): Promise<HouseholdClaim | undefined> {
  const claims = await verify(ports.keys.sessionTokens, token, ports.clock);
  if (!claims?.householdId || epochSeconds(ports.clock) - claims.issuedAt >= CLAIMS_TRUSTED_SECONDS) return undefined;
  return { userId: claims.userId, householdId: claims.householdId };
}

/** Signing out on this device. */
export const endSession = (ports: Pick<Ports, 'sessions'>, session: ActiveSession) => ports.sessions.remove(session.user.id, session.sessionId);

/** Signing out on every device: after erasure, a revoked role, or when a family asks. */
export const endAllSessions = (ports: Pick<Ports, 'sessions'>, userId: string) => ports.sessions.removeAll(userId);

async function sign(key: Uint8Array, user: Pick<User, 'id' | 'householdId'>, sessionId: string, now: number, sessionEnds: number): Promise<SessionToken> {
  const expiresAt = Math.min(now + SESSION_IDLE_SECONDS, sessionEnds);
  const token = await new SignJWT(user.householdId === undefined ? {} : { hh: user.householdId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.id)
    .setJti(sessionId)
    .setIssuedAt(now)
    .setExpirationTime(expiresAt)
    .sign(key);
  return { token, maxAgeSeconds: expiresAt - now };
}

async function verify(key: Uint8Array, token: string, clock: Clock) {
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], currentDate: clock.now() });
    const { sub, jti, iat, exp, hh } = payload;
    if (!sub || !jti || iat === undefined || exp === undefined) return undefined;
    return { userId: sub, sessionId: jti, issuedAt: iat, expiresAt: exp, householdId: typeof hh === 'string' ? hh : undefined };
  } catch {
    return undefined;
  }
}
