import { Hono, type Context } from 'hono';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getPublishedOffer } from '../domain/catalog.js';
import { NotFoundError } from '../domain/errors.js';
import { injectHead, offerPageHead } from '../formats/offer-page-head.js';
import { allow } from './access.js';
import type { AppContext, Env } from './context.js';

/** Where the web app's build lies for the local server (local-server.ts serves the rest of it). */
const SHELL_FILE = join('web/dist', 'index.html');

/** The app's shell, or undefined where no web build exists. */
export type ShellSource = () => Promise<string | undefined>;

/** A build's shell does not change while the process runs: read it once, and a missing build never throws. */
const shellFromDisk = (): ShellSource => {
  let shell: Promise<string | undefined> | undefined;
  return () => (shell ??= readFile(SHELL_FILE, 'utf8').catch(() => undefined));
};

/** Without a web build the crawler still gets the head; a family gets the same notice the local server shows at /. */
const BARE_SHELL =
  '<!doctype html>\n<html lang="de">\n  <head>\n    <meta charset="utf-8">\n  </head>\n  <body><p>Die Web-App ist noch nicht gebaut. / The web app is not built yet.</p></body>\n</html>\n';

const NOINDEX = '<meta name="robots" content="noindex">';

// The shell changes with every build and the offer with every booking: always asked again.
const HTML = { 'Content-Type': 'text/html; charset=UTF-8', 'Cache-Control': 'no-cache' };

/**
 * `GET /offers/{id}`: the web app's shell with the offer's title, description, Open Graph tags
 * and schema.org JSON-LD in its head, so a crawler without JavaScript sees the offer. A
 * cancelled offer stays a page (EventCancelled), so search results say so; an unknown or
 * draft id is the shell with 404 and noindex, which then shows the app's not-found page.
 */
export const offerPageRoutes = (ctx: AppContext, loadShell: ShellSource = shellFromDisk()) => {
  const { ports } = ctx;
  const notFound = (shell: string) =>
    new Response(
      shell.replace(/<\/head>/i, () => `${NOINDEX}</head>`),
      { status: 404, headers: HTML },
    );
  const offerPage = async (c: Context<Env>) => {
    const shell = (await loadShell()) ?? BARE_SHELL;
    const offer = await getPublishedOffer(ports, c.req.param('offerId') ?? '').catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    });
    if (!offer) return notFound(shell);
    const [provider, municipalities, region] = await Promise.all([
      ports.region.getProvider(offer.providerId),
      ports.region.listMunicipalities(),
      ports.region.getRegion(),
    ]);
    const head = offerPageHead({
      offer,
      provider,
      municipality: municipalities.find((m) => m.id === offer.municipalityId),
      regionName: region?.name ?? 'regiokurs',
      timeZone: ports.timeZone,
      publicUrl: ctx.config.PUBLIC_URL,
    });
    return new Response(injectHead(shell, head), { headers: HTML });
  };
  // Every path under /offers/ is answered here, as CloudFront sends them all to this function
  // (OFFER_PAGE_PATHS in shared/page-routes.ts): the page with one trailing slash too, as the router matches it, and
  // anything deeper is no page.
  return new Hono<Env>()
    .get('/offers/:offerId', allow('anyone'), offerPage)
    .get('/offers/:offerId/', allow('anyone'), offerPage)
    .get('/offers/*', allow('anyone'), async () => notFound((await loadShell()) ?? BARE_SHELL));
};
