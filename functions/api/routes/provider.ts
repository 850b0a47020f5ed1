import { Hono } from 'hono';
import { attendanceInput, offerInput, offerPatch, offerPathParam, sessionPathParam } from '../../../shared/schemas/provider.js';
import { getSessionAttendance, listParticipants, recordAttendance } from '../../domain/attendance.js';
import { createDraftOffer, getOwnOffer, listOwnOffers, updateOwnOffer } from '../../domain/offers.js';
import { allow, currentUser } from '../access.js';
import type { AppContext, Env } from '../context.js';
import { validate } from '../validate.js';

/**
 * A provider's own offers: lifecycle, participants and attendance (the CSV and PDF lists are
 * ./exports.ts). Every route checks ownership in the domain.
 */
export const providerRoutes = (ctx: AppContext) => {
  const { ports } = ctx;
  const provider = allow(['provider']);
  return new Hono<Env>()
    .post('/provider/offers', provider, validate('json', offerInput), async (c) =>
      c.json(await createDraftOffer(ports, currentUser(c), c.req.valid('json')), 201),
    )
    .get('/provider/offers', provider, async (c) => c.json({ items: await listOwnOffers(ports, currentUser(c)) }))
    .get('/provider/offers/:id', provider, validate('param', offerPathParam), async (c) =>
      c.json(await getOwnOffer(ports, currentUser(c), c.req.valid('param').id)),
    )
    .patch('/provider/offers/:id', provider, validate('param', offerPathParam), validate('json', offerPatch), async (c) =>
      c.json(await updateOwnOffer(ports, currentUser(c), c.req.valid('param').id, c.req.valid('json'))),
    )
    .get('/provider/offers/:id/participants', provider, validate('param', offerPathParam), async (c) =>
      c.json({ items: await listParticipants(ports, currentUser(c), c.req.valid('param').id) }),
    )
    .get('/provider/offers/:id/sessions/:sessionId/attendance', provider, validate('param', sessionPathParam), async (c) => {
      const { id, sessionId } = c.req.valid('param');
      return c.json(await getSessionAttendance(ports, currentUser(c), id, sessionId));
    })
    .put('/provider/offers/:id/sessions/:sessionId/attendance', provider, validate('param', sessionPathParam), validate('json', attendanceInput), async (c) => {
      const { id, sessionId } = c.req.valid('param');
      return c.json(await recordAttendance(ports, currentUser(c), id, sessionId, c.req.valid('json')));
    });
};
