import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';

/** The repository root: the esbuild project root and where function entries are resolved from. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Every Lambda entry the app deploys, by the short name its construct and its bundle carry. */
export const lambdaEntries = {
  api: 'functions/api/lambda.ts',
  exports: 'functions/api/exports-lambda.ts',
  stream: 'functions/jobs/stream.ts',
  scheduled: 'functions/jobs/scheduled.ts',
} as const;
export type LambdaName = keyof typeof lambdaEntries;

/**
 * Module replacements for every bundle: the SDK's credential chain by the environment's
 * credentials alone (functions/lambda-credentials.ts says why). Paths relative to the project root.
 */
export const bundleAliases = { '@aws-sdk/credential-provider-node': './functions/lambda-credentials.ts' };

/** Node.js 22 on Lambda; esbuild's target has to match the runtime the functions get. */
const esbuildTarget = 'node22';

/**
 * One set of esbuild options for every function, read by the house construct and by
 * `infra/bundle-sizes.ts`, so the measured bundle is the deployed one.
 */
export const bundling = {
  minify: true,
  sourceMap: true,
  // Stack traces need file and line, not the sources; leaving them out keeps the .map small.
  sourcesContent: false,
  target: esbuildTarget,
  format: OutputFormat.ESM,
  // The SDK clients are bundled: the runtime's copy is whatever version AWS ships that week.
  bundleAwsSDK: true,
  externalModules: [],
  // Prefer ES modules so esbuild can drop what the handler does not use.
  mainFields: ['module', 'main'],
  // Some bundled CommonJS dependencies call require() for Node built-ins; ESM has no require of its own.
  banner: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);",
  // The attendance PDF's fonts (functions/formats/attendance-pdf.ts) are inlined as bytes, so
  // the bundle needs no file beside it.
  loader: { '.ttf': 'binary' as const },
  esbuildArgs: Object.fromEntries(Object.entries(bundleAliases).map(([from, to]) => [`--alias:${from}`, to])),
} satisfies BundlingOptions;
