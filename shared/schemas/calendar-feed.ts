import * as z from 'zod';
import { isoDateTime } from './common.js';

/** `POST /api/family/calendar-feed`: a new private feed; `childNames` puts the children's first names in the event titles. */
export const familyFeedInput = z.object({ childNames: z.boolean() });
export type FamilyFeedInput = z.infer<typeof familyFeedInput>;

/**
 * `GET /api/family/calendar-feed`: whether the household has a private feed, and how it was made.
 * Never its address: only a hash of the token is stored, so the address is shown once, when made.
 */
export const familyFeedStatus = z.object({
  active: z.boolean(),
  childNames: z.boolean().optional(),
  createdAt: isoDateTime.optional(),
});
export type FamilyFeedStatus = z.infer<typeof familyFeedStatus>;

/** The answer to creating (or replacing) the feed: the status and, this once, the feed's https address. */
export const familyFeedCreated = familyFeedStatus.extend({ active: z.literal(true), url: z.url() });
export type FamilyFeedCreated = z.infer<typeof familyFeedCreated>;

/** The capability in the feed's address: 32 random bytes, base64url (256 bits, never guessed). */
export const familyFeedParam = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Ungültiger Link / invalid link') });
