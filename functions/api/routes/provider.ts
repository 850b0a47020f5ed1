import { Hono } from 'hono';
import { attendanceInput, offerInput, offerPatch, offerPathParam, sessionPathParam } from '../../../shared/schemas/provider.js';
import { buildAttendanceSheet, getSessionAttendance, listParticipants, recordAttendance } from '../../domain/attendance.js';
import { createDraftOffer, getOwnOffer, listOwnOffers, updateOwnOffer } from '../../domain/offers.js';
import { attendanceCsv } from '../../formats/attendance-list.js';
import { allow, currentUser } from '../access.js';
import type { AppContext, Env } from '../context.js';
import { validate } from '../validate.js';

/** A download's name: the offer id is safe in a header (ids are [A-Za-z0-9_-]). */
export const attachment = (offerId: string, ext: string) => `attachment; filename="anwesenheit-${offerId}.${ext}"`;

/**
 * A provider's own offers: lifecycle, participants, attendance and its CSV list (the PDF list is
 * ./attendance-pdf.ts). Every route checks ownership in the domain.
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
    })
    .get('/provider/offers/:id/attendance.csv', provider, validate('param', offerPathParam), async (c) => {
      const { id } = c.req.valid('param');
      const sheet = await buildAttendanceSheet(ports, currentUser(c), id);
      return c.body(attendanceCsv(sheet), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': attachment(id, 'csv'),
      });
    });
};
