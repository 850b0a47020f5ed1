import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { session } from './access.js';
import type { AppContext, Env } from './context.js';
import { handleError } from './errors.js';
import { originLock } from './origin-lock.js';
import { problem } from './problem.js';
import { publicRead } from './public-read.js';
import { offerPageRoutes } from './offer-page.js';
import { siteRoutes } from './site.js';
import { adminRoutes } from './routes/admin.js';
import { authRoutes } from './routes/auth.js';
import { feedbackRoutes } from './routes/feedback.js';
import { catalogRoutes } from './routes/catalog.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { familyRoutes } from './routes/family.js';
import { familyFeedRoutes } from './routes/family-feed.js';
import { healthRoutes } from './routes/health.js';
import { openDataRoutes } from './routes/open-data.js';
import { openingNoticeRoutes } from './routes/opening-notices.js';
import { programmeRoutes } from './routes/programmes.js';
import { providerRoutes } from './routes/provider.js';
import { registrationRoutes } from './routes/registrations.js';

/** The web app's page for other websites' iframes. */
const EMBED_PATH = '/embed';
/** The script municipalities' websites load for the self-sizing iframe and <regiokurs-calendar>. */
const EMBED_SCRIPT = '/embed.js';

/** Requests larger than this are refused before parsing; no legitimate body comes close. */
export const MAX_BODY_BYTES = 64 * 1024;

/** A route module: a sub-app over the context, mounted under /api. */
export type RouteModule = (ctx: AppContext) => Hono<Env>;

/**
 * The API: the same object runs on Lambda (lambda.ts) and locally (local.ts). `extra` route
 * modules are the ones some bundles add: the files (routes/exports.ts: exports-lambda.ts, the local server) and
 * the local dev routes (clock, jobs, outbox), which bring the whole sweep with them.
 */
function createApi(ctx: AppContext, extra: RouteModule[] = []) {
  const api = new Hono<Env>()
    .use(
      bodyLimit({
        maxSize: MAX_BODY_BYTES,
        onError: (c) => problem(c, 413, 'too-large', 'Anfrage zu groß / request too large'),
      }),
    )
    // Before the session, so that its renewal cookie is seen and such an answer kept private.
    .use(publicRead)
    .use(session(ctx))
    .route('/', healthRoutes(ctx))
    .route('/', authRoutes(ctx))
    .route('/', catalogRoutes(ctx))
    .route('/', openDataRoutes(ctx))
    .route('/', familyRoutes(ctx))
    .route('/', familyFeedRoutes(ctx))
    .route('/', registrationRoutes(ctx))
    .route('/', openingNoticeRoutes(ctx))
    .route('/', providerRoutes(ctx))
    .route('/', dashboardRoutes(ctx))
    .route('/', adminRoutes(ctx))
    .route('/', programmeRoutes(ctx))
    .route('/', feedbackRoutes(ctx));
  for (const routes of extra) api.route('/', routes(ctx));
  return api;
}

export function createApp(ctx: AppContext, extra: RouteModule[] = []) {
  const app = new Hono<Env>();
  // First: a request that did not come through CloudFront reaches nothing else (no body, no session).
  app.use(originLock(ctx.config.ORIGIN_VERIFY_SECRET));
  app.use(requestId());
  // The embeddable calendar is framed by municipalities' websites (in the cloud CloudFront
  // names them in frame-ancestors); no other page may be framed.
  const embeddable = secureHeaders({ xFrameOptions: false, contentSecurityPolicy: { frameAncestors: ['*'] } });
  const unframed = secureHeaders();
  // embed.js is loaded by those websites' <script src>, which Cross-Origin-Resource-Policy: same-origin would block.
  const embedScript = secureHeaders({ crossOriginResourcePolicy: 'cross-origin' });
  app.use('*', (c, next) => (c.req.path === EMBED_PATH ? embeddable : c.req.path === EMBED_SCRIPT ? embedScript : unframed)(c, next));
  app.route('/api', createApi(ctx, extra));
  // Crawlers' files: CloudFront sends /robots.txt and /sitemap.xml to this function as it does /api/*.
  app.route('/', siteRoutes(ctx));
  // The offer's page with its head filled in for search engines (offer-page.ts).
  app.route('/', offerPageRoutes(ctx));
  app.notFound((c) => problem(c, 404, 'not-found', 'Nicht gefunden / not found', c.req.path));
  app.onError(handleError);
  return app;
}
