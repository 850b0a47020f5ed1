import { describe, expect, it } from 'vitest';
import {
  familyResultSchema,
  programmeDetailSchema,
  wishesAnswer,
  type FamilyResult,
  type Programme,
  type ProgrammeDetail,
  type WishesAnswer,
} from '../../shared/schemas/programme.js';
import type { Problem } from '../../shared/schemas/common.js';
import { createTestContext, testClock } from '../support/context.js';
import { book, bornYearsAgo, cancel, createFamily, expectConsistent, listRegistrations, unitOf, type Family } from '../support/booking.js';
import { createOffer } from '../support/offers.js';
import { publishDraw } from '../../functions/domain/draw-publication.js';
import { createHousehold, offerDraft, seedRegionConfig } from '../support/provider.js';
import { createUser, json, signInAgain, type TestUser } from '../support/users.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const T0 = new Date('2027-03-01T08:00:00Z');

/**
 * A region with a holiday programme whose wish window is open at the context's clock: two
 * lottery offers (one of 2 places, one of 3) in it, a region admin, and the programme
 * published. Each test builds its own, so none depends on another's clock.
 */
async function programmeWorld() {
  const clock = testClock(T0);
  const t = await createTestContext({}, clock);
  const admin = await createUser(t.ctx, [{ role: 'admin' }]);
  const request = async <T>(path: string, init: RequestInit = {}) => {
    const res = await t.app.request(`/api${path}`, init);
    return { status: res.status, body: (await res.json()) as T };
  };
  const created = await request<Programme>(
    '/admin/programmes',
    json(
      'POST',
      {
        title: `Sommer ${Math.random().toString(36).slice(2, 8)}`,
        wishOpens: new Date(T0.getTime() - HOUR).toISOString(),
        wishCloses: new Date(T0.getTime() + 2 * DAY).toISOString(),
        maxWishesPerChild: 3,
        randomnessSource: 'Zusatzzahl / bonus number',
      },
      admin.headers,
    ),
  );
  expect(created.status).toBe(201);
  const programmeId = created.body.id;
  const start = T0.getTime() + 30 * DAY;
  const session = (day: number) => ({
    id: 's1',
    start: new Date(start + day * DAY).toISOString(),
    end: new Date(start + day * DAY + 3 * HOUR).toISOString(),
    place: 'Halle',
  });
  const lottery = {
    bookingMode: 'lottery' as const,
    programmeId,
    registrationOpens: new Date(T0.getTime() + 2 * DAY).toISOString(),
    registrationCloses: new Date(start - DAY).toISOString(),
  };
  const small = await createOffer(t.ctx, {
    ...lottery,
    title: 'Reiten',
    sessions: [session(0)],
    units: [{ id: 'u1', label: 'Gruppe', capacity: 2, confirmed: 0, waiting: 0 }],
  });
  const other = await createOffer(t.ctx, {
    ...lottery,
    title: 'Klettern',
    sessions: [session(3)],
    units: [{ id: 'u1', label: 'Gruppe', capacity: 3, confirmed: 0, waiting: 0 }],
  });
  expect((await request('/admin/programmes/' + programmeId, json('PATCH', { status: 'wishing' }, admin.headers))).status).toBe(200);

  const putWishes = (family: TestUser, body: unknown) =>
    request<WishesAnswer & Problem>(`/family/programmes/${programmeId}/wishes`, json('PUT', body, family.headers));
  const getWishes = (family: TestUser) => request<WishesAnswer>(`/family/programmes/${programmeId}/wishes`, { headers: family.headers });
  const runJobs = async () => (await request<{ ran: { kind: string; subject: string; outcome: string }[] }>('/dev/jobs/run', { method: 'POST' })).body.ran;
  const programme = async () => (await request<ProgrammeDetail>(`/programmes/${programmeId}`)).body;
  const draw = (randomness: string, user: TestUser = admin) =>
    request<Programme>(`/admin/programmes/${programmeId}/draw`, json('POST', { randomness }, user.headers));
  const result = (family: TestUser) => request<FamilyResult & Problem>(`/family/programmes/${programmeId}/result`, { headers: family.headers });
  /** Each child of `family` wishes these offers' unit u1, in this order. */
  const wishFor = (family: Family, ...offerIds: string[]) => ({
    children: family.childIds.map((childId) => ({ childId, wishes: offerIds.map((offerId) => ({ offerId, unitId: 'u1' })) })),
    together: [],
  });
  /** Closes the window and runs the sweep: the freeze. */
  const freeze = async () => {
    clock.set(new Date(T0.getTime() + 2 * DAY + 1000));
    return runJobs();
  };
  return { t, clock, admin, programmeId, small, other, putWishes, getWishes, runJobs, programme, draw, result, wishFor, freeze };
}

