import { Hono } from 'hono';
import * as z from 'zod';
import { id } from '../../../shared/schemas/common.js';
import { childInput, childPatch, guardianInput } from '../../../shared/schemas/household.js';
import { addChild, deleteChild, getHousehold, householdIdOf, updateChild, updateGuardian } from '../../domain/household.js';
import { allow, currentUser, reissuesHouseholdClaims } from '../access.js';
import type { AppContext, Env } from '../context.js';
import { validate } from '../validate.js';

const childParam = z.object({ childId: id });

/** A family's own household: every route reads the household id from the session, never the URL. */
export const familyRoutes = (ctx: AppContext) => {
  const { ports } = ctx;
  const family = allow(['family']);
  const claims = reissuesHouseholdClaims(ctx);
  return new Hono<Env>()
    .get('/family/household', family, async (c) => c.json(await getHousehold(ports, householdIdOf(currentUser(c)))))
    .put('/family/household', family, claims, validate('json', guardianInput), async (c) =>
      c.json(await updateGuardian(ports, householdIdOf(currentUser(c)), c.req.valid('json'))),
    )
    .get('/family/children', family, async (c) => {
      const household = await getHousehold(ports, householdIdOf(currentUser(c)));
      return c.json({ items: household.children });
    })
    .post('/family/children', family, claims, validate('json', childInput), async (c) =>
      c.json(await addChild(ports, householdIdOf(currentUser(c)), c.req.valid('json')), 201),
    )
    .patch('/family/children/:childId', family, claims, validate('param', childParam), validate('json', childPatch), async (c) =>
      c.json(await updateChild(ports, householdIdOf(currentUser(c)), c.req.valid('param').childId, c.req.valid('json'))),
    )
    .delete('/family/children/:childId', family, claims, validate('param', childParam), async (c) => {
      await deleteChild(ports, householdIdOf(currentUser(c)), c.req.valid('param').childId);
      return c.body(null, 204);
    });
};
