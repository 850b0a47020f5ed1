import { Hono } from 'hono';
import { familyFeedParam } from '../../../shared/schemas/calendar-feed.js';
import { dashboardQuery } from '../../../shared/schemas/dashboard.js';
import { calendarQuery } from '../../../shared/schemas/offer.js';
import { offerPathParam } from '../../../shared/schemas/provider.js';
import { buildAttendanceSheet } from '../../domain/attendance.js';
import { publicCalendarFeed } from '../../domain/catalog-feed.js';
import { getDashboard } from '../../domain/dashboard.js';
import { familyFeedIcs } from '../../domain/family-feed.js';
import { attendanceCsv } from '../../formats/attendance-list.js';
import { attendancePdf } from '../../formats/attendance-pdf.js';
import { dashboardCsv } from '../../formats/dashboard-csv.js';
import { allow, currentUser } from '../access.js';
import type { AppContext, Env } from '../context.js';
import { validate } from '../validate.js';

/** A download's name: the offer id is safe in a header (ids are [A-Za-z0-9_-]). */
const attachment = (offerId: string, ext: string) => `attachment; filename="anwesenheit-${offerId}.${ext}"`;

const CALENDAR = 'text/calendar; charset=utf-8';
const CSV = 'text/csv; charset=utf-8';

/**
 * The files: calendar feeds, CSV and PDF lists. The exports Lambda answers them (the HTTP API
 * routes exactly these paths there: EXPORT_ROUTES in infra/constructs/api.ts, which a test holds to
 * this module), so that their libraries (ical-generator, csv-stringify, the PDF library and its
 * fonts) stay out of the API function every booking goes through; the local server mounts them too.
 */
export const exportRoutes = (ctx: AppContext) => {
  const { ports } = ctx;
  const provider = allow(['provider']);
  return (
    new Hono<Env>()
      .get('/calendar.ics', allow('anyone'), validate('query', calendarQuery), async (c) => {
        const feed = await publicCalendarFeed(ports, c.req.valid('query'), `${ctx.config.PUBLIC_URL}/api/calendar.ics${new URL(c.req.url).search}`);
        return c.body(feed, 200, { 'Content-Type': CALENDAR });
      })
      // A family's private feed is read with nothing but its address (calendar apps send no session): the address is the capability.
      .get('/feeds/family/:token', allow('anyone'), validate('param', familyFeedParam), async (c) => {
        const feed = await familyFeedIcs(ports, c.req.valid('param').token);
        // Private: no shared cache may keep a family's dates, and no search engine index them.
        return c.body(feed, 200, {
          'Content-Type': CALENDAR,
          'Cache-Control': 'private, no-store',
          'X-Robots-Tag': 'noindex',
          'Referrer-Policy': 'no-referrer',
        });
      })
      .get('/dashboard.csv', allow(['municipality']), validate('query', dashboardQuery), async (c) => {
        const dashboard = await getDashboard(ports, currentUser(c), c.req.valid('query'));
        return c.body(dashboardCsv(dashboard), 200, {
          'Content-Type': CSV,
          'Content-Disposition': `attachment; filename="dashboard-${dashboard.scope.municipality === '*' ? 'region' : dashboard.scope.municipality}.csv"`,
        });
      })
      .get('/provider/offers/:id/attendance.csv', provider, validate('param', offerPathParam), async (c) => {
        const { id } = c.req.valid('param');
        const sheet = await buildAttendanceSheet(ports, currentUser(c), id);
        return c.body(attendanceCsv(sheet), 200, { 'Content-Type': CSV, 'Content-Disposition': attachment(id, 'csv') });
      })
      .get('/provider/offers/:id/attendance.pdf', provider, validate('param', offerPathParam), async (c) => {
        const { id } = c.req.valid('param');
        const pdf = await attendancePdf(await buildAttendanceSheet(ports, currentUser(c), id));
        return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': attachment(id, 'pdf') });
      })
  );
};
