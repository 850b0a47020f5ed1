import { build as esbuild } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';
import { openApiDocument } from '../shared/openapi.js';
import { referencePage } from '../shared/openapi-reference.js';
import { API_REFERENCE_FILES } from '../shared/page-routes.js';

/**
 * The API's OpenAPI document and its reference page, built from the route contract as static
 * files: the local server and CloudFront serve them from the build, so the API Lambda carries
 * no OpenAPI code (shared/openapi.ts, infra/constructs/site.ts).
 */
const openApi = (): Plugin => ({
  name: 'regiokurs-openapi',
  apply: 'build',
  generateBundle() {
    const doc = openApiDocument();
    this.emitFile({ type: 'asset', fileName: API_REFERENCE_FILES.document.slice(1), source: JSON.stringify(doc) });
    this.emitFile({ type: 'asset', fileName: API_REFERENCE_FILES.reference.slice(1), source: referencePage(doc) });
  },
});

/**
 * embed.js for municipalities' websites: one classic script (an IIFE, so another origin loads it
 * with `<script src>` and no CORS) under a stable name, which the server sends with no-cache.
 */
const embedScript = (): Plugin => ({
  name: 'regiokurs-embed-script',
  apply: 'build',
  async generateBundle() {
    const { outputFiles } = await esbuild({
      entryPoints: ['web/src/embed/loader.ts'],
      bundle: true,
      format: 'iife',
      minify: true,
      target: 'es2022',
      write: false,
    });
    this.emitFile({ type: 'asset', fileName: 'embed.js', source: outputFiles[0]?.text ?? '' });
  },
});

export default defineConfig({
  root: 'web',
  plugins: [solid(), openApi(), embedScript()],
  // The manifest lets test/e2e/bundle-size.ts name the calendar page's initial chunks.
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', manifest: true },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
