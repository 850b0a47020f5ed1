import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/schemas/common.js';
import type { Child } from '../../shared/schemas/household.js';
import { book, createFamily } from '../support/booking.js';
import { createTestContext } from '../support/context.js';
import { createOffer } from '../support/offers.js';
import { createUser, json, type TestUser } from '../support/users.js';

/** Bad input is answered in the words of the catalog, in the request's language, with a stable code (I7). */
describe('validation messages', () => {
  let t: Awaited<ReturnType<typeof createTestContext>>;

  beforeAll(async () => {
    t = await createTestContext();
  });

  const addChild = (user: TestUser, body: unknown, headers: Record<string, string> = {}) =>
    t.app.request('/api/family/children', json('POST', body, { ...user.headers, ...headers }));
  const listChildren = async (user: TestUser) =>
    ((await (await t.app.request('/api/family/children', { headers: user.headers })).json()) as { items: Child[] }).items;
  const badChild = { firstName: '', birthDate: '2019-13-01' };
  /** No developer English from zod, no text in both languages at once. */
  const raw = /too small|too big|expected|invalid iso|pflichtfeld| \/ /i;

  it('answers in German by default, naming the first name and the date of birth, and stores nothing', async () => {
    // Prepare
    const family = await createUser(t.ctx);

    // Act
    const res = await addChild(family, badChild);

    // Assess
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as Problem;
    expect(problem.title).toBe('Ungültige Eingabe');
    expect(problem.errors).toEqual([
      { path: 'firstName', code: 'required', message: 'Bitte geben Sie den Vornamen an.' },
      { path: 'birthDate', code: 'invalid_date', message: 'Bitte prüfen Sie das Geburtsdatum: das ist kein gültiges Datum.' },
    ]);
    expect(problem.detail).toBe('Bitte geben Sie den Vornamen an. Bitte prüfen Sie das Geburtsdatum: das ist kein gültiges Datum.');
    expect(await listChildren(family)).toEqual([]);
  });

  it.each(['en', 'en-GB,en;q=0.9'])('answers in English for Accept-Language %s, with the same codes', async (acceptLanguage) => {
    // Prepare
    const family = await createUser(t.ctx);
    const german = (await (await addChild(family, badChild)).json()) as Problem;

    // Act
    const res = await addChild(family, badChild, { 'Accept-Language': acceptLanguage });

    // Assess
    expect(res.status).toBe(400);
    const problem = (await res.json()) as Problem;
    expect(problem.title).toBe('invalid input');
    expect(problem.errors).toEqual([
      { path: 'firstName', code: 'required', message: 'Please enter the first name.' },
      { path: 'birthDate', code: 'invalid_date', message: 'Please check the date of birth: this is not a valid date.' },
    ]);
    expect(problem.errors?.map((e) => e.code)).toEqual(german.errors?.map((e) => e.code));
    expect(await listChildren(family)).toEqual([]);
  });

  it.each([
    ['de', undefined],
    ['de', 'fr-CH, fr;q=0.9'],
    ['en', 'en'],
  ])('never shows raw zod text or both languages at once (%s for %s)', async (_language, acceptLanguage) => {
    // Prepare
    const family = await createUser(t.ctx);
    const headers: Record<string, string> = acceptLanguage ? { 'Accept-Language': acceptLanguage } : {};
    const requests = [
      addChild(family, { birthDate: 17 }, headers),
      t.app.request('/api/family/household', json('PUT', { name: 'x'.repeat(121), phone: 'abc', postalCode: '12' }, { ...family.headers, ...headers })),
      t.app.request('/api/offers?age=-1&limit=1000&from=morgen&available=vielleicht', { headers }),
      t.app.request('/api/auth/code', json('POST', { email: 'keine-adresse' }, headers)),
    ];

    // Act
    const problems = await Promise.all(requests.map(async (r) => (await (await r).json()) as Problem));

    // Assess
    const errors = problems.flatMap((p) => p.errors ?? []);
    expect(errors.length).toBeGreaterThanOrEqual(10);
    for (const e of errors) {
      expect(e.code).toMatch(/^[a-z_]+$/);
      expect(e.message).not.toMatch(raw);
    }
    for (const p of problems) expect(p.title).not.toMatch(raw);
  });

  it('answers a domain error in the request’s language: its title, and a field’s message with a stable code', async () => {
    // Prepare: a child booked once into an offer.
    const family = await createFamily(t.ctx);
    const offer = await createOffer(t.ctx);
    const booking = { offerId: offer.id, unitId: 'u1', childId: family.childIds[0] };
    expect((await book(t.app, family, booking)).status).toBe(201);
    const again = (acceptLanguage?: string) =>
      t.app.request('/api/registrations', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': randomUUID(),
          ...family.headers,
          ...(acceptLanguage ? { 'Accept-Language': acceptLanguage } : {}),
        },
        body: JSON.stringify(booking),
      });

    // Act: the same child booked again, without a language and in English.
    const [german, english] = await Promise.all([again(), again('en')]);

    // Assess
    expect([german.status, english.status]).toEqual([409, 409]);
    const [de, en] = [(await german.json()) as Problem, (await english.json()) as Problem];
    expect(de.title).toBe('Das Kind ist hier schon angemeldet');
    expect(en.title).toBe('the child is already registered');
    expect(de.errors).toEqual([{ path: 'childId', code: 'already_registered', message: 'Das Kind ist hier schon angemeldet' }]);
    expect(en.errors).toEqual([{ path: 'childId', code: 'already_registered', message: 'the child is already registered' }]);
  });
});
