import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshEmail, launchBrowser, openPage, signIn, viewports } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/**
 * WCAG 2.2 target size (2.5.8, AA): every control a person taps is at least 24 × 24 CSS px,
 * except links inside a sentence (the "inline" exception). Answers the ones that are smaller.
 */
async function undersizedTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const targets = [...document.querySelectorAll<HTMLElement>('a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"]')];
    const inSentence = (el: HTMLElement) =>
      el.tagName === 'A' && el.closest('p') !== null && (el.closest('p')?.textContent ?? '').trim() !== (el.textContent ?? '').trim();
    return targets
      .filter((el) => {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        const visible = box.width > 0 && box.height > 0 && style.visibility !== 'hidden';
        return visible && !inSentence(el) && (box.width < 24 || box.height < 24);
      })
      .map((el) => {
        const box = el.getBoundingClientRect();
        return `${el.tagName.toLowerCase()} "${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`;
      });
  });
}

describe.each(viewports)('target size at $name size', (viewport) => {
  it.each(['/', '/offers/kinderturnen-kirchau', '/sign-in', '/barrierefreiheit', '/leichte-sprache'])(
    '%s has no control smaller than 24 × 24 px',
    async (path) => {
      // Prepare
      const page = await openPage(browser, viewport);

      // Act
      await page.goto(path);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');

      // Assess
      expect(await undersizedTargets(page)).toEqual([]);
      await page.context().close();
    },
  );

  it('the family page, with its child form, has no control smaller than 24 × 24 px', async () => {
    // Prepare
    const page = await openPage(browser, viewport);

    // Act
    await signIn(page, freshEmail(`targets-${viewport.name}`));
    await page.waitForURL(/\/family$/);
    await page.locator('form.child-form').waitFor();

    // Assess
    expect(await undersizedTargets(page)).toEqual([]);
    await page.context().close();
  });
});