describe('holiday programme: wishes', () => {
  it('takes a ranked wish list while the window is open and refuses one it cannot allow, naming each wish, changing nothing', async () => {
    const w = await programmeWorld();
    const family = await createFamily(w.t.ctx, 1, 6);

    // Act: a valid list, then one with a wish too many, one for a unit outside the programme and one twice.
    const saved = await w.putWishes(family, w.wishFor(family, w.small.id, w.other.id));
    const outside = await createOffer(w.t.ctx, { title: 'Anderswo' });
    const refused = await w.putWishes(family, {
      children: [
        {
          childId: family.childIds[0],
          wishes: [
            { offerId: w.small.id, unitId: 'u1' },
            { offerId: outside.id, unitId: 'u1' },
            { offerId: w.small.id, unitId: 'u1' },
            { offerId: w.other.id, unitId: 'u1' },
          ],
        },
      ],
    });

    // Assess
    expect(saved.status).toBe(200);
    expect(wishesAnswer.parse(saved.body).editable).toBe(true);
    expect(refused.status).toBe(422);
    expect(refused.body.errors?.map((e) => [e.path, e.code])).toEqual([
      ['children.0.wishes', 'wish_cap'],
      ['children.0.wishes.1', 'wish_unknown'],
      ['children.0.wishes.2', 'wish_duplicate'],
    ]);
    expect(refused.body.errors?.[0]?.message).toBe('Höchstens 3 Wünsche je Kind');
    const stored = await w.getWishes(family);
    expect(stored.body.children[0]?.wishes.map((x) => x.offerId)).toEqual([w.small.id, w.other.id]);
  });

  it('refuses a wish for a child too young on the first day, in the parent’s language', async () => {
    const w = await programmeWorld();
    const toddler = await createFamily(w.t.ctx, 1, 2);

    const res = await w.t.app.request(`/api/family/programmes/${w.programmeId}/wishes`, {
      ...json('PUT', w.wishFor(toddler, w.small.id), toddler.headers),
      headers: { ...toddler.headers, 'Content-Type': 'application/json', 'Accept-Language': 'en' },
    });

    expect(res.status).toBe(422);
    const problem = (await res.json()) as Problem;
    expect(problem.errors?.[0]).toMatchObject({ path: 'children.0.wishes.0', code: 'wish_age' });
    expect(problem.errors?.[0]?.message).toMatch(/is not between 3 and 10 on the first day of "Reiten"/);
  });

  it('refuses wishes outside the window: before it opens and after it closes', async () => {
    const w = await programmeWorld();
    const family = await createFamily(w.t.ctx, 1, 6);
    w.clock.set(new Date(T0.getTime() - 2 * HOUR));
    const early = await w.putWishes(family, w.wishFor(family, w.small.id));
    w.clock.set(new Date(T0.getTime() + 2 * DAY));
    const late = await w.putWishes(family, w.wishFor(family, w.small.id));

    expect([early.status, late.status]).toEqual([409, 409]);
    expect(late.body.title).toBe('Die Wunschfrist ist nicht offen');
    expect((await w.getWishes(family)).body).toMatchObject({ children: [], editable: false });
  });
});

