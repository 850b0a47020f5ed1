import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../functions/api/app.js';
import { createTestContext } from '../support/context.js';
import { createUser, type TestUser } from '../support/users.js';

/** Bad input gets a 4xx problem naming the field, never a 500 (I7). */
describe('bad input', () => {
  let t: Awaited<ReturnType<typeof createTestContext>>;

  beforeAll(async () => {
    t = await createTestContext();
  });

  /** A request from a signed-in family. */
  const send = (family: TestUser, method: string, path: string, body?: string) =>
    t.app.request(path, { method, headers: { 'Content-Type': 'application/json', ...family.headers }, body });

  it.each([
    ['POST', '/api/auth/code', '{"email":"not-an-address"}', 'email'],
    ['POST', '/api/auth/code', '{}', 'email'],
    ['POST', '/api/auth/session', '{"email":"a@b.at","code":"12ab"}', 'code'],
    ['GET', '/api/offers?age=-1', undefined, 'age'],
    ['GET', '/api/offers?from=2026-02-30', undefined, 'from'],
    ['GET', '/api/offers?limit=1000', undefined, 'limit'],
    ['GET', '/api/offers?available=vielleicht', undefined, 'available'],
    ['GET', '/api/offers/..%2Fetc', undefined, 'offerId'],
    ['GET', '/api/calendar.ics?municipality=a%20b', undefined, 'municipality'],
    ['PUT', '/api/family/household', '{"name":"A","phone":"abc","postalCode":"4801"}', 'phone'],
    ['PATCH', '/api/family/children/abc', '{"birthDate":"gestern"}', 'birthDate'],
  ])('%s %s %s → 400 naming %s', async (method, path, body, field) => {
    // Prepare
    const family = await createUser(t.ctx);

    // Act
    const res = await send(family, method, path, body);

    // Assess
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path)).toContain(field);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    // Prepare
    const family = await createUser(t.ctx);

    // Act
    const res = await send(family, 'POST', '/api/family/children', '{"firstName": ');

    // Assess
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses a body above the size limit with 413', async () => {
    // Prepare
    const family = await createUser(t.ctx);

    // Act
    const res = await send(family, 'POST', '/api/family/children', JSON.stringify({ firstName: 'x'.repeat(MAX_BODY_BYTES) }));

    // Assess
    expect(res.status).toBe(413);
  });

  it('answers unknown routes with a 404 problem', async () => {
    // Prepare
    const family = await createUser(t.ctx);

    // Act
    const res = await send(family, 'GET', '/api/nirgendwo');

    // Assess
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
