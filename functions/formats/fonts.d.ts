/**
 * A font file imported as a module: its bytes where esbuild bundles it (loader '.ttf':
 * 'binary', infra/constructs/bundling.ts), its URL under vitest; tsx cannot import it at all.
 * functions/formats/attendance-pdf.ts handles all three.
 */
declare module '*.ttf' {
  const bytes: Uint8Array | string;
  export default bytes;
}
