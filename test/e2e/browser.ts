import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

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

async function axeViolations(page: Page): Promise<string[]> {
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

/** The newest login code the local outbox holds for `email`. */
async function loginCode(email: string): Promise<string> {
  let code: string | undefined;
  await poll(async () => {
    const answer = (await (await fetch(`${baseUrl()}/api/dev/outbox?to=${encodeURIComponent(email)}`)).json()) as {
      items: Array<{ subject: string; text: string }>;
    };
    // Newest first; booking e-mails may have come in since the code was sent.
    code = answer.items.find((m) => m.subject.startsWith('Ihr Anmeldecode'))?.text.match(/\b(\d{6})\b/)?.[1];
    return code;
  }).toBeDefined();
  return code as string;
}

/** Signs in through the page, as a person would: e-mail, code from the outbox, submit. */
export async function signIn(page: Page, email: string, viewport?: Viewport) {
  await page.goto('/sign-in');
  if (viewport) await expectAccessible(page, 'sign-in e-mail step');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByRole('button', { name: 'Code senden' }).click();
  const codeField = page.getByLabel('Code aus der E-Mail');
  await codeField.waitFor();
  if (viewport) {
    await expectAccessible(page, 'sign-in code step');
    await screenshot(page, viewport, 'sign-in');
  }
  await codeField.fill(await loginCode(email));
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.getByRole('button', { name: 'Abmelden' }).waitFor();
}

/** A signed-in API client for preparing data the way another person would have made it. */
export async function apiAs(email: string) {
  await fetch(`${baseUrl()}/api/auth/code`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email }) });
  const session = await fetch(`${baseUrl()}/api/auth/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, code: await loginCode(email) }),
  });
  const { token } = (await session.json()) as { token: string };
  return async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> => {
    const response = await fetch(`${baseUrl()}/api${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
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
