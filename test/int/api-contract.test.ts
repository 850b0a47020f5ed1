import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_CONTRACT, routeKey } from '../../shared/api-contract.js';
import type { Offer } from '../../shared/schemas/offer.js';
import type { Programme } from '../../shared/schemas/programme.js';
import type { Registration } from '../../shared/schemas/registration.js';
import { book, createFamily, type Family } from '../support/booking.js';
import { createTestContext, testClock } from '../support/context.js';
import { documentedRoute } from '../support/contract.js';
import { createOffer } from '../support/offers.js';
import { body, offerDraft, seedRegionConfig } from '../support/provider.js';
import { createUser, json, type TestUser } from '../support/users.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const T0 = new Date('2027-03-01T08:00:00Z');

/**
 * Every documented route answers successfully at least once, and each answer fits the OpenAPI
 * document: the test context's app (test/support/contract.ts) checks status, media type and body
 * of every answer against it, here and in every other integration test. The steps run in order,
 * one region, so the later ones use what the earlier made.
 */
describe('the API as its OpenAPI document describes it', () => {
  const clock = testClock(T0);
  let t: Awaited<ReturnType<typeof createTestContext>>;
  let admin: TestUser;
  let provider: TestUser;
  let coordinator: TestUser;
  let family: Family;
  const succeeded = new Set<string>();

  /** A request that must succeed; the route it reached is recorded. */
  const ok = async (method: string, path: string, init: RequestInit = {}) => {
    const res = await t.app.request(path, { ...init, method });
    expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
    const route = documentedRoute(method, new URL(path, 'http://test').pathname);
    if (route) succeeded.add(routeKey(route));
    return res;
  };
  const send = (method: string, path: string, payload: unknown, user?: TestUser) => ok(method, path, json(method, payload, user?.headers));
  const as = (user: TestUser) => ({ headers: user.headers });

  beforeAll(async () => {
    t = await createTestContext({}, clock);
    await seedRegionConfig(t.ctx);
    admin = await createUser(t.ctx, [{ role: 'admin' }]);
    provider = await createUser(t.ctx, [{ role: 'provider', providerId: 'musikschule-sonnental' }]);
    coordinator = await createUser(t.ctx, [{ role: 'municipality', municipalityId: 'lindach' }]);
    family = await createFamily(t.ctx, 2, 5);
  });

  it('answers the public and sign-in routes as documented', async () => {
    await ok('GET', '/api/health');
    await ok('GET', '/api/region');
    await ok('GET', '/api/municipalities');
    await ok('GET', '/api/programmes');
    await send('POST', '/api/feedback', { message: 'Der Kontrast der Knöpfe ist gut.', email: 'leser@test.example' });

    const email = `${randomUUID()}@test.example`;
    await send('POST', '/api/auth/code', { email });
    const mails = await body<{ items: { text: string }[] }>(ok('GET', `/api/dev/outbox?to=${encodeURIComponent(email)}`));
    const code = mails.items[0]?.text.match(/\b(\d{6})\b/)?.[1] ?? '';
    const signedIn = await body<{ token: string }>(send('POST', '/api/auth/session', { email, code }));
    const bearer = { headers: { Authorization: `Bearer ${signedIn.token}` } };
    await ok('GET', '/api/auth/session', bearer);
    await ok('GET', '/api/me', bearer);
    await ok('DELETE', '/api/auth/session', bearer);
    await ok('GET', '/api/auth/session');
    const other = await createUser(t.ctx);
    await ok('DELETE', '/api/auth/sessions', as(other));
    await ok('GET', '/api/dev/clock');
    await ok('POST', '/api/dev/jobs/run');
  });

  let offer: Offer;
  let offerPath: string;
  let registrationId: string;

  it('answers a provider’s and a family’s routes as documented', async () => {
    const draft = offerDraft(clock.now(), { units: [{ label: 'Gruppe', capacity: 2 }] });
    const created = await body<Offer>(send('POST', '/api/provider/offers', draft, provider));
    offerPath = `/api/provider/offers/${created.id}`;
    await ok('GET', offerPath, as(provider));
    offer = await body<Offer>(send('PATCH', offerPath, { status: 'published' }, provider));
    await ok('GET', '/api/provider/offers', as(provider));
    await ok('GET', '/api/offers?limit=5');
    await ok('GET', `/api/offers/${offer.id}`);
    await ok('GET', `/api/calendar.ics?offer=${offer.id}`);
    await ok('GET', '/api/open-data/offers.json');

    await ok('GET', '/api/family/household', as(family));
    await send('PUT', '/api/family/household', { name: 'Alex Muster', phone: '+43 660 1234567', postalCode: '4800' }, family);
    await ok('GET', '/api/family/children', as(family));
    const child = await body<{ id: string }>(send('POST', '/api/family/children', { firstName: 'Mia', birthDate: '2022-05-01' }, family));
    await send('PATCH', `/api/family/children/${child.id}`, { firstName: 'Mia Sophie' }, family);
    await ok('DELETE', `/api/family/children/${child.id}`, as(family));

    const later = await createOffer(t.ctx, {
      registrationOpens: new Date(T0.getTime() + 2 * DAY).toISOString(),
      registrationCloses: new Date(T0.getTime() + 5 * DAY).toISOString(),
    });
    await ok('PUT', `/api/family/opening-notices/${later.id}`, as(family));
    await ok('GET', '/api/family/opening-notices', as(family));
    await ok('DELETE', `/api/family/opening-notices/${later.id}`, as(family));

    const unitId = offer.units[0]?.id ?? '';
    const booked = await body<Registration>(
      ok(
        'POST',
        '/api/registrations',
        json('POST', { offerId: offer.id, unitId, childId: family.childIds[0] }, { ...family.headers, 'Idempotency-Key': randomUUID() }),
      ),
    );
    registrationId = booked.id;
    await ok('GET', '/api/family/registrations', as(family));
    const feed = await body<{ url: string }>(send('POST', '/api/family/calendar-feed', { childNames: false }, family));
    await ok('GET', '/api/family/calendar-feed', as(family));
    await ok('GET', new URL(feed.url).pathname);
    await ok('DELETE', '/api/family/calendar-feed', as(family));

    await ok('GET', `${offerPath}/participants`, as(provider));
    const sessionPath = `${offerPath}/sessions/${offer.sessions[0]?.id}/attendance`;
    await send('PUT', sessionPath, { [registrationId]: 'present' }, provider);
    await ok('GET', sessionPath, as(provider));
    await ok('GET', `${offerPath}/attendance.csv`, as(provider));
    await ok('GET', `${offerPath}/attendance.pdf`, as(provider));

    const range = `from=${T0.toISOString().slice(0, 10)}&to=${new Date(T0.getTime() + 60 * DAY).toISOString().slice(0, 10)}`;
    await ok('GET', `/api/dashboard?${range}`, as(coordinator));
    await ok('GET', `/api/dashboard.csv?${range}`, as(coordinator));
  });

  it('answers the offered-place routes as documented', async () => {
    // One place: a holder, two families in line; each cancellation offers the place to the next.
    const line = await createOffer(t.ctx, { units: [{ id: 'u1', label: 'Gruppe', capacity: 1, confirmed: 0, waiting: 0 }] });
    const [holder, first, second] = await Promise.all([createFamily(t.ctx), createFamily(t.ctx), createFamily(t.ctx)]);
    const ids: string[] = [];
    for (const f of [holder, first, second])
      ids.push((await body<Registration>(book(t.app, f, { offerId: line.id, unitId: 'u1', childId: f.childIds[0] }))).id);
    await ok('DELETE', `/api/registrations/${ids[0]}`, as(holder));
    await ok('POST', `/api/registrations/${ids[1]}/extend`, as(first));
    await ok('POST', `/api/registrations/${ids[1]}/decline`, as(first));
    await ok('POST', `/api/registrations/${ids[2]}/accept`, as(second));
  });

  it('answers the region admin’s routes as documented', async () => {
    await ok('GET', '/api/admin/municipalities', as(admin));
    await send('POST', '/api/admin/municipalities', { id: 'seedorf', name: 'Seedorf', postalCodes: ['4999'] }, admin);
    await send('PUT', '/api/admin/municipalities/seedorf', { name: 'Seedorf am See', postalCodes: ['4999'] }, admin);
    await ok('GET', '/api/admin/providers', as(admin));
    await send('POST', '/api/admin/providers', { id: 'chor-seedorf', name: 'Chor Seedorf', kind: 'association', municipalityId: 'seedorf' }, admin);
    await send('PUT', '/api/admin/providers/chor-seedorf', { name: 'Kinderchor Seedorf', kind: 'association', municipalityId: 'seedorf' }, admin);
    await send('PUT', '/api/admin/roles', { email: `${randomUUID()}@test.example`, roles: [{ role: 'provider', providerId: 'chor-seedorf' }] }, admin);
  });

  it('answers the holiday programme routes as documented, through the draw', async () => {
    const created = await body<Programme>(
      send(
        'POST',
        '/api/admin/programmes',
        {
          title: 'Sommer 2027',
          wishOpens: new Date(T0.getTime() - HOUR).toISOString(),
          wishCloses: new Date(T0.getTime() + 2 * DAY).toISOString(),
          maxWishesPerChild: 3,
          randomnessSource: 'Zusatzzahl / bonus number',
        },
        admin,
      ),
    );
    const id = created.id;
    const start = T0.getTime() + 30 * DAY;
    const riding = await createOffer(t.ctx, {
      bookingMode: 'lottery',
      programmeId: id,
      title: 'Reiten',
      registrationOpens: new Date(T0.getTime() + 2 * DAY).toISOString(),
      registrationCloses: new Date(start - DAY).toISOString(),
      sessions: [{ id: 's1', start: new Date(start).toISOString(), end: new Date(start + 3 * HOUR).toISOString(), place: 'Halle' }],
      units: [{ id: 'u1', label: 'Gruppe', capacity: 2, confirmed: 0, waiting: 0 }],
    });
    await send('PATCH', `/api/admin/programmes/${id}`, { status: 'wishing' }, admin);
    await ok('GET', `/api/programmes/${id}`);
    const wisher = await createFamily(t.ctx, 1, 6);
    await send(
      'PUT',
      `/api/family/programmes/${id}/wishes`,
      { children: [{ childId: wisher.childIds[0], wishes: [{ offerId: riding.id, unitId: 'u1' }] }], together: [] },
      wisher,
    );
    await ok('GET', `/api/family/programmes/${id}/wishes`, as(wisher));

    // The close, the freeze by the sweep, the randomness, the draw by the sweep.
    clock.set(new Date(T0.getTime() + 2 * DAY + 1000));
    await ok('POST', '/api/dev/jobs/run');
    await send('POST', `/api/admin/programmes/${id}/draw`, { randomness: '31415' }, admin);
    await ok('POST', '/api/dev/jobs/run');
    await ok('GET', `/api/family/programmes/${id}/result`, as(wisher));
    await ok('GET', `/api/admin/programmes/${id}/report`, as(admin));
    await ok('GET', `/api/admin/programmes/${id}/replay`, as(admin));
    await ok('GET', `/api/admin/programmes/${id}`, as(admin));
    await ok('GET', '/api/admin/programmes', as(admin));
  });

  it('answers a family’s data rights as documented', async () => {
    await ok('GET', '/api/family/export', as(family));
    await ok('DELETE', '/api/family', as(family));
  });

  it('has had every documented route answer successfully', () => {
    // The clock's POST route is mounted only over the dev clock, which a test's own clock replaces (test/int/dev-clock.test.ts calls it).
    const reachable = API_CONTRACT.filter((r) => routeKey(r) !== 'POST /api/dev/clock').map(routeKey);
    expect(reachable.filter((key) => !succeeded.has(key))).toEqual([]);
  });
});
