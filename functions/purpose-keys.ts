import { hkdfSync } from 'node:crypto';

/**
 * One key per purpose, derived from the one application secret with HKDF (RFC 5869), so that a
 * key that leaks for one purpose (a login-code hash, say) does not sign sessions.
 * Rotating the application secret rotates them all (docs/SECURITY.md).
 */
export type PurposeKeys = {
  /** Signs and checks session tokens (HS256). */
  sessionTokens: Uint8Array;
  /** Keys the hashes under which login codes are stored. */
  loginCodes: Uint8Array;
  /** Seals the e-mails waiting in the cloud outbox (AES-256-GCM): a login code is never stored readable. */
  outbox: Uint8Array;
};

const derive = (secret: string, purpose: string) => new Uint8Array(hkdfSync('sha256', secret, 'regiokurs', `regiokurs/${purpose}`, 32));

export const purposeKeys = (secret: string): PurposeKeys => ({
  sessionTokens: derive(secret, 'session-tokens'),
  loginCodes: derive(secret, 'login-codes'),
  outbox: derive(secret, 'outbox'),
});
