import { describe, expect, it } from 'vitest';
import { LOGIN_CODE_MAX_ATTEMPTS, LOGIN_CODE_REQUESTS_PER_WINDOW } from '../../functions/domain/auth.js';
import { createTestContext, testClock } from '../support/context.js';
import { json } from '../support/users.js';

const codeIn = (subject: string) => subject.match(/\d{6}/)?.[0] ?? '';

async function setup() {
  const clock = testClock(new Date('2026-03-02T08:00:00Z'));
  const t = await createTestContext({}, clock);
  const requestCode = (email: string) => t.app.request('/api/auth/code', json('POST', { email }));
  const lastCode = (email: string) => codeIn(t.outbox.list(email)[0]?.subject ?? '');
  const signIn = (email: string, code: string) => t.app.request('/api/auth/session', json('POST', { email, code }));
  return { ...t, requestCode, lastCode, signIn };
}

describe('passwordless sign-in', () => {
  it('sends a code, signs in a new address as a family with a household, and sets an HttpOnly cookie', async () => {
    const { app, requestCode, lastCode, signIn } = await setup();
    expect((await requestCode('Neu@Example.AT')).status).toBe(202);
    const code = lastCode('neu@example.at');
    expect(code).toMatch(/^\d{6}$/);

    const res = await signIn('neu@example.at', code);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; user: { email: string; roles: unknown[]; householdId?: string } };
    expect(body.user.email).toBe('neu@example.at');
    expect(body.user.roles).toEqual([{ role: 'family' }]);
    expect(body.user.householdId).toBeTruthy();
    expect(res.headers.get('set-cookie')).toMatch(/rk_session=.+HttpOnly/i);

    const viaBearer = await app.request('/api/me', { headers: { Authorization: `Bearer ${body.token}` } });
    expect(await viaBearer.json()).toMatchObject({
      email: 'neu@example.at',
      household: { id: body.user.householdId, children: [] },
    });
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const viaCookie = await app.request('/api/me', { headers: { Cookie: cookie } });
    expect(viaCookie.status).toBe(200);
  });

  it('signs the same address into the same account every time', async () => {
    const { requestCode, lastCode, signIn } = await setup();
    const ids = [];
    for (let i = 0; i < 2; i++) {
      await requestCode('wieder@example.at');
      const res = await signIn('wieder@example.at', lastCode('wieder@example.at'));
      ids.push(((await res.json()) as { user: { id: string } }).user.id);
    }
    expect(ids[0]).toBe(ids[1]);
  });

  it('answers 202 for any address, so nobody learns which accounts exist', async () => {
    const { requestCode } = await setup();
    expect((await requestCode('familie.berger@example.at')).status).toBe(202);
    expect((await requestCode('niemand@example.at')).status).toBe(202);
  });

  it('refuses a wrong code, an expired code and a used code with 401', async () => {
    const { requestCode, lastCode, signIn, clock } = await setup();
    await requestCode('a@example.at');
    const code = lastCode('a@example.at');
    const wrong = code === '000000' ? '111111' : '000000';
    const res = await signIn('a@example.at', wrong);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 401, errors: [{ path: 'code' }] });

    expect((await signIn('a@example.at', code)).status).toBe(200);
    expect((await signIn('a@example.at', code)).status).toBe(401); // used

    await requestCode('a@example.at');
    const late = lastCode('a@example.at');
    (clock as ReturnType<typeof testClock>).advance(11 * 60 * 1000);
    expect((await signIn('a@example.at', late)).status).toBe(401); // expired
  });

  it('lets a code be used once when two sign-ins race', async () => {
    const { requestCode, lastCode, signIn } = await setup();
    await requestCode('race@example.at');
    const code = lastCode('race@example.at');
    const statuses = (await Promise.all(Array.from({ length: 8 }, () => signIn('race@example.at', code)))).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 401)).toHaveLength(7);
  });

  it(`kills a code after ${LOGIN_CODE_MAX_ATTEMPTS} wrong guesses, even the right one`, async () => {
    const { requestCode, lastCode, signIn } = await setup();
    await requestCode('guess@example.at');
    const code = lastCode('guess@example.at');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < LOGIN_CODE_MAX_ATTEMPTS; i++) await signIn('guess@example.at', wrong);
    expect((await signIn('guess@example.at', code)).status).toBe(401);
  });

  it(`rate limits code requests to ${LOGIN_CODE_REQUESTS_PER_WINDOW} per address and window, with Retry-After`, async () => {
    const { requestCode, clock } = await setup();
    for (let i = 0; i < LOGIN_CODE_REQUESTS_PER_WINDOW; i++) expect((await requestCode('viel@example.at')).status).toBe(202);
    const limited = await requestCode('viel@example.at');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await requestCode('andere@example.at')).status).toBe(202);
    (clock as ReturnType<typeof testClock>).advance(16 * 60 * 1000);
    expect((await requestCode('viel@example.at')).status).toBe(202);
  });

  it('rejects forged and expired session tokens as signed out', async () => {
    const { app, requestCode, lastCode, signIn, clock } = await setup();
    await requestCode('t@example.at');
    const { token } = (await (await signIn('t@example.at', lastCode('t@example.at'))).json()) as { token: string };
    const forged = `${token.slice(0, -3)}abc`;
    expect((await app.request('/api/me', { headers: { Authorization: `Bearer ${forged}` } })).status).toBe(401);
    (clock as ReturnType<typeof testClock>).advance(31 * 24 * 3600 * 1000);
    expect((await app.request('/api/me', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it('logs out by clearing the cookie', async () => {
    const { app, requestCode, lastCode, signIn } = await setup();
    await requestCode('out@example.at');
    const { token } = (await (await signIn('out@example.at', lastCode('out@example.at'))).json()) as { token: string };
    const res = await app.request('/api/auth/session', { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/rk_session=;.*Max-Age=0/i);
  });
});
