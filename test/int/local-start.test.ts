import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { purposeKeys } from '../../functions/purpose-keys.js';

/** Java processes started with `dataDir` still running. */
const dynamoProcessesFor = (dataDir: string) => {
  try {
    return execFileSync('pgrep', ['-f', `DynamoDBLocal.jar.*${dataDir}`], { encoding: 'utf8' }).trim();
  } catch {
    return ''; // pgrep exits 1 when nothing matches
  }
};

function run(command: string, args: string[], env: Record<string, string>) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  const url = new Promise<string>((res, rej) => {
    child.stdout.on('data', () => {
      const match = output.match(/https?:\/\/localhost:\d+/);
      if (match) res(match[0]);
    });
    void exited.then(() => rej(new Error(`exited before printing a URL:\n${output}`)));
  });
  url.catch(() => undefined); // tests that expect an early exit never await the URL
  return { child, exited, url, output: () => output };
}

/** Java leaving after its guard's stdin closed: looked for every 250 ms, at most 480 times (2 minutes on a slow machine). */
const STOPPED = { interval: 250, timeout: 480 * 250 };

const busyPort = (): Promise<{ port: number; close(): void }> =>
  new Promise((res) => {
    const server = createServer().listen(0, () => res({ port: (server.address() as { port: number }).port, close: () => server.close() }));
  });

describe('npm start', () => {
  describe('serves, on one port', () => {
    let server: ReturnType<typeof run>;
    let url: string;
    const dataDir = mkdtempSync(join(tmpdir(), 'rk-start-'));

    beforeAll(async () => {
      server = run('npm', ['start', '--silent'], { PORT: '0', DATA_DIR: dataDir });
      url = await server.url;
    });
    afterAll(async () => {
      server?.child.kill('SIGTERM');
      await server?.exited;
    });

    it('the API', async () => {
      // Act
      const health = await fetch(`${url}/api/health`);

      // Assess
      expect(await health.json()).toEqual({ status: 'ok' });
    });

    it('to this machine only: its address on the network answers nothing', async () => {
      // Prepare
      const port = new URL(url).port;
      const [lan] = Object.values(networkInterfaces())
        .flat()
        .filter((i) => i && !i.internal && i.family === 'IPv4');

      // Act
      const fromTheNetwork = fetch(`http://${lan?.address}:${port}/api/health`);

      // Assess
      expect(lan).toBeDefined();
      await expect(fromTheNetwork).rejects.toThrow();
    });

    it('sessions signed with a secret of its own data folder, not one known from the documentation', async () => {
      // Prepare: the demo admin signs in with the outbox's code; the same session forged under
      // the fixed development secret earlier versions used.
      const email = 'region@regiokurs.example';
      const post = (path: string, body: unknown) =>
        fetch(`${url}/api${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      await post('/auth/code', { email });
      const { items } = (await (await fetch(`${url}/api/dev/outbox?to=${encodeURIComponent(email)}`)).json()) as { items: { subject: string }[] };
      const mail = items[0];
      const { token } = (await (await post('/auth/session', { email, code: mail?.subject.match(/\d{6}/)?.[0] })).json()) as { token: string };
      const claims = decodeJwt(token);
      const forged = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(String(claims.sub))
        .setJti(String(claims.jti))
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(purposeKeys('local-development-secret-not-for-the-cloud').sessionTokens);
      const asAdmin = (t: string) => fetch(`${url}/api/admin/programmes`, { headers: { Authorization: `Bearer ${t}` } });

      // Act
      const [real, fake] = [await asAdmin(token), await asAdmin(forged)];

      // Assess
      expect([real.status, fake.status]).toEqual([200, 401]);
      const secretFile = join(dataDir, 'session-secret');
      expect(readFileSync(secretFile, 'utf8')).toMatch(/^[0-9a-f]{64}$/);
      expect(statSync(secretFile).mode & 0o077).toBe(0);
    });

    it('the seeded demo offers', async () => {
      // Act
      const res = await fetch(`${url}/api/offers`);

      // Assess
      const offers = (await res.json()) as { items: unknown[] };
      expect(offers.items.length).toBeGreaterThan(0);
    });

    it('the web app, which only its own origin may frame', async () => {
      // Act
      const page = await fetch(`${url}/`);

      // Assess
      expect(await page.text()).toContain('<div id="root">');
      expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    });

    it('the embeddable calendar, which any site may frame', async () => {
      // Act
      const embed = await fetch(`${url}/embed?municipality=lindach`);

      // Assess
      expect(embed.status).toBe(200);
      expect(embed.headers.get('x-frame-options')).toBeNull();
      expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    });
  });

  it('stops on SIGTERM with no DynamoDB Local left behind', async () => {
    // Prepare: `--ignore-scripts` skips only the prestart web build, which the tests above ran and the API does not need.
    const dataDir = mkdtempSync(join(tmpdir(), 'rk-start-'));
    const server = run('npm', ['start', '--silent', '--ignore-scripts'], { PORT: '0', DATA_DIR: dataDir });
    onTestFinished(async () => {
      server.child.kill('SIGTERM');
      await server.exited;
    });
    await server.url;
    expect(dynamoProcessesFor(dataDir), 'DynamoDB Local runs before SIGTERM').not.toBe('');

    // Act
    server.child.kill('SIGTERM');
    await server.exited;

    // Assess
    await expect.poll(() => dynamoProcessesFor(dataDir), STOPPED).toBe('');
  });

  it('says clearly that the port is busy and exits non-zero', async () => {
    // Prepare
    const blocker = await busyPort();
    onTestFinished(() => blocker.close());
    const dataDir = mkdtempSync(join(tmpdir(), 'rk-busy-'));

    // Act
    const server = run(process.execPath, ['--import', 'tsx', 'functions/api/local.ts'], { PORT: String(blocker.port), DATA_DIR: dataDir });
    const code = await server.exited;

    // Assess
    expect(code).toBe(1);
    expect(server.output()).toContain(`Port ${blocker.port} is already in use`);
    expect(server.output()).not.toMatch(/\n\s+at /); // no stack trace
    await expect.poll(() => dynamoProcessesFor(dataDir), STOPPED).toBe('');
  });

  it('refuses the cloud mode with one clear message', async () => {
    // Act
    const server = run(process.execPath, ['--import', 'tsx', 'functions/api/local.ts'], {
      APP_MODE: 'cloud',
      TABLE_NAME: 'regiokurs',
      TIME_ZONE: 'Europe/Vienna',
      PORT: '0',
    });
    const code = await server.exited;

    // Assess
    expect(code).toBe(1);
    expect(server.output()).toContain('npm start runs regiokurs locally only');
    expect(server.output()).not.toMatch(/\n\s+at /);
  });

  it('says clearly that Java is missing and exits non-zero', async () => {
    // Prepare: a PATH with node and nothing else.
    const onlyNode = mkdtempSync(join(tmpdir(), 'rk-path-'));
    symlinkSync(process.execPath, join(onlyNode, 'node'));

    // Act
    const server = run(process.execPath, ['--import', 'tsx', 'functions/api/local.ts'], { PATH: onlyNode, PORT: '0' });
    const code = await server.exited;

    // Assess
    expect(code).toBe(1);
    expect(server.output()).toContain('Java 17 or newer is needed');
  });
});
