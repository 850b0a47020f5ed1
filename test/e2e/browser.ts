import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { LocalServer } from '../../functions/api/local-server.js';

/** Every journey runs at both sizes: a desktop and the phone of a parent at the playground. */
export const viewports = [
  { name: 'desktop', size: { width: 1280, height: 900 } },
  { name: 'phone', size: { width: 390, height: 844 } },
] as const;
export type Viewport = (typeof viewports)[number];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCREENSHOTS = 'test-results/screenshots';

export const baseUrl = () => inject('serverUrl');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A fresh browser context (no cookies, German) at the viewport's size. */
export async function openPage(browser: Browser, viewport: Viewport): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl(), viewport: viewport.size, locale: 'de-AT', timezoneId: 'Europe/Vienna' });
  const page = await context.newPage();
  page.setDefaultTimeout(PATIENCE_MS);
  return page;
}

/**
 * How long a step may wait for the page: sized for the slowest machine CI may run on (two busy
 * cores, 4× slower than a developer's), as a guard against a hang, never a measure of speed.
 */
const PATIENCE_MS = 120_000;

/** `expect.poll` with the patience of a page that loads data over the network. */
export const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: PATIENCE_MS, interval: 100 });

/** A new address per test, so every test makes its own family. */
export const freshEmail = (tag: string) => `e2e-${tag}-${randomUUID().slice(0, 8)}@example.test`;

type AxeResult = { violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[]; failureSummary?: string }> }> };

/** axe-core's WCAG 2.1 A/AA rules on a page or one of its frames, as it is. */
export async function axeViolations(page: Page | Frame): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(
    () =>
      (window as unknown as { axe: { run(o: unknown): Promise<AxeResult> } }).axe.run({
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      }) as Promise<AxeResult>,
  );
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}`));
}

/**
 * axe-core's WCAG 2.1 A/AA rules on the page as it is, in German and in English (switched with
 * the page's own language buttons), then back to German.
 */
export async function expectAccessible(page: Page, what: string) {
  const switcher = page.locator('.lang-switch');
  const languages = (await switcher.count()) > 0 ? ['de', 'en'] : ['current'];
  for (const lang of languages) {
    if (lang !== 'current') {
      await switcher.locator(`button[lang="${lang}"]`).click();
      await poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
    }
    expect(await axeViolations(page), `axe on ${what} (${lang})`).toEqual([]);
  }
  if (languages.length > 1) await switcher.locator('button[lang="de"]').click();
}

export async function screenshot(page: Page, viewport: Viewport, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-${viewport.name}.png`, fullPage: true });
}

type OutboxMail = { to: string; subject: string; text: string; ics?: string; sentAt: string };
type Ran = { kind: string; subject: string; outcome: string };

/**
 * The dev routes of the local server at `url()` (the shared one, or a file's own, known once it
 * has started): its outbox, its clock, its due work, and signing in through its login codes.
 */
