import { createHash, randomBytes } from 'node:crypto';
import type { FamilyFeedCreated, FamilyFeedInput, FamilyFeedStatus } from '../../shared/schemas/calendar-feed.js';
import { isActive } from '../../shared/registration-status.js';
import { attendsSession } from '../../shared/sessions.js';
import type { Ports } from '../ports/index.js';
import type { FamilyFeed } from '../ports/family-feeds.js';
import type { FeedOffer } from '../ports/offers.js';
import { buildFamilyFeed, feedSessions, type BookedSession } from './calendar-feed.js';
import { keptSince } from './catalog-feed.js';
import { NotFoundError } from './errors.js';
import { AGAIN, retryBounded } from './retry.js';

type FamilyFeedPorts = Pick<Ports, 'familyFeeds' | 'clock' | 'publicUrl' | 'retry'>;
type FeedReadPorts = Pick<Ports, 'familyFeeds' | 'households' | 'registrations' | 'offers' | 'region' | 'clock' | 'timeZone' | 'publicUrl'>;

/**
 * The token is a 256-bit random capability, so a plain SHA-256 is enough to store it by: unlike a
 * six-digit login code it cannot be found by trying hashes, and no secret key has to be kept.
 */
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The feed's address; the path is the one `GET /api/feeds/family/:token` answers. */
const feedUrl = (publicUrl: string, token: string) => `${publicUrl}/api/feeds/family/${token}`;

const statusOf = (feed: FamilyFeed | undefined): FamilyFeedStatus =>
  feed ? { active: true, childNames: feed.childNames, createdAt: feed.createdAt } : { active: false };

/** Whether the household has a private feed, without its address (only its hash is stored). */
export async function getFamilyFeedStatus(ports: Pick<Ports, 'familyFeeds'>, householdId: string): Promise<FamilyFeedStatus> {
  return statusOf(await ports.familyFeeds.getByHousehold(householdId));
}

/**
 * Makes the household's private feed, or replaces it: the old address stops working in the same
 * write. The answer carries the new address; it is never shown again.
 */
export async function createFamilyFeed(ports: FamilyFeedPorts, householdId: string, input: FamilyFeedInput): Promise<FamilyFeedCreated> {
  return retryBounded(async () => {
    const current = await ports.familyFeeds.getByHousehold(householdId);
    const token = randomBytes(32).toString('base64url');
    const next: FamilyFeed = { householdId, tokenHash: hashToken(token), childNames: input.childNames, createdAt: ports.clock.now().toISOString() };
    if (!(await ports.familyFeeds.replace(current, next))) return AGAIN;
    return { active: true as const, childNames: next.childNames, createdAt: next.createdAt, url: feedUrl(ports.publicUrl, token) };
  }, ports.retry);
}

/** Revokes the household's private feed, if any: its address answers 404 from then on. */
export async function revokeFamilyFeed(ports: Pick<Ports, 'familyFeeds' | 'retry'>, householdId: string): Promise<void> {
  await retryBounded(async () => {
    const current = await ports.familyFeeds.getByHousehold(householdId);
    if (!current) return undefined;
    return (await ports.familyFeeds.revoke(current)) ? undefined : AGAIN;
  }, ports.retry);
}

/** The statuses a family's feed shows, best first: a held place beats an offered one beats a place in line. */
const shownStatuses = ['confirmed', 'offered', 'waitlisted'] as const;
type ShownStatus = (typeof shownStatuses)[number];

/**
 * The family's private feed: a session for each active booking (confirmed, offered, waitlisted;
 * not cancelled, declined or expired, and not lottery wishes), siblings in one event per session.
 * Children's first names appear only if the family chose so. A token that is not (or no longer)
 * a feed answers as not found, exactly as a mistyped one.
 */
export async function familyFeedIcs(ports: FeedReadPorts, token: string): Promise<string> {
  const feed = await ports.familyFeeds.getByTokenHash(hashToken(token));
  const household = feed && (await ports.households.getHousehold(feed.householdId));
  if (!feed || !household) throw new NotFoundError('Kalender nicht gefunden / calendar not found');
  const names = new Map(household.children.map((c) => [c.id, c.firstName]));
  const active = (await ports.registrations.listByHousehold(household.id)).filter((r): r is typeof r & { status: ShownStatus } => isActive(r.status));
  const offerIds = [...new Set(active.map((r) => r.offerId))];
  const offers = (await Promise.all(offerIds.map((id) => ports.offers.getFeedOffer(id)))).filter((o): o is FeedOffer => o !== undefined);
  const { since } = keptSince(ports);
  const sessions: BookedSession[] = offers.flatMap((offer) => {
    const own = active.filter((r) => r.offerId === offer.id);
    return feedSessions(offer)
      .filter(({ session, cancelled }) => !cancelled || Date.parse(session.end) >= since.getTime())
      .flatMap(({ session, cancelled }) => {
        const here = own.filter((r) => attendsSession(session, r.unitId));
        if (here.length === 0) return [];
        const status = shownStatuses.find((s) => here.some((r) => r.status === s)) ?? 'waitlisted';
        const children = feed.childNames
          ? [...new Set(here.map((r) => names.get(r.childId) ?? ''))].filter((n) => n).sort((a, b) => a.localeCompare(b, 'de'))
          : [];
        return [{ offer, session, cancelled, children, status }];
      });
  });
  sessions.sort((a, b) => Date.parse(a.session.start) - Date.parse(b.session.start));
  const region = await ports.region.getRegion();
  return buildFamilyFeed(sessions, {
    name: `${region?.name ?? 'regiokurs'} – Unsere Buchungen / our bookings`,
    publicUrl: ports.publicUrl,
  });
}
