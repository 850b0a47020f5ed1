import { describe, expect, it } from 'vitest';
import type { Registration } from '../../shared/schemas/registration.js';
import { book, bornYearsAgo, createFamily, type Family } from '../support/booking.js';
import { createTestContext } from '../support/context.js';
import { createOffer } from '../support/offers.js';
import { body, seedRegionConfig } from '../support/provider.js';
import { recordTableCalls } from '../support/table-calls.js';
import { json, signInAgain } from '../support/users.js';

type Context = Awaited<ReturnType<typeof createTestContext>>;

/**
 * A family's token says where its household lives and when its children were born, so a booking
 * need not read the household for the dashboard's dimensions; the booking's transaction checks
 * what the token says, and a household changed since (on another phone) is read instead.
 */
describe('booking on what the token knows of the household', () => {
  async function prepare() {
    const t = await createTestContext();
    await seedRegionConfig(t.ctx);
    const offer = await createOffer(t.ctx, { ageRange: { min: 3, max: 10 } });
    return { ...t, offer };
  }
  /** The family moves to the postal code's municipality; its token is issued afterwards (a fresh sign-in). */
  const livingIn = async (t: Context, family: Family, postalCode: string) => {
    const moved = await t.app.request('/api/family/household', json('PUT', { name: 'Alex Muster', phone: '0664 1234567', postalCode }, family.headers));
    expect(moved.status).toBe(200);
    return signInAgain(t.ctx, family);
  };
  const stored = async (t: Context, res: Response) => t.ctx.ports.registrations.getRegistration((await body<Registration>(res)).id);

  it('books a place with the transaction alone once the offer is known to the process', async () => {
    // Prepare: a first family's booking brings the offer into the process's copy.
    const { ctx, app, offer } = await prepare();
    const [first, second] = [await createFamily(ctx), await createFamily(ctx)];
    expect((await book(app, first, { offerId: offer.id, unitId: 'u1', childId: first.childIds[0] })).status).toBe(201);
    const recorder = recordTableCalls(ctx.table.client);

    // Act
    const res = await book(app, second, { offerId: offer.id, unitId: 'u1', childId: second.childIds[0] });

    // Assess: confirmed, and no read before the write (the e-mail is the stream's, on a client of its own).
    expect((await body<Registration>(res)).status).toBe('confirmed');
    expect(Object.keys(recorder.commands())).toEqual(['TransactWriteItemsCommand']);
  });

  it('counts the booking where the family lives now when it moved on another phone after this token was issued', async () => {
    // Prepare: the token says Lindach; the other phone moves the household to Obernberg.
    const t = await prepare();
    const family = await livingIn(t, await createFamily(t.ctx), '4801');
    await livingIn(t, await signInAgain(t.ctx, family), '4811');

    // Act
    const res = await book(t.app, family, { offerId: t.offer.id, unitId: 'u1', childId: family.childIds[0] });

    // Assess
    expect(res.status).toBe(201);
    expect((await stored(t, res))?.residence).toBe('obernberg');
  });

  it.each([
    { was: 5, now: 8, what: 'counts a child in its age band as corrected on another phone (3–5 to 6–9), not as the token remembers it' },
    { was: 12, now: 6, what: 'books a child whose birth date was corrected into the offer’s ages (3–10) after the token was issued' },
  ])('$what', async ({ was, now }) => {
    // Prepare: the token knows the child `was` years old; the other phone corrects it to `now`.
    const t = await prepare();
    const family = await createFamily(t.ctx, 1, was);
    const childId = family.childIds[0] ?? '';
    await t.ctx.ports.households.updateChild(family.householdId, childId, { set: { birthDate: bornYearsAgo(t.ctx, now) }, remove: [] });

    // Act
    const res = await book(t.app, family, { offerId: t.offer.id, unitId: 'u1', childId });

    // Assess
    expect(res.status).toBe(201);
    expect((await stored(t, res))?.band).toBe('6-9');
  });

  it('gives the web app a token that knows a child just added, so its booking reads nothing before the write', async () => {
    // Prepare: a family signed in through its cookie; the offer is known to the process.
    const { ctx, app, offer } = await prepare();
    const family = await createFamily(ctx);
    expect((await book(app, family, { offerId: offer.id, unitId: 'u1', childId: family.childIds[0] })).status).toBe(201);
    const cookie = { Cookie: `rk_session=${family.token}` };

    // Act: the family adds a second child in the web app, then books it with the cookie it got back.
    const added = await app.request('/api/family/children', json('POST', { firstName: 'Mira', birthDate: bornYearsAgo(ctx, 6) }, cookie));
    const renewed = added.headers
      .getSetCookie()
      .find((h) => h.startsWith('rk_session='))
      ?.split(';')[0];
    const recorder = recordTableCalls(ctx.table.client);
    const res = await book(
      app,
      { ...family, headers: { Cookie: renewed ?? '' } },
      { offerId: offer.id, unitId: 'u1', childId: (await body<{ id: string }>(added)).id },
    );

    // Assess
    expect(added.status).toBe(201);
    expect((await body<Registration>(res)).status).toBe('confirmed');
    expect(Object.keys(recorder.commands())).toEqual(['TransactWriteItemsCommand']);
  });
});
