import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { User } from '../../shared/schemas/auth.js';
import type { Ports } from '../ports/index.js';
import { InvalidLoginCodeError } from './errors.js';
import { bilingualMail } from './mails/bilingual.js';
import { epochSeconds, takeFromWindow } from './rate-window.js';
import { recordSignIn } from './retention.js';

const LOGIN_CODE_TTL_SECONDS = 10 * 60;
export const LOGIN_CODE_MAX_ATTEMPTS = 5;
/** Code requests per address and window: enough for typos, too few to flood an inbox. */
export const LOGIN_CODE_REQUESTS_PER_WINDOW = 5;
const LOGIN_RATE_WINDOW_SECONDS = 15 * 60;

export type AuthPorts = Pick<Ports, 'logins' | 'users' | 'mailer' | 'clock' | 'dueWork'> & {
  /** The key login codes are hashed under (the runtime's `keys.loginCodes`), never the one that signs sessions. */
  keys: { loginCodes: Uint8Array };
};

// Codes are stored as keyed hashes: a leaked table does not leak usable codes.
const hashCode = (key: Uint8Array, email: string, code: string) => createHmac('sha256', key).update(`${email}\n${code}`).digest('hex');

/**
 * Sends a six-digit login code to `email`. Answers the same whether or not an account exists,
 * so the endpoint tells nobody which addresses are registered.
 */
export async function requestLoginCode(ports: AuthPorts, email: string): Promise<void> {
  await takeFromWindow(ports, {
    name: email,
    limit: LOGIN_CODE_REQUESTS_PER_WINDOW,
    windowSeconds: LOGIN_RATE_WINDOW_SECONDS,
    message: 'Zu viele Code-Anfragen, bitte später erneut versuchen / too many code requests, please try again later',
  });
  const now = epochSeconds(ports.clock);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await ports.logins.saveCode(email, {
    codeHash: hashCode(ports.keys.loginCodes, email, code),
    attempts: 0,
    expiresAt: now + LOGIN_CODE_TTL_SECONDS,
  });
  await ports.mailer.send(bilingualMail(email, 'loginCode', { code, minutes: LOGIN_CODE_TTL_SECONDS / 60 }));
}

/**
 * Checks a login code and returns the user, creating a family account for a new address.
 * A code works once, expires after ten minutes and dies after five wrong guesses.
 */
export async function signInWithCode(ports: AuthPorts, email: string, code: string): Promise<User> {
  const invalid = () => new InvalidLoginCodeError('Code falsch oder abgelaufen / wrong or expired code', 'code');
  // Every attempt is counted before the code is compared, in one conditional write: many
  // guesses at once cannot all read "attempts left". TTL deletion lags by up to days, so the
  // write's condition checks expiry too.
  const stored = await ports.logins.takeAttempt(email, LOGIN_CODE_MAX_ATTEMPTS, epochSeconds(ports.clock));
  if (!stored) throw invalid();
  const given = hashCode(ports.keys.loginCodes, email, code);
  if (!timingSafeEqual(Buffer.from(given), Buffer.from(stored.codeHash))) throw invalid();
  if (!(await ports.logins.consumeCode(email, given))) throw invalid();
  const user = await findOrCreateUser(ports, email);
  // A session starts: the account is active (its inactivity check moves 24 months on).
  await recordSignIn(ports, user.id);
  return user;
}

async function findOrCreateUser(ports: Pick<AuthPorts, 'users' | 'clock'>, email: string): Promise<User> {
  const existingId = await ports.users.findUserIdByEmail(email);
  if (existingId) {
    const user = await ports.users.getUser(existingId);
    if (user) return user;
  }
  const user: User = { id: randomUUID(), email, roles: [{ role: 'family' }], householdId: randomUUID() };
  if (await ports.users.createUser(user, ports.clock.now().toISOString())) return user;
  // Another first sign-in of the same address won the race: use its account.
  const winner = await ports.users.findUserIdByEmail(email);
  const found = winner && (await ports.users.getUser(winner));
  if (!found) throw new Error(`account for ${email} vanished during sign-in`);
  return found;
}
