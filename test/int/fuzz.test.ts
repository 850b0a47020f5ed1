import { randomUUID } from 'node:crypto';
import * as fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Offer } from '../../shared/schemas/offer.js';
import { book, bornYearsAgo, expectConsistent } from '../support/booking.js';
import { createTestContext } from '../support/context.js';
import { createOffer } from '../support/offers.js';
import { body, createHousehold, offerDraft, seedRegionConfig, type Household } from '../support/provider.js';
import { createUser, type TestUser } from '../support/users.js';

/**
 * The API's own fuzz test (I7): generated and malformed input to every endpoint family, each
 * answer either a success or a 4xx problem+json, never a 5xx, and the table consistent after.
 * `FUZZ_RUNS` inputs per family (default 25 in `npm test`; `FUZZ_RUNS=2000 npx vitest run
 * test/int/fuzz.test.ts` for a long run). A failure prints the shrunk request that caused it.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

type Call = {
  method: string;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  raw?: string;
  as: 'anyone' | 'family' | 'provider' | 'admin' | 'municipality';
};

/** Values a client can put into any JSON field, the nasty ones first. */
const weird: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(5e-324, 1e-131, 1e308, -1, 0, -0, 2 ** 53 + 1, 12.999, '', ' ', '\u0000', '=1+1', '../..', '#', 'a#b', null, true, [], {}),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.double(),
  fc.integer(),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Every path into a JSON value (object keys and array indexes), the value itself first. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (value && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  return here;
}

/** `value` with the part at `path` replaced by `replacement` (undefined: removed). */
function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<string | number, unknown>;
  const next = replaceAt(copy[head as string], rest, replacement);
  if (next === undefined && rest.length === 0) delete copy[head as string];
  else copy[head as string] = next;
  return copy;
}

/** A valid body, or one with a part replaced, removed or duplicated, or something else entirely. */
function variantsOf(valid: unknown): fc.Arbitrary<{ body?: unknown; raw?: string }> {
  const paths = pathsOf(valid).filter((p) => p.length > 0);
  const mutated =
    paths.length === 0
      ? fc.constant(valid)
      : fc.tuple(fc.constantFrom(...paths), fc.oneof(weird, fc.constant(undefined))).map(([path, v]) => replaceAt(valid, path, v));
  const listItems = paths.filter((p) => typeof p.at(-1) === 'number');
  const twice = listItems.map((p) => {
    const list = p.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], valid) as unknown[];
    return replaceAt(valid, p.slice(0, -1), [...list, ...list]);
  });
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant({ body: valid }) },
    { weight: 6, arbitrary: mutated.map((body) => ({ body })) },
    ...(twice.length > 0 ? [{ weight: 2, arbitrary: fc.constantFrom(...twice).map((body) => ({ body })) }] : []),
    { weight: 1, arbitrary: weird.map((body) => ({ body })) },
    { weight: 1, arbitrary: fc.string({ maxLength: 80 }).map((raw) => ({ raw })) },
  );
}

/** A path parameter: a known id, or anything a client could put into the URL. */
const idOr = (known: string) => fc.oneof(fc.constant(known), fc.string({ maxLength: 60 }), fc.constantFrom('..', '%', 'a#b', 'x'.repeat(300)));

/** Query strings of the given names with known-good values, weird ones, or left out. */
function queryOf(good: Record<string, string>): fc.Arbitrary<Record<string, string>> {
  const entries = Object.entries(good).map(([name, value]) =>
    fc.oneof(fc.constant(value), fc.string({ maxLength: 40 }), fc.constant(undefined)).map((v) => [name, v] as const),
  );
  return fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs.filter((p): p is readonly [string, string] => p[1] !== undefined)));
}