describe('holiday programme: freeze and draw', () => {
  it('freezes at the close through the sweep, publishing the hash before the randomness is known', async () => {
    const w = await programmeWorld();
    const family = await createFamily(w.t.ctx, 1, 6);
    await w.putWishes(family, w.wishFor(family, w.small.id));
    expect((await w.programme()).status).toBe('wishing');
    const tooEarly = await w.draw('42');

    const ran = await w.freeze();

    expect(tooEarly.status).toBe(409);
    expect(ran).toContainEqual({ kind: 'programme-freeze', subject: w.programmeId, outcome: 'done' });
    const frozen = await w.programme();
    expect(frozen.status).toBe('frozen');
    expect(frozen.inputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(frozen.randomness).toBeUndefined();
    // The wish list is fixed now.
    expect((await w.putWishes(family, w.wishFor(family, w.other.id))).status).toBe(409);
  });

  it('draws once: the same randomness answers the same result, another is refused, the registrations hold I1–I5', async () => {
    const w = await programmeWorld();
    // Five families want the 2-place offer first, the 3-place offer second.
    const families = await Promise.all(Array.from({ length: 5 }, () => createFamily(w.t.ctx, 1, 6)));
    for (const f of families) expect((await w.putWishes(f, w.wishFor(f, w.small.id, w.other.id))).status).toBe(200);
    await w.freeze();

    // Act: the randomness, the sweep, and the same again.
    const first = await w.draw('31415');
    const ran = await w.runJobs();
    const again = await w.draw('31415');
    await w.t.ctx.ports.dueWork.schedule({ kind: 'programme-draw', subject: w.programmeId, dueAt: w.clock.now().toISOString() });
    await w.runJobs();
    const other = await w.draw('27182');

    // Assess
    expect(first.status).toBe(202);
    expect(ran).toContainEqual({ kind: 'programme-draw', subject: w.programmeId, outcome: 'done' });
    expect(again.status).toBe(200);
    expect(again.body.outputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(other.status).toBe(409);
    // The answer is what the contract documents: the commitment, the randomness, the proof and the report.
    const published = programmeDetailSchema.parse(await w.programme());
    expect(published).toMatchObject({ status: 'published', randomness: '31415', outputHash: again.body.outputHash });
    expect(published.report?.placed).toBe(5);
    expect(published.report?.placeableMax).toBe(5);
    // Every family got one place (2 + 3 seats, 5 children): nobody holds two, nobody is left out.
    expect(await unitOf(w.t.app, w.small.id)).toMatchObject({ confirmed: 2, waiting: 3 });
    expect(await unitOf(w.t.app, w.other.id)).toMatchObject({ confirmed: 3, waiting: 2 });
    for (const f of families) {
      const mine = await listRegistrations(w.t.app, f);
      expect(mine.filter((r) => r.status === 'confirmed')).toHaveLength(1);
    }
    await expectConsistent(w.t.ctx);
  });

  it('tells each family per wish what happened and why, in its result and one e-mail', async () => {
    const w = await programmeWorld();
    const families = await Promise.all(Array.from({ length: 4 }, () => createFamily(w.t.ctx, 1, 6)));
    for (const f of families) await w.putWishes(f, w.wishFor(f, w.small.id));
    await w.freeze();
    await w.draw('7');
    const beforeRun = await w.result(families[0] as Family);
    await w.runJobs();

    const results = await Promise.all(families.map((f) => w.result(f)));

    expect(beforeRun.status).toBe(409);
    for (const r of results) familyResultSchema.parse(r.body);
    const outcomes = results.map((r) => r.body.children[0]?.wishes[0]?.outcome).sort();
    expect(outcomes).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    const waiting = results.find((r) => r.body.children[0]?.wishes[0]?.outcome === 'waitlisted')?.body;
    expect(waiting?.tickets).toBe(4);
    expect(waiting?.children[0]?.wishes[0]?.reason.de).toMatch(/Wunsch 1 „Reiten“ war voll, als Kind1 an der Reihe war \(Losnummer [34] von 4\)/);
    expect(waiting?.children[0]?.wishes[0]?.reason.en).toMatch(/Waiting list: place [12]\./);
    const placed = results.find((r) => r.body.children[0]?.wishes[0]?.outcome === 'confirmed')?.body;
    expect(placed?.children[0]?.wishes[0]).toMatchObject({ round: 1 });
    expect(placed?.children[0]?.wishes[0]?.reason.de).toMatch(/Kind1 hat einen Platz in „Reiten“ \(Wunsch 1\), Runde 1/);
    for (const f of families) {
      const mails = w.t.outbox.list(f.email).filter((m) => m.subject.startsWith('Ergebnis der Verlosung'));
      expect(mails).toHaveLength(1);
    }
    // A family without wishes has no result; nobody reads another family's.
    const stranger = await createFamily(w.t.ctx, 1, 6);
    expect((await w.result(stranger)).status).toBe(404);
  });

  it('hands a place freed after the draw to the first in the unit’s line', async () => {
    const w = await programmeWorld();
    const families = await Promise.all(Array.from({ length: 4 }, () => createFamily(w.t.ctx, 1, 6)));
    for (const f of families) await w.putWishes(f, w.wishFor(f, w.small.id));
    await w.freeze();
    await w.draw('99');
    await w.runJobs();
    const results = await Promise.all(families.map(async (f) => ({ f, wish: (await w.result(f)).body.children[0]?.wishes[0] })));
    const holder = results.find((r) => r.wish?.outcome === 'confirmed');
    const firstInLine = results.find((r) => r.wish?.waitlistPosition === 1);

    // Act: a family with a place cancels.
    const res = await cancel(w.t.app, holder?.f as Family, holder?.wish?.registrationId ?? '');
    await w.runJobs();

    expect(res.status).toBe(204);
    const offered = (await listRegistrations(w.t.app, firstInLine?.f as Family))[0];
    expect(offered?.status).toBe('offered');
    await expectConsistent(w.t.ctx);
  });

  it('shows a municipality’s coordinator its own residents’ groups of the report, and no family a programme admin route', async () => {
    const w = await programmeWorld();
    const resident = await createHousehold(w.t.ctx, { name: 'Eva Lind', phone: '+43 660 1', postalCode: '4801' }, [
      { firstName: 'Ida', birthDate: bornYearsAgo(w.t.ctx, 6) },
    ]);
    const family = { ...resident, childIds: resident.children.map((c) => c.id) };
    await w.putWishes(family, w.wishFor(family, w.small.id));
    await w.freeze();
    await w.draw('1');
    await w.runJobs();
    const coordinator = await createUser(w.t.ctx, [{ role: 'municipality', municipalityId: 'lindach' }]);

    const report = await w.t.app.request(`/api/admin/programmes/${w.programmeId}/report`, { headers: coordinator.headers });
    const replays = await Promise.all(
      [family, coordinator, w.admin].map((u) => w.t.app.request(`/api/admin/programmes/${w.programmeId}/replay`, { headers: u.headers })),
    );

    expect(report.status).toBe(200);
    const body = (await report.json()) as { report: { groups: { dimension: string; value: string }[] } };
    expect(body.report.groups.filter((g) => g.dimension === 'municipality').map((g) => g.value)).toEqual(['lindach']);
    expect(body.report.groups.some((g) => g.dimension === 'all')).toBe(true);
    // The public page has the report without groups by residence; the snapshot is the region admin's.
    expect((await w.programme()).report?.groups.some((g) => g.dimension === 'municipality')).toBe(false);
    expect(replays.map((r) => r.status)).toEqual([403, 403, 200]);
  });
});

describe('holiday programme: settings', () => {
  it('refuses a window that closes before it opens, naming the field, and creates nothing', async () => {
    const t = await createTestContext({}, testClock(T0));
    const admin = await createUser(t.ctx, [{ role: 'admin' }]);

    const res = await t.app.request(
      '/api/admin/programmes',
      json(
        'POST',
        { title: 'Rückwärts', wishOpens: '2027-04-02T08:00:00+02:00', wishCloses: '2027-04-01T08:00:00+02:00', randomnessSource: 'x' },
        admin.headers,
      ),
    );

    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).errors?.map((e) => e.path)).toEqual(['wishCloses']);
    const list = await t.app.request('/api/admin/programmes', { headers: admin.headers });
    expect(((await list.json()) as { items: Programme[] }).items).toEqual([]);
  });

  it('changes only what an edit names; once published, only words and a later close', async () => {
    const w = await programmeWorld();
    const patch = (body: unknown) => w.t.app.request(`/api/admin/programmes/${w.programmeId}`, json('PATCH', body, w.admin.headers));

    const title = await patch({ title: 'Sommer in Sonnental' });
    const cap = await patch({ maxWishesPerChild: 8 });
    const earlier = await patch({ wishCloses: new Date(T0.getTime() + DAY).toISOString() });
    const later = await patch({ wishCloses: new Date(T0.getTime() + 3 * DAY).toISOString() });

    expect(title.status).toBe(200);
    expect((await title.json()) as Programme).toMatchObject({ title: 'Sommer in Sonnental', maxWishesPerChild: 3, rescue: true });
    expect([cap.status, earlier.status, later.status]).toEqual([409, 409, 200]);
    // The freeze moved with the close: nothing happens at the old one.
    w.clock.set(new Date(T0.getTime() + 2 * DAY + 1000));
    expect((await w.runJobs()).filter((r) => r.kind === 'programme-freeze')).toEqual([]);
    expect((await w.programme()).status).toBe('wishing');
  });

  it('lets a provider run a lottery only in a programme that still takes offers', async () => {
    const w = await programmeWorld();
    await seedRegionConfig(w.t.ctx);
    const provider = await createUser(w.t.ctx, [{ role: 'provider', providerId: 'sportunion-lindach' }]);
    const create = (extra: Record<string, unknown>) =>
      w.t.app.request('/api/provider/offers', json('POST', offerDraft(w.clock.now(), { bookingMode: 'lottery', ...extra }), provider.headers));

    const without = await create({});
    const joined = await create({ programmeId: w.programmeId });
    await w.freeze();
    const late = await create({ programmeId: w.programmeId });

    expect(without.status).toBe(400);
    expect(((await without.json()) as Problem).errors?.[0]).toMatchObject({
      path: 'programmeId',
      message: 'Verlosung nur in einem Ferienprogramm: bitte eines wählen',
    });
    expect(joined.status).toBe(201);
    expect(late.status).toBe(400);
    // While the draw counts on the seats, they stay: no fewer places, no cancellation; words may change.
    const edit = (body: unknown) => w.t.app.request(`/api/provider/offers/${w.small.id}`, json('PATCH', body, provider.headers));
    expect((await edit({ units: [{ id: 'u1', label: 'Gruppe', capacity: 1 }] })).status).toBe(409);
    expect((await edit({ status: 'cancelled' })).status).toBe(409);
    expect((await edit({ title: 'Reiten am Hof' })).status).toBe(200);
  });

  it('erases the snapshot and wish lists after the objection period, the results after the retention time', async () => {
    const w = await programmeWorld();
    let family = await createFamily(w.t.ctx, 1, 6);
    await w.putWishes(family, w.wishFor(family, w.small.id));
    await w.freeze();
    await w.draw('5');
    await w.runJobs();
    const replay = () => w.t.app.request(`/api/admin/programmes/${w.programmeId}/replay`, { headers: w.admin.headers });
    expect((await replay()).status).toBe(200);

    w.clock.advance(29 * DAY);
    const ran = await w.runJobs();
    // Sessions last a week unused: both sign in again.
    [w.admin, family] = [await signInAgain(w.t.ctx, w.admin), await signInAgain(w.t.ctx, family)];
    const afterObjection = { replay: (await replay()).status, wishes: (await w.getWishes(family)).body.children, result: (await w.result(family)).status };
    w.clock.advance(400 * DAY);
    await w.runJobs();
    family = await signInAgain(w.t.ctx, family);

    expect(ran).toContainEqual({ kind: 'programme-retention', subject: w.programmeId, outcome: 'done' });
    expect(afterObjection).toEqual({ replay: 404, wishes: [], result: 200 });
    expect((await w.result(family)).status).toBe(404);
    // The published proof and report stay: they name nobody.
    expect((await w.programme()).outputHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps a sibling’s place when a child is deleted between the freeze and the draw, and mails every family once however often the draw runs', async () => {
    const w = await programmeWorld();
    const siblings = await createFamily(w.t.ctx, 2, 6);
    const others = await Promise.all(Array.from({ length: 2 }, () => createFamily(w.t.ctx, 1, 6)));
    for (const f of [siblings, ...others]) await w.putWishes(f, w.wishFor(f, w.other.id));
    await w.freeze();
    const [gone, kept] = siblings.childIds as [string, string];
    expect(await w.t.ctx.ports.households.deleteChild(siblings.householdId, gone)).toBe('deleted');
    await w.draw('2718');

    // Act: two sweeps run the draw at once (a lease that ran out), then the job once more.
    await Promise.all([publishDraw(w.t.ctx.ports, w.programmeId), publishDraw(w.t.ctx.ports, w.programmeId)]);
    await publishDraw(w.t.ctx.ports, w.programmeId);

    const mine = await listRegistrations(w.t.app, siblings);
    // Three children are left for three seats: the kept sibling has a place, or (had it waited) the deleted one's seat offered.
    expect(mine.map((r) => r.childId)).toEqual([kept]);
    expect(mine[0]?.status).toBeOneOf(['confirmed', 'offered']);
    const result = (await w.result(siblings)).body;
    expect(result.children.map((c) => c.childId)).toEqual([kept]);
    expect(result.children[0]?.wishes[0]?.registrationId).toBe(mine[0]?.id);
    for (const f of [siblings, ...others]) {
      expect(w.t.outbox.list(f.email).filter((m) => m.subject.startsWith('Ergebnis der Verlosung'))).toHaveLength(1);
    }
    // Had the deleted child won a seat, the publication offered it to the line at once: three children, three seats.
    expect(await unitOf(w.t.app, w.other.id)).toMatchObject({ confirmed: 3, waiting: 0 });
    await expectConsistent(w.t.ctx);
  });

  it('does not draw an offer booked first come, first served, nor one published after the freeze', async () => {
    const w = await programmeWorld();
    await seedRegionConfig(w.t.ctx);
    const provider = await createUser(w.t.ctx, [{ role: 'provider', providerId: 'sportunion-lindach' }]);
    const open = await createOffer(w.t.ctx, { title: 'Schon offen' });
    const family = await createFamily(w.t.ctx, 1, 6);
    expect((await book(w.t.app, family, { offerId: open.id, unitId: 'u1', childId: family.childIds[0] })).status).toBe(201);
    const patch = (id: string, body: unknown) => w.t.app.request(`/api/provider/offers/${id}`, json('PATCH', body, provider.headers));

    const converted = await patch(open.id, { bookingMode: 'lottery', programmeId: w.programmeId });
    const draft = await w.t.app.request(
      '/api/provider/offers',
      json('POST', offerDraft(w.clock.now(), { bookingMode: 'lottery', programmeId: w.programmeId }), provider.headers),
    );
    const draftId = ((await draft.json()) as { id: string }).id;
    await w.freeze();
    const late = await patch(draftId, { status: 'published' });

    expect(converted.status).toBe(409);
    expect(late.status).toBe(400);
    expect(((await late.json()) as Problem).errors?.[0]?.path).toBe('programmeId');
  });
});
