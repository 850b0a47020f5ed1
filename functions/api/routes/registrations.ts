import { Hono } from 'hono';
import * as z from 'zod';
import { id } from '../../../shared/schemas/common.js';
import { bookingRequest, idempotencyKey, type BookingRequest } from '../../../shared/schemas/registration.js';
import { bookRegistrations } from '../../domain/booking.js';
import { cancelRegistration } from '../../domain/cancellation.js';
import { eraseFamily, exportFamilyData, listFamilyBookings } from '../../domain/family-data.js';
import { householdIdOf } from '../../domain/household.js';
import { acceptPlace, declinePlace, extendPlace } from '../../domain/offered-places.js';
import { allow, clearSessionCookie, currentCaller, currentUser, familyByToken } from '../access.js';
import type { AppContext, Env } from '../context.js';
import { validate } from '../validate.js';

const registrationParam = z.object({ id });

/** Header names arrive in lower case; the problem's `errors[].path` names the header. */
const bookingHeaders = z.object({ 'idempotency-key': idempotencyKey });

const [oneChild, severalItems] = bookingRequest.options;
/**
 * The contract's union, checked against the form the body chose (`items` or not), so that an
 * error names the missing or bad field instead of "no branch of the union matched".
 */
const bookingBody = z.unknown().transform((body, ctx): BookingRequest => {
  const form = typeof body === 'object' && body !== null && 'items' in body ? severalItems : oneChild;
  const parsed = form.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    return z.NEVER;
  }
  return parsed.data;
});

/** Booking, cancelling, answering an offered place, and the family's view of its registrations, plus its data rights. */
export const registrationRoutes = (ctx: AppContext) => {
  const { ports } = ctx;
  const family = allow(['family']);
  return new Hono<Env>()
    .post('/registrations', familyByToken(ctx), validate('header', bookingHeaders), validate('json', bookingBody), async (c) => {
      const result = await bookRegistrations(ports, currentCaller(c), c.req.valid('json'), c.req.valid('header')['idempotency-key']);
      // A repeat answers exactly like the first request, status included; the header says it is one.
      if (result.replayed) c.header('Idempotent-Replayed', 'true');
      return c.json(result.single ? result.registrations[0] : { items: result.registrations }, 201);
    })
    .get('/family/registrations', family, async (c) => c.json({ items: await listFamilyBookings(ports, householdIdOf(currentUser(c))) }))
    .delete('/registrations/:id', allow(['family', 'provider']), validate('param', registrationParam), async (c) => {
      await cancelRegistration(ports, currentUser(c), c.req.valid('param').id);
      return c.body(null, 204);
    })
    .post('/registrations/:id/accept', family, validate('param', registrationParam), async (c) =>
      c.json({ items: await acceptPlace(ports, currentUser(c), c.req.valid('param').id) }),
    )
    .post('/registrations/:id/decline', family, validate('param', registrationParam), async (c) =>
      c.json({ items: await declinePlace(ports, currentUser(c), c.req.valid('param').id) }),
    )
    .post('/registrations/:id/extend', family, validate('param', registrationParam), async (c) =>
      c.json({ items: await extendPlace(ports, currentUser(c), c.req.valid('param').id) }),
    )
    .get('/family/export', family, async (c) => {
      c.header('Content-Disposition', 'attachment; filename="regiokurs-export.json"');
      return c.json(await exportFamilyData(ports, currentUser(c)));
    })
    .delete('/family', family, async (c) => {
      await eraseFamily(ports, currentUser(c));
      clearSessionCookie(c);
      return c.body(null, 204);
    });
};
