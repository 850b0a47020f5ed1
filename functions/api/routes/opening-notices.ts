import { Hono } from 'hono';
import * as z from 'zod';
import { id } from '../../../shared/schemas/common.js';
import { householdIdOf } from '../../domain/household.js';
import { addOpeningNotice, listOpeningNotices, removeOpeningNotice } from '../../domain/opening-notices.js';
import { allow, currentUser } from '../access.js';
import type { AppContext, Env } from '../context.js';
import { validate } from '../validate.js';

const offerParam = z.object({ offerId: id });

/** "Erinnere mich": a family's requests to be e-mailed when an offer's registration opens; the household comes from the session. */
export const openingNoticeRoutes = (ctx: AppContext) => {
  const { ports } = ctx;
  const family = allow(['family']);
  return new Hono<Env>()
    .get('/family/opening-notices', family, async (c) => c.json({ items: await listOpeningNotices(ports, householdIdOf(currentUser(c))) }))
    .put('/family/opening-notices/:offerId', family, validate('param', offerParam), async (c) => {
      await addOpeningNotice(ports, householdIdOf(currentUser(c)), c.req.valid('param').offerId);
      return c.body(null, 204);
    })
    .delete('/family/opening-notices/:offerId', family, validate('param', offerParam), async (c) => {
      await removeOpeningNotice(ports, householdIdOf(currentUser(c)), c.req.valid('param').offerId);
      return c.body(null, 204);
    });
};
