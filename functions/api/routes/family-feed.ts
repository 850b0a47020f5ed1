import { Hono } from 'hono';
import { familyFeedInput } from '../../../shared/schemas/calendar-feed.js';
import { createFamilyFeed, getFamilyFeedStatus, revokeFamilyFeed } from '../../domain/family-feed.js';
import { householdIdOf } from '../../domain/household.js';
import { allow, currentUser } from '../access.js';
import type { AppContext, Env } from '../context.js';
import { validate } from '../validate.js';

/**
 * A family's private calendar feed: the family makes, replaces and revokes it; the feed itself is
 * read with nothing but its address (calendar apps send no session), so the address is the
 * capability.
 */
export const familyFeedRoutes = (ctx: AppContext) => {
  const { ports } = ctx;
  const family = allow(['family']);
  return new Hono<Env>()
    .get('/family/calendar-feed', family, async (c) => c.json(await getFamilyFeedStatus(ports, householdIdOf(currentUser(c)))))
    .post('/family/calendar-feed', family, validate('json', familyFeedInput), async (c) =>
      c.json(await createFamilyFeed(ports, householdIdOf(currentUser(c)), c.req.valid('json')), 201),
    )
    .delete('/family/calendar-feed', family, async (c) => {
      await revokeFamilyFeed(ports, householdIdOf(currentUser(c)));
      return c.body(null, 204);
    });
};
