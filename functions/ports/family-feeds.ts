/** A household's private calendar feed as stored: the hash of its token, never the token. */
export type FamilyFeed = { householdId: string; tokenHash: string; childNames: boolean; createdAt: string };

/** Private per-family calendar feeds (capability URLs). */
export interface FamilyFeedRepo {
  /** The household's current feed, strongly consistent. */
  getByHousehold(householdId: string): Promise<FamilyFeed | undefined>;
  /** The feed whose token hashes to `tokenHash`, strongly consistent: a revoked one is gone at once. */
  getByTokenHash(tokenHash: string): Promise<FamilyFeed | undefined>;
  /** Puts `next` in place of `current` (as read; undefined when there was none); false if it changed meanwhile. */
  replace(current: FamilyFeed | undefined, next: FamilyFeed): Promise<boolean>;
  /** Deletes `current` (as read); false if it changed meanwhile. */
  revoke(current: FamilyFeed): Promise<boolean>;
}
