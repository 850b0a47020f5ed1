import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { User } from '../../shared/schemas/auth.js';
import type { HouseholdAnswer } from '../../shared/schemas/household.js';
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

export type SessionPorts = Pick<Ports, 'sessions' | 'households' | 'clock'> & {
  /** The runtime's `keys.sessionTokens`: the key tokens are signed with. */
  keys: { sessionTokens: Uint8Array };
};

/** A token and how long it is valid from now (the cookie's max age). */
export type SessionToken = { token: string; maxAgeSeconds: number };

/**
 * A request's valid session: whose, which one, when it ends at the latest, what its token said of
 * the household, and a fresh token when the one sent is due for renewal.
 */
export type ActiveSession = { user: User; sessionId: string; endsAt: number; facts?: HouseholdFacts; renewed?: SessionToken };

/**
 * What a token says of its household, for the booking's dashboard dimensions: the municipality
 * of residence and each child's birth date, as at the token's issue. Only a claim: the booking's
 * transaction checks it against the household, and a stale one makes the booking read it.
 */
export type HouseholdFacts = { municipalityId?: string; birthDates: Record<string, string> };

/** Who books, as a token says: the user, their household and, if the token carries them, its facts. */
export type HouseholdClaim = { userId: string; householdId: string; facts?: HouseholdFacts };

/** The facts a token carries of `household`. */
export const householdFacts = (household: Pick<HouseholdAnswer, 'municipalityId' | 'children'>): HouseholdFacts => ({
  ...(household.municipalityId !== undefined && { municipalityId: household.municipalityId }),
  birthDates: Object.fromEntries(household.children.map((c) => [c.id, c.birthDate])),
});

/**
 * Starts a session for a user who just proved their address: a server-side record the token
 * names, so that signing out, "sign out everywhere", erasure and a revoked role end it.
 */
export async function startSession(ports: SessionPorts, user: Pick<User, 'id' | 'householdId'>): Promise<SessionToken> {
  const now = epochSeconds(ports.clock);
  const session = { id: randomUUID(), createdAt: ports.clock.now().toISOString(), expiresAt: now + SESSION_MAX_SECONDS };
  const [household] = await Promise.all([
    user.householdId ? ports.households.getHousehold(user.householdId) : undefined,
    ports.sessions.create(user.id, session),
  ]);
  return sign(ports.keys.sessionTokens, user, session.id, now, session.expiresAt, household && householdFacts(household));
}

/**
 * The session's token again, with the household as it is now: after the family changed it, so
 * that its next booking's claims hold. Same session, same end.
 */
export async function reissueSession(ports: SessionPorts, active: ActiveSession): Promise<SessionToken> {
  const household = active.user.householdId ? await ports.households.getHousehold(active.user.householdId) : undefined;
  return sign(ports.keys.sessionTokens, active.user, active.sessionId, epochSeconds(ports.clock), active.endsAt, household && householdFacts(household));
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
  // The renewed token carries the facts forward; a change of the household reissues it (reissueSession).
  return {
    user: found.user,
    sessionId: claims.sessionId,
    endsAt: found.session.expiresAt,
    facts: claims.facts,
    renewed: dueForRenewal ? await sign(ports.keys.sessionTokens, found.user, claims.sessionId, now, found.session.expiresAt, claims.facts) : undefined,
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
  return { userId: claims.userId, householdId: claims.householdId, facts: claims.facts };
}

/** Signing out on this device. */
export const endSession = (ports: Pick<Ports, 'sessions'>, session: ActiveSession) => ports.sessions.remove(session.user.id, session.sessionId);

/** Signing out on every device: after erasure, a revoked role, or when a family asks. */
export const endAllSessions = (ports: Pick<Ports, 'sessions'>, userId: string) => ports.sessions.removeAll(userId);

async function sign(
  key: Uint8Array,
  user: Pick<User, 'id' | 'householdId'>,
  sessionId: string,
  now: number,
  sessionEnds: number,
  facts: HouseholdFacts | undefined,
): Promise<SessionToken> {
  const expiresAt = Math.min(now + SESSION_IDLE_SECONDS, sessionEnds);
  const household = user.householdId === undefined ? {} : { hh: user.householdId, ...(facts && { mu: facts.municipalityId, kids: facts.birthDates }) };
  const token = await new SignJWT(household)
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
    const { sub, jti, iat, exp, hh, mu, kids } = payload;
    if (!sub || !jti || iat === undefined || exp === undefined) return undefined;
    return { userId: sub, sessionId: jti, issuedAt: iat, expiresAt: exp, householdId: typeof hh === 'string' ? hh : undefined, facts: factsOf(mu, kids) };
  } catch {
    return undefined;
  }
}

/** The facts of a token's `mu` and `kids` claims, if they have the shape `sign` gives them. */
function factsOf(mu: unknown, kids: unknown): HouseholdFacts | undefined {
  if (typeof kids !== 'object' || kids === null || (mu !== undefined && typeof mu !== 'string')) return undefined;
  const birthDates = Object.entries(kids);
  if (!birthDates.every(([, date]) => typeof date === 'string')) return undefined;
  return { ...(mu !== undefined && { municipalityId: mu }), birthDates: Object.fromEntries(birthDates) as Record<string, string> };
}
