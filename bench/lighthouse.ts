import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { round } from './meter.js';

/** The pages a family meets first: the calendar, an offer, signing in, and the calendar framed on a municipality's website. */
const LIGHTHOUSE_PAGES = {
  calendar: '/',
  offer: '/offers/kinderturnen-kirchau',
  'sign-in': '/sign-in',
  embed: '/embed?municipality=lindach',
} as const;
type PageName = keyof typeof LIGHTHOUSE_PAGES;

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/**
 * Lighthouse 12.2.3 sometimes loses the trace of a load on this Chromium (NO_NAVSTART: "please
 * run Lighthouse again"), more often on a busy machine; such a run is repeated, up to this many
 * times. A page that does not load fails every attempt.
 */
const ATTEMPTS = 3;

const loaded = (lhr: Result) => !lhr.runtimeError && CATEGORIES.every((id) => typeof lhr.categories[id]?.score === 'number');

/** A loaded page's scores (0–100) and, beside them, the figures the performance score is made of and the bytes it took. */
const figuresOf = (lhr: Result) => {
  const score = (category: string) => Math.round((lhr.categories[category]?.score ?? NaN) * 100);
  const value = (audit: string) => lhr.audits[audit]?.numericValue ?? NaN;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    fcpMs: round(value('first-contentful-paint'), 0),
    lcpMs: round(value('largest-contentful-paint'), 0),
    tbtMs: round(value('total-blocking-time'), 0),
    cls: round(value('cumulative-layout-shift'), 3),
    transferredKB: round(value('total-byte-weight') / 1024),
  };
};

/**
 * Lighthouse 12.2.3 (the last line for Node 20) in its default setting, a mid-range phone on a
 * slow 4G network as Lighthouse simulates it, over each page (or those `pages` names) `runs`
 * times; the run nearest the median (Lighthouse's own choice by FCP and time to interactive) is
 * reported and its full report kept in `reportDir`, for the audits behind a figure. A page that
 * did not load in `ATTEMPTS` tries (a Lighthouse runtime error, a category without a score) is a
 * broken invariant; a low score is not.
 */
export async function measureLighthouse(url: string, opts: { runs: number; reportDir: string; pages?: PageName[] }) {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags: CHROMIUM_FLAGS });
  const pages: Partial<Record<PageName, ReturnType<typeof figuresOf> & { path: string }>> = {};
  const checks: Record<string, boolean> = {};
  let failedAttempts = 0;
  const started = performance.now();
  const audit = async (pageUrl: string): Promise<Result | undefined> => {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const lhr = (
        await lighthouse(pageUrl, {
          port: chrome.port,
          onlyCategories: CATEGORIES,
          logLevel: 'error',
          output: 'json',
          // Only the HTML report shows it; without it each run takes about 1.5 s less.
          disableFullPageScreenshot: true,
        })
      )?.lhr;
      if (lhr && loaded(lhr)) return lhr;
      failedAttempts++;
    }
  };
  try {
    // Emptied first, so that no report of an earlier run stands beside this one's.
    rmSync(opts.reportDir, { recursive: true, force: true });
    mkdirSync(opts.reportDir, { recursive: true });
    for (const name of opts.pages ?? (Object.keys(LIGHTHOUSE_PAGES) as PageName[])) {
      const path = LIGHTHOUSE_PAGES[name];
      const runs: Result[] = [];
      for (let i = 0; i < opts.runs; i++) {
        const lhr = await audit(`${url}${path}`);
        if (lhr) runs.push(lhr);
      }
      checks[`${path} loaded in every run, every category scored`] = runs.length === opts.runs;
      if (runs.length === 0) continue;
      const median = computeMedianRun(runs);
      writeFileSync(join(opts.reportDir, `${name}.json`), JSON.stringify(median, null, 2));
      pages[name] = { path, ...figuresOf(median) };
    }
  } finally {
    chrome.kill();
  }
  return { runsPerPage: opts.runs, failedAttempts, seconds: round((performance.now() - started) / 1000), pages, checks };
}