export function devServer(url: () => string) {
  const json = async <T>(response: Response): Promise<T> => {
    if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const post = (path: string, body: unknown) =>
    fetch(`${url()}/api${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const getJson = async <T>(path: string) => json<T>(await fetch(`${url()}/api${path}`));

  /** The e-mails the local outbox holds for `to`, newest first. */
  const outbox = async (to: string) => (await getJson<{ items: OutboxMail[] }>(`/dev/outbox?to=${encodeURIComponent(to)}`)).items;

  /** The newest mail to `to` whose subject starts with `subject`, once it is there. */
  async function mailTo(to: string, subject: string): Promise<OutboxMail> {
    let mail: OutboxMail | undefined;
    await poll(async () => {
      // Newest first; booking e-mails may have come in since the code was sent.
      mail = (await outbox(to)).find((m) => m.subject.startsWith(subject));
      return mail;
    }).toBeDefined();
    return mail as OutboxMail;
  }

  /** The code of the newest login mail to `email`. */
  async function loginCode(email: string) {
    const mail = await mailTo(email, 'Ihr Anmeldecode');
    return /\b(\d{6})\b/.exec(mail.subject)?.[1] as string;
  }

  /** The server's clock. */
  const serverNow = async () => new Date((await getJson<{ now: string }>('/dev/clock')).now);

  /** Moves the server's clock (forward only) and sets the browser contexts' clocks to it. */
  async function moveClockTo(target: Date, contexts: BrowserContext[]) {
    const { now } = await json<{ now: string }>(await post('/dev/clock', { now: target.toISOString() }));
    await Promise.all(contexts.map((c) => c.clock.setFixedTime(new Date(now))));
    return new Date(now);
  }

  /** The due work (sweeps, freezes, draws, e-mails) run now rather than on its schedule. */
  const runJobs = async () => json<{ now: string; ran: Ran[] }>(await post('/dev/jobs/run', {}));

  /** A signed-in API client, for preparing data the way another person would have made it. */
  async function apiAs(email: string) {
    await post('/auth/code', { email });
    const { token } = await json<{ token: string }>(await post('/auth/session', { email, code: await loginCode(email) }));
    return async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> => {
      const response = await fetch(`${url()}/api${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (response.status === 204 ? undefined : await response.json()) as T;
    };
  }

  /**
   * The sign-in form on screen, filled in as a person would: e-mail, the code from the outbox,
   * submit. `atCodeStep` runs once the code field shows.
   */
  async function fillSignIn(page: Page, email: string, atCodeStep?: () => Promise<void>) {
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByRole('button', { name: 'Code senden' }).click();
    const codeField = page.getByLabel('Code aus der E-Mail');
    await codeField.waitFor();
    await atCodeStep?.();
    await codeField.fill(await loginCode(email));
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.getByRole('button', { name: 'Abmelden', exact: true }).waitFor();
  }

  return { json, post, getJson, outbox, mailTo, loginCode, serverNow, moveClockTo, runJobs, apiAs, fillSignIn };
}
export type DevApi = Awaited<ReturnType<ReturnType<typeof devServer>['apiAs']>>;

/**
 * For a file that moves the dev clock, which only goes forward: its own local server (in-memory
 * DynamoDB Local, demo region) and browser for the file's tests, that server's dev routes, and
 * browser contexts whose clock is set to the server's, so the page and the API agree on "now".
 */
export function ownServer() {
  let browser: Browser | undefined;
  let server: LocalServer | undefined;
  beforeAll(async () => {
    // Loaded here, not at the top: the files on the shared server need none of it.
    const { startLocalServer } = await import('../../functions/api/local-server.js');
    [browser, server] = await Promise.all([launchBrowser(), startLocalServer({ ...process.env, PORT: '0' }, { inMemory: true })]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const url = () => (server as LocalServer).url;

  /** A browser context of this server at the viewport's size, its clock `now`. */
  async function openContext(viewport: Viewport, now: Date, options: { hasTouch?: boolean } = {}) {
    const context = await (browser as Browser).newContext({
      baseURL: url(),
      viewport: viewport.size,
      ...options,
      locale: 'de-AT',
      timezoneId: 'Europe/Vienna',
    });
    await context.clock.setFixedTime(now);
    const page = await context.newPage();
    page.setDefaultTimeout(PATIENCE_MS);
    return { context, page };
  }

  return { ...devServer(url), url, openContext };
}

/** Signs in on the shared server through the page, as a person would: e-mail, code from the outbox, submit. */
export async function signIn(page: Page, email: string, viewport?: Viewport) {
  await page.goto('/sign-in');
  if (viewport) await expectAccessible(page, 'sign-in e-mail step');
  await devServer(baseUrl).fillSignIn(
    page,
    email,
    viewport &&
      (async () => {
        await expectAccessible(page, 'sign-in code step');
        await screenshot(page, viewport, 'sign-in');
      }),
  );
}

/** A signed-in API client of the shared server. */
export const apiAs = (email: string) => devServer(baseUrl).apiAs(email);

type Cookies = Awaited<ReturnType<BrowserContext['cookies']>>;

/**
 * Fresh pages of one signed-in person at any viewport: the session cookie comes from signing in
 * through the page once (inside the first test that asks, where `poll` may run), because login
 * codes are rate-limited per address. `landing` is where the sign-in leads this person.
 */
export function signedInPages(browser: () => Browser, email: string, landing?: RegExp) {
  let session: Promise<Cookies> | undefined;
  const cookies = () =>
    (session ??= (async () => {
      const page = await openPage(browser(), viewports[0]);
      await signIn(page, email);
      if (landing) await page.waitForURL(landing);
      const signedIn = await page.context().cookies();
      await page.context().close();
      return signedIn;
    })());
  return async (viewport: Viewport) => {
    const signedIn = await cookies();
    const page = await openPage(browser(), viewport);
    await page.context().addCookies(signedIn);
    return page;
  };
}

/** A fresh family with children of the given ages who are booked into one unit of an offer. */
export async function familyBooks(offerId: string, ages: number[], postalCode = '4801') {
  const call = await apiAs(freshEmail('booker'));
  await call('PUT', '/family/household', { name: 'Test Familie', phone: '+43 660 0000000', postalCode });
  const year = new Date().getFullYear();
  const children = await Promise.all(
    ages.map((age, i) => call<{ id: string }>('POST', '/family/children', { firstName: `Kind${i + 1}`, birthDate: `${year - age - 1}-12-31` })),
  );
  const offer = await call<{ units: Array<{ id: string }> }>('GET', `/offers/${offerId}`);
  const unitId = offer.units[0]?.id as string;
  return call('POST', '/registrations', { offerId, items: children.map((c) => ({ unitId, childId: c.id })) }, { 'Idempotency-Key': randomUUID() });
}

/** Adds a child on the family page as a parent does, and waits until the list shows it. */
export async function addChild(page: Page, firstName: string, birthDate: string) {
  const form = page.locator('form.child-form').last();
  await form.getByLabel('Vorname').fill(firstName);
  await form.getByLabel('Geburtsdatum').fill(birthDate);
  await form.getByRole('button', { name: 'Kind hinzufügen' }).click();
  await page.locator('.child-list li', { hasText: firstName }).waitFor();
}
