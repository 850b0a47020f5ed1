import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { CONTEXT_KEY, parseRegionConfig, RegionConfigError } from '../config.js';
import { projectRoot } from '../constructs/bundling.js';
import { buildRegion } from '../region.js';

// `npm run synth` runs this file without the CDK CLI, which would otherwise pass cdk.json's context.
const cdkJson = JSON.parse(readFileSync(path.join(projectRoot, 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> };
const app = new App({ outdir: process.env.CDK_OUTDIR ?? path.join(projectRoot, 'cdk.out'), context: cdkJson.context });

const siteAssetsDir = path.join(projectRoot, 'web/dist');
const siteBuilt = existsSync(path.join(siteAssetsDir, 'index.html'));
if (!siteBuilt) {
  console.warn('web/dist is missing: the site bucket will stay empty. Run `npm run build:web` before deploying.');
}

try {
  buildRegion(app, parseRegionConfig(app.node.tryGetContext(CONTEXT_KEY)), {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    siteAssetsDir: siteBuilt ? siteAssetsDir : undefined,
  });
} catch (error) {
  if (!(error instanceof RegionConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
app.synth();
