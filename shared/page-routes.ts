/**
 * The web app's pages, as its router names them (web/src/main.tsx; test/int/site.test.ts keeps
 * the two equal). Whatever serves the app's shell decides by this list: the local server
 * (functions/api/local-server.ts) and, in the cloud, the CloudFront function
 * (infra/constructs/site.ts). A page answers 200, every other page path 404 with the same shell,
 * which then shows the app's not-found page.
 */
export const PAGE_ROUTES = [
  '/',
  '/embed',
  '/offers/:id',
  '/sign-in',
  '/family',
  '/bookings',
  '/provider',
  '/provider/offers/new',
  '/provider/offers/:id/edit',
  '/provider/offers/:id',
  '/dashboard',
  '/embed-info',
  '/programmes/:id',
  '/programmes/:id/leichte-sprache',
  '/programmes/:id/wishes',
  '/programmes/:id/result',
  '/admin/programmes',
  '/admin/programmes/:id',
  '/datenschutz',
  '/barrierefreiheit',
  '/leichte-sprache',
] as const;

/** What the site answers beside its pages, for crawlers; the API serves both (functions/api/site.ts). */
export const CRAWLER_FILES = { robots: '/robots.txt', sitemap: '/sitemap.xml' } as const;

/**
 * The paths the API answers with the app's shell and the offer in its head, for search engines
 * (functions/api/offer-page.ts): a CloudFront path pattern, so in the cloud they go to the API
 * function, as /robots.txt does, instead of the bucket's bare shell.
 */
export const OFFER_PAGE_PATHS = '/offers/*';

/**
 * The API's OpenAPI document and reference page: static files of the web app's build under /api/
 * (web/vite.config.ts), which the local server and CloudFront serve from the build, not the API.
 */
export const API_REFERENCE_FILES = { document: '/api/openapi.json', reference: '/api/reference.html' } as const;

const escapeRegExp = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A `:param` is one non-empty segment; anything else in a route is literal text. */
const routeSource = (route: string) =>
  route
    .split('/')
    .filter(Boolean)
    .map((segment) => `/${segment.startsWith(':') ? '[^/]+' : escapeRegExp(segment)}`)
    .join('');

/**
 * Every page in one expression, matched as @solidjs/router matches: literal segments in any case,
 * one trailing slash allowed (`/family/`), no empty segment (`/family//` is no page). One
 * expression, because the CloudFront function carries it as a literal (`String(PAGE_ROUTE_PATTERN)`).
 */
export const PAGE_ROUTE_PATTERN = new RegExp(`^(?:${PAGE_ROUTES.map(routeSource).join('|')})/?$`, 'i');

/** Is `path` one of the web app's pages? */
export const isPageRoute = (path: string) => PAGE_ROUTE_PATTERN.test(path);
