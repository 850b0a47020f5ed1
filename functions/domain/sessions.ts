import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { User } from '../../shared/schemas/auth.js';
import type { Ports } from '../ports/index.js';
import type { Clock } from '../ports/world.js';
import { epochSeconds } from './rate-window.js';

/** A token lasts a week; one used within a day of its issue is replaced, so only a week unused signs out. */
export const SESSION_IDLE_SECONDS = 7 * 24 * 60 * 60;
/** However active, a session ends 30 days after the sign-in (then a new code). */
export const SESSION_MAX_SECONDS = 30 * 24 * 60 * 60;
const RENEW_AFTER_SECONDS = 24 * 60 * 60;

export type SessionPorts = Pick<Ports, 'sessions' | 'clock'> & {
  /** The runtime's `keys.sessionTokens`: the key tokens are signed with. */
  keys: { sessionTokens: Uint8Array };
};

/** A token and how long it is valid from now (the cookie's max age). */
export type SessionToken = { token: string; maxAgeSeconds: number };

/** A request's valid session: whose, which one, and a fresh token when the one sent is due for renewal. */
export type ActiveSession = { user: User; sessionId: string; renewed?: SessionToken };

/**
 * Starts a session for a user who just proved their address: a server-side record the token
 * names, so that signing out, "sign out everywhere", erasure and a revoked role end it.
 */
export async function startSession(ports: SessionPorts, userId: string): Promise<SessionToken> {
  const now = epochSeconds(ports.clock);
  const session = { id: randomUUID(), createdAt: ports.clock.now().toISOString(), expiresAt: now + SESSION_MAX_SECONDS };
  await ports.sessions.create(userId, session);
  return sign(ports.keys.sessionTokens, userId, session.id, now, session.expiresAt);
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
    renewed: dueForRenewal ? await sign(ports.keys.sessionTokens, claims.userId, claims.sessionId, now, found.session.expiresAt) : undefined,
  };
}

/** Signing out on this device. */
export const endSession = (ports: Pick<Ports, 'sessions'>, session: ActiveSession) => ports.sessions.remove(session.user.id, session.sessionId);

/** Signing out on every device: after erasure, a revoked role, or when a family asks. */
export const endAllSessions = (ports: Pick<Ports, 'sessions'>, userId: string) => ports.sessions.removeAll(userId);

async function sign(key: Uint8Array, userId: string, sessionId: string, now: number, sessionEnds: number): Promise<SessionToken> {
  const expiresAt = Math.min(now + SESSION_IDLE_SECONDS, sessionEnds);
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setJti(sessionId)
    .setIssuedAt(now)
    .setExpirationTime(expiresAt)
    .sign(key);
  return { token, maxAgeSeconds: expiresAt - now };
}

async function verify(key: Uint8Array, token: string, clock: Clock) {
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], currentDate: clock.now() });
    const { sub, jti, iat, exp } = payload;
    if (!sub || !jti || iat === undefined || exp === undefined) return undefined;
    return { userId: sub, sessionId: jti, issuedAt: iat, expiresAt: exp };
  } catch {
    return undefined;
  }
}
