import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshEmail, launchBrowser, openPage, poll, signIn, viewports } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The error shown at the child form's field labelled `label`. */
const fieldError = (page: Page, label: RegExp) => page.locator('form.child-form .field', { has: page.getByLabel(label) }).locator('.field-error');

describe('validation messages in the browser', () => {
  it('names the field in German, then in English after switching, and shows the server’s message in the page’s language', async () => {
    // Prepare: a new family on its page, in German.
    const page = await openPage(browser, viewports[0]);
    await signIn(page, freshEmail('validation'));
    await page.waitForURL(/\/family$/);
    const form = page.locator('form.child-form').last();

    // Act: a child with an empty first name.
    await form.getByLabel('Geburtsdatum').fill('2019-05-04');
    await form.getByRole('button', { name: 'Kind hinzufügen' }).click();

    // Assess: a German message naming the field, no developer English.
    await poll(() => fieldError(page, /^Vorname/).textContent()).toBe('Bitte geben Sie den Vornamen an.');

    // Act: the page switched to English.
    await page.getByRole('button', { name: 'English' }).click();

    // Assess: the same message in English, at once and after submitting again.
    await poll(() => fieldError(page, /^First name/).textContent()).toBe('Please enter the first name.');
    await form.getByRole('button', { name: 'Add child' }).click();
    await poll(() => fieldError(page, /^First name/).textContent()).toBe('Please enter the first name.');

    // Act: a first name the form accepts, but that reaches the server blank (as from an older page).
    await page.route('**/api/family/children', (route) =>
      route.request().method() === 'POST' ? route.continue({ postData: JSON.stringify({ firstName: ' ', birthDate: '2019-05-04' }) }) : route.continue(),
    );
    await form.getByLabel(/^First name/).fill('Mia');
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/api/family/children') && r.method() === 'POST'),
      form.getByRole('button', { name: 'Add child' }).click(),
    ]);

    // Assess: the page asked in English, and shows the server's English message at the field.
    expect(await request.headerValue('accept-language')).toBe('en');
    await poll(() => fieldError(page, /^First name/).textContent()).toBe('Please enter the first name.');
    await poll(() => page.locator('.child-list li').count()).toBe(0);
  });
});
