import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { bundleAliases, bundling, lambdaEntries, projectRoot, type LambdaName } from './constructs/bundling.js';

/**
 * What each Lambda bundle must stay under (minified, AWS SDK inside): the sizes of today plus
 * about ten per cent, so growth is a decision, not an accident. The bundles take credentials
 * from the environment only (`bundleAliases`), which saves about 130 kB each; the DynamoDB
 * client with its core is still about 230 kB, zod about 95 kB (see BENCHMARKS.md for the
 * breakdown and for cold starts, the cost that matters). The files (calendar feeds, CSV and PDF
 * lists, functions/api/routes/exports.ts) live in the exports function only, and e-mails name
 * their dates for the stream function to attach, so the API carries no iCalendar, CSV or PDF
 * library (503 kB); with the two Arimo fonts the PDF embeds for names outside WinAnsi (inlined,
 * about 830 kB) the exports bundle is about 2,280 kB. The stream function composes the bookings'
 * confirmations with their .ics (500 kB); the scheduled function runs the sweep through the same
 * domain and SDK as the API (469 kB).
 */
export const BUNDLE_BUDGETS_KB: Record<LambdaName, number> = { api: 550, stream: 550, scheduled: 520, exports: 2500 };

export type BundleSize = { name: LambdaName; entry: string; bytes: number; file: string };

/**
 * Bundles every Lambda entry with the esbuild options the stacks use (`bundling`) and returns
 * the size of each minified JavaScript file (source maps not counted), for `npm run bench`.
 * With `outDir` the bundles are also written there, `<outDir>/<name>/index.mjs`, so the
 * benchmark can time their cold start.
 */
export async function measureBundleSizes(outDir?: string): Promise<BundleSize[]> {
  const names = Object.keys(lambdaEntries) as LambdaName[];
  return Promise.all(
    names.map(async (name) => {
      const entry = lambdaEntries[name];
      const result = await build({
        entryPoints: [path.join(projectRoot, entry)],
        absWorkingDir: projectRoot,
        outfile: path.join(outDir ?? path.join(projectRoot, 'cdk.out/bundle-sizes'), name, 'index.mjs'),
        write: false,
        bundle: true,
        platform: 'node',
        target: bundling.target,
        format: bundling.format,
        minify: bundling.minify,
        sourcemap: bundling.sourceMap,
        sourcesContent: bundling.sourcesContent,
        external: bundling.externalModules,
        mainFields: bundling.mainFields,
        banner: { js: bundling.banner },
        loader: bundling.loader,
        alias: bundleAliases,
        logLevel: 'error',
      });
      const js = result.outputFiles.find((f) => f.path.endsWith('.mjs'));
      if (!js) throw new Error(`esbuild wrote no JavaScript for ${entry}`);
      if (outDir) {
        await mkdir(path.dirname(js.path), { recursive: true });
        await writeFile(js.path, js.contents);
      }
      return { name, entry, bytes: js.contents.byteLength, file: js.path };
    }),
  );
}
