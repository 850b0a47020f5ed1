import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { parseRegionConfig, type RegionConfig } from '../../../infra/config.js';
import { buildRegion } from '../../../infra/region.js';

/** A region as a contractor would write it in cdk.json (without a custom domain). */
export const testRegionInput = {
  id: 'testtal',
  name: 'Kleinregion Testtal',
  timeZone: 'Europe/Vienna',
  municipalities: [
    { id: 'ahorn', name: 'Ahorn', website: 'https://www.ahorn.example/kalender' },
    { id: 'eschach', name: 'Eschach' },
  ],
  senderEmail: 'noreply@testtal.example',
  alarmEmail: 'it@testtal.example',
};

export const testDomain = {
  name: 'kurse.testtal.example',
  certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f6ab3c2-6b8e-4d52-9a3e-2c1f0e7d4b11',
};

/** Bundling three functions and running cdk-nag takes longer than vitest's default hook timeout. */
export const SYNTH_TIMEOUT_MS = 120_000;

/**
 * Synthesises a whole region once (bundling every function with esbuild, running cdk-nag) and
 * returns each stack's template. Tests share the result; synthesising is the slow part.
 */
export function synthRegion(overrides: Partial<typeof testRegionInput> & { domain?: RegionConfig['domain'] } = {}) {
  const config = parseRegionConfig({ ...testRegionInput, ...overrides });
  const outdir = mkdtempSync(path.join(tmpdir(), 'regiokurs-cdk-'));
  const siteAssetsDir = mkdtempSync(path.join(tmpdir(), 'regiokurs-site-'));
  writeFileSync(path.join(siteAssetsDir, 'index.html'), '<!doctype html><title>regiokurs</title>');
  const app = new App({ outdir });
  const region = buildRegion(app, config, { siteAssetsDir });
  const assembly = app.synth();
  const template = (stack: keyof typeof region) => Template.fromStack(region[stack]);
  return {
    app,
    config,
    assembly,
    siteAssetsDir,
    region,
    templates: {
      data: template('data'),
      mail: template('mail'),
      observability: template('observability'),
      edge: template('edge'),
      jobs: template('jobs'),
      web: template('web'),
    },
  };
}
export type SynthesisedRegion = ReturnType<typeof synthRegion>;