describe('fuzz: every endpoint family, generated and malformed input', () => {
  let t: Awaited<ReturnType<typeof createTestContext>>;
  let who: Record<Exclude<Call['as'], 'anyone'>, TestUser>;
  let family: Household;
  let offer: Offer;
  let registrationId: string;
  let programmeId: string;

  beforeAll(async () => {
    t = await createTestContext();
    await seedRegionConfig(t.ctx);
    family = await createHousehold(t.ctx, { name: 'Eva Gruber', phone: '+43 660 111', postalCode: '4801' }, [
      { firstName: 'Lena', birthDate: bornYearsAgo(t.ctx, 5) },
    ]);
    who = {
      family,
      provider: await createUser(t.ctx, [{ role: 'provider', providerId: 'sportunion-lindach' }]),
      admin: await createUser(t.ctx, [{ role: 'admin' }]),
      municipality: await createUser(t.ctx, [{ role: 'municipality', municipalityId: 'lindach' }]),
    };
    offer = await createOffer(t.ctx, { units: [{ id: 'u1', label: 'Gruppe', capacity: 1000, confirmed: 0, waiting: 0 }] });
    const booked = await book(t.app, family, { offerId: offer.id, unitId: 'u1', childId: family.children[0]?.id });
    registrationId = (await body<{ id: string }>(booked)).id;
    const now = t.clock.now().getTime();
    const programme = await t.app.request('/api/admin/programmes', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...who.admin.headers },
      body: JSON.stringify({
        title: 'Sommer',
        wishOpens: new Date(now - 3600_000).toISOString(),
        wishCloses: new Date(now + 86_400_000).toISOString(),
        randomnessSource: 'Lotto',
      }),
    });
    programmeId = (await body<{ id: string }>(programme)).id;
  });

  async function send(call: Call, bodyPart: { body?: unknown; raw?: string }): Promise<Response> {
    const query = new URLSearchParams(call.query ?? {}).toString();
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() };
    if (call.as !== 'anyone') Object.assign(headers, who[call.as].headers);
    const payload = bodyPart.raw ?? (bodyPart.body === undefined ? undefined : JSON.stringify(bodyPart.body));
    return t.app.request(`${call.path}${query ? `?${query}` : ''}`, { method: call.method, headers, body: call.method === 'GET' ? undefined : payload });
  }

  /** What an answer must be: a success, or a 4xx problem+json whose status is the response's. */
  async function expectNoServerError(res: Response, call: Call, input: unknown) {
    const where = `${call.method} ${call.path} as ${call.as} with ${JSON.stringify(input)?.slice(0, 500)}`;
    expect(res.status, where).toBeLessThan(500);
    if (res.status >= 400) {
      expect(res.headers.get('content-type'), where).toContain('application/problem+json');
      expect(((await res.json()) as { status?: number }).status, where).toBe(res.status);
    }
  }

  /** One endpoint family: its calls as generated from a valid one. */
  const families: Record<string, () => fc.Arbitrary<[Call, { body?: unknown; raw?: string }]>> = {
    'sign-in': () =>
      fc.oneof(
        variantsOf({ email: 'neu@example.at' }).map((b) => [{ method: 'POST', path: '/api/auth/code', as: 'anyone' }, b] as [Call, typeof b]),
        variantsOf({ email: 'neu@example.at', code: '123456' }).map(
          (b) => [{ method: 'POST', path: '/api/auth/session', as: 'anyone' }, b] as [Call, typeof b],
        ),
      ),
    catalog: () =>
      fc.oneof(
        queryOf({
          municipality: 'lindach',
          category: 'bewegung',
          age: '5',
          from: '2026-01-01',
          to: '2026-12-31',
          q: 'Kurs',
          available: 'true',
          limit: '10',
          cursor: 'x',
        }).map((query) => [{ method: 'GET', path: '/api/offers', query, as: 'anyone' }, {}] as [Call, object]),
        idOr(offer.id).map((id) => [{ method: 'GET', path: `/api/offers/${encodeURIComponent(id)}`, as: 'anyone' }, {}] as [Call, object]),
        queryOf({ municipality: 'lindach', category: 'bewegung' }).map(
          (query) => [{ method: 'GET', path: '/api/calendar.ics', query, as: 'anyone' }, {}] as [Call, object],
        ),
      ),
    household: () =>
      variantsOf({ name: 'Eva Gruber', phone: '+43 660 111', postalCode: '4801' }).map(
        (b) => [{ method: 'PUT', path: '/api/family/household', as: 'family' }, b] as [Call, typeof b],
      ),
    children: () =>
      fc.oneof(
        variantsOf({ firstName: 'Mia', birthDate: bornYearsAgo(t.ctx, 4), notes: 'keine', notesConsent: true }).map(
          (b) => [{ method: 'POST', path: '/api/family/children', as: 'family' }, b] as [Call, typeof b],
        ),
        fc
          .tuple(idOr(family.children[0]!.id), variantsOf({ firstName: 'Lena', notes: 'Nussallergie', notesConsent: true }))
          .map(([id, b]) => [{ method: 'PATCH', path: `/api/family/children/${encodeURIComponent(id)}`, as: 'family' }, b] as [Call, typeof b]),
        fc
          .string({ maxLength: 40 })
          .map((id) => [{ method: 'DELETE', path: `/api/family/children/${encodeURIComponent(id)}`, as: 'family' }, {}] as [Call, object]),
      ),
    booking: () =>
      variantsOf({ offerId: offer.id, unitId: 'u1', childId: family.children[0]!.id }).map(
        (b) => [{ method: 'POST', path: '/api/registrations', as: 'family' }, b] as [Call, typeof b],
      ),
    'registration actions': () =>
      fc
        .tuple(idOr(`x${registrationId}`), fc.constantFrom('accept', 'decline', 'extend'))
        .map(([id, action]) => [{ method: 'POST', path: `/api/registrations/${encodeURIComponent(id)}/${action}`, as: 'family' }, {}] as [Call, object]),
    'opening notices': () =>
      fc
        .tuple(idOr(offer.id), fc.constantFrom('PUT', 'DELETE'))
        .map(([id, method]) => [{ method, path: `/api/family/opening-notices/${encodeURIComponent(id)}`, as: 'family' }, {}] as [Call, object]),
    'provider offers': () =>
      fc.oneof(
        variantsOf({ ...offerDraft(t.clock.now()), units: [{ id: 'g1', label: 'Gruppe', capacity: 2 }] }).map(
          (b) => [{ method: 'POST', path: '/api/provider/offers', as: 'provider' }, b] as [Call, typeof b],
        ),
        fc
          .tuple(
            idOr(offer.id),
            variantsOf({
              title: 'Neu',
              price: { amount: 12.5, reduced: 5 },
              sessions: offer.sessions,
              units: offer.units.map(({ id, label, capacity }) => ({ id, label, capacity })),
            }),
          )
          .map(([id, b]) => [{ method: 'PATCH', path: `/api/provider/offers/${encodeURIComponent(id)}`, as: 'provider' }, b] as [Call, typeof b]),
      ),
    attendance: () =>
      fc
        .tuple(idOr('s1'), variantsOf({ [registrationId]: 'present' }))
        .map(
          ([session, b]) =>
            [{ method: 'PUT', path: `/api/provider/offers/${offer.id}/sessions/${encodeURIComponent(session)}/attendance`, as: 'provider' }, b] as [
              Call,
              typeof b,
            ],
        ),
    dashboard: () =>
      queryOf({ municipality: 'lindach', from: '2026-01-01', to: '2026-12-31' }).map(
        (query) => [{ method: 'GET', path: '/api/dashboard', query, as: 'municipality' }, {}] as [Call, object],
      ),
    'region admin': () =>
      fc.oneof(
        variantsOf({ id: 'neudorf', name: 'Neudorf', postalCodes: ['4899'] }).map(
          (b) => [{ method: 'POST', path: '/api/admin/municipalities', as: 'admin' }, b] as [Call, typeof b],
        ),
        variantsOf({ id: 'verein-neu', name: 'Verein', kind: 'association', municipalityId: 'lindach' }).map(
          (b) => [{ method: 'POST', path: '/api/admin/providers', as: 'admin' }, b] as [Call, typeof b],
        ),
        variantsOf({ email: 'koord@example.at', roles: [{ role: 'municipality', municipalityId: 'lindach' }] }).map(
          (b) => [{ method: 'PUT', path: '/api/admin/roles', as: 'admin' }, b] as [Call, typeof b],
        ),
      ),
    programmes: () =>
      fc.oneof(
        variantsOf({
          title: 'Herbst',
          wishOpens: '2027-01-01T08:00:00+01:00',
          wishCloses: '2027-01-10T08:00:00+01:00',
          maxWishesPerChild: 3,
          randomnessSource: 'Lotto',
        }).map((b) => [{ method: 'POST', path: '/api/admin/programmes', as: 'admin' }, b] as [Call, typeof b]),
        fc
          .tuple(idOr(programmeId), variantsOf({ title: 'Sommer', maxPlacesPerChild: 2 }))
          .map(([id, b]) => [{ method: 'PATCH', path: `/api/admin/programmes/${encodeURIComponent(id)}`, as: 'admin' }, b] as [Call, typeof b]),
        fc
          .tuple(idOr(programmeId), variantsOf({ randomness: '12 17 23 31 40 44' }))
          .map(([id, b]) => [{ method: 'POST', path: `/api/admin/programmes/${encodeURIComponent(id)}/draw`, as: 'admin' }, b] as [Call, typeof b]),
      ),
    wishes: () =>
      fc
        .tuple(
          idOr(programmeId),
          variantsOf({
            children: [{ childId: family.children[0]!.id, wishes: [{ offerId: offer.id, unitId: 'u1' }] }],
            together: [{ offerId: offer.id, childIds: [family.children[0]!.id], mode: 'prefer' }],
          }),
        )
        .map(([id, b]) => [{ method: 'PUT', path: `/api/family/programmes/${encodeURIComponent(id)}/wishes`, as: 'family' }, b] as [Call, typeof b]),
  };

  it.each(Object.keys(families))('%s: no server error, every refusal a problem+json', async (name) => {
    await fc.assert(
      fc.asyncProperty(families[name]!(), async ([call, input]) => {
        await expectNoServerError(await send(call, input), call, input);
      }),
      { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
  });

  it('leaves every counter consistent with the registrations it counts', async () => {
    await expectConsistent(t.ctx);
  });
});
