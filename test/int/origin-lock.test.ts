import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../support/context.js';

/**
 * The origin lock: in the cloud CloudFront sends a secret header to the API origin, and the API
 * refuses every request without it, so the execute-api address cannot be used around CloudFront
 * (and its WAF). Locally and in the other tests nothing is configured and nothing changes.
 */
const SECRET = 'o'.repeat(64);
const HEADER = 'X-Origin-Verify';

type TestContext = Awaited<ReturnType<typeof createTestContext>>;

async function expectRefused(res: Response) {
  expect(res.status).toBe(403);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ type: expect.stringContaining('/problems/'), title: expect.any(String), status: 403, detail: expect.any(String) });
}

describe('origin lock configured (the cloud)', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ ORIGIN_VERIFY_SECRET: SECRET });
  });

  it('refuses a request without the header with 403 problem+json', async () => {
    await expectRefused(await t.app.request('/api/health'));
  });

  it.each([
    ['a wrong value of the same length', 'x'.repeat(64)],
    ['a prefix of the value', SECRET.slice(0, 32)],
    ['the value with more after it', `${SECRET}x`],
    ['an empty value', ''],
  ])('refuses %s', async (_, value) => {
    await expectRefused(await t.app.request('/api/health', { headers: { [HEADER]: value } }));
  });

  it('refuses a login-code request without the header (before the body is read)', async () => {
    const res = await t.app.request('/api/auth/code', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'lock@example.at' }),
    });
    await expectRefused(res);
  });

  it('answers with the right header', async () => {
    const res = await t.app.request('/api/health', { headers: { [HEADER]: SECRET } });
    expect(res.status).toBe(200);
  });

  it('accepts the header name in any case (HTTP header names are case-insensitive)', async () => {
    const res = await t.app.request('/api/health', { headers: { 'x-origin-verify': SECRET } });
    expect(res.status).toBe(200);
  });
});

describe('origin lock not configured (locally, tests)', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });

  it('needs no header', async () => {
    expect((await t.app.request('/api/health')).status).toBe(200);
  });

  it('ignores a header that happens to be sent', async () => {
    expect((await t.app.request('/api/health', { headers: { [HEADER]: 'anything' } })).status).toBe(200);
  });
});
