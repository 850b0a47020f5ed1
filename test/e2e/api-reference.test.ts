import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../shared/openapi.js';
import { API_REFERENCE_FILES } from '../../shared/page-routes.js';
import { baseUrl, expectAccessible, launchBrowser, openPage, viewports } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The built document and page, served by the local server from the build as CloudFront serves them from the bucket. */
describe('the API reference', () => {
  it('serves the OpenAPI document the build made from the contract at /api/openapi.json', async () => {
    // Act
    const res = await fetch(`${baseUrl()}${API_REFERENCE_FILES.document}`);

    // Assess
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });

  it('serves the reference page, with nothing axe finds and no script the CSP would block', async () => {
    // Prepare
    const page = await openPage(browser, viewports[0]);
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) blocked.push(message.text());
    });

    // Act
    const answer = await page.goto(API_REFERENCE_FILES.reference);

    // Assess
    expect(answer?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('API-Referenz');
    await expect(page.getByRole('heading', { name: 'GET /api/offers/{offerId}' }).count()).resolves.toBe(1);
    await expectAccessible(page, 'API reference');
    expect(blocked).toEqual([]);
    await page.context().close();
  });
});
