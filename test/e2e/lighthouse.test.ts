import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl } from './browser';

/**
 * Lighthouse's accessibility audit (12.2.3, the last line for Node 20) on the pages every
 * visitor can reach, in both languages: a score of 100, and the failing audits named otherwise.
 */
let chrome: chromeLauncher.LaunchedChrome;
beforeAll(async () => {
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});
afterAll(() => chrome?.kill());

describe('Lighthouse accessibility', () => {
  const pages = ['/', '/offers/kinderturnen-kirchau', '/datenschutz', '/barrierefreiheit', '/leichte-sprache'];
  it.each(pages.flatMap((path) => [[path, 'de'] as const, [path, 'en'] as const]))('%s (%s) scores 100', async (path, lang) => {
    // Act
    const result = await lighthouse(`${baseUrl()}${path}?lang=${lang}`, {
      port: chrome.port,
      onlyCategories: ['accessibility'],
      logLevel: 'error',
      output: 'json',
    });

    // Assess
    const lhr = result?.lhr;
    const failing = Object.values(lhr?.audits ?? {})
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable')
      .map((a) => a.id);
    expect({ score: lhr?.categories.accessibility?.score, failing }).toEqual({ score: 1, failing: [] });
  });
});
