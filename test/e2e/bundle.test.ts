import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, viewports } from './browser';
import { calendarInitialJs } from './bundle-size';

/** Parents open the calendar on a phone on a slow network: its first load has a budget. */
const BUDGET_GZIP_BYTES = 45 * 1024;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('calendar page weight', () => {
  it('loads only the JavaScript the manifest names, within the budget', async () => {
    // Prepare: what the build manifest names, and a phone's page that notes every script it loads.
    const expected = calendarInitialJs();
    const page = await openPage(browser, viewports[1]);
    const loaded: string[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('.js')) loaded.push(new URL(r.url()).pathname.slice(1));
    });

    // Act
    await page.goto('/');
    await page.locator('.offer-card').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.context().close();

    // Assess
    expect(loaded.sort()).toEqual(expected.files.map((f) => f.file).sort());
    expect(loaded.some((f) => f.includes('dashboard'))).toBe(false);
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/bundle-size.json', JSON.stringify(expected, null, 2));
    console.log(
      `calendar page initial JS: ${expected.files.length} files, ${(expected.bytes / 1024).toFixed(1)} KiB, ${(expected.gzipBytes / 1024).toFixed(1)} KiB gzipped`,
    );
    expect(expected.gzipBytes).toBeLessThan(BUDGET_GZIP_BYTES);
  });
});
