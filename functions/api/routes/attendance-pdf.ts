import { Hono } from 'hono';
import { offerPathParam } from '../../../shared/schemas/provider.js';
import { buildAttendanceSheet } from '../../domain/attendance.js';
import { attendancePdf } from '../../formats/attendance-pdf.js';
import { allow, currentUser } from '../access.js';
import type { AppContext, Env } from '../context.js';
import { validate } from '../validate.js';
import { attachment } from './provider.js';

/** The printable attendance list; mounted by the exports Lambda and the local server, not the API Lambda. */
export const attendancePdfRoutes = (ctx: AppContext) => {
  const { ports } = ctx;
  return new Hono<Env>().get('/provider/offers/:id/attendance.pdf', allow(['provider']), validate('param', offerPathParam), async (c) => {
    const { id } = c.req.valid('param');
    const pdf = await attendancePdf(await buildAttendanceSheet(ports, currentUser(c), id));
    return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': attachment(id, 'pdf') });
  });
};
