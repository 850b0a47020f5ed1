import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import { except } from 'hono/combine';
import { compress } from 'hono/compress';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { ensureTable } from '../db/bootstrap.js';
import { startLocalDynamo, type LocalDynamo } from '../db/local-dynamo.js';
import { seedDemoRegion } from '../demo/seed.js';
import { sweepTimedWork } from '../domain/jobs.js';
import { buildLocalRuntime } from '../local-runtime.js';
import { createApp, type RouteModule } from './app.js';
import { exportRoutes } from './routes/exports.js';
import { devRoutes } from './routes/dev.js';
import { isPageRoute } from '../../shared/page-routes.js';
import type { AppContext } from './context.js';

export const WEB_DIST = 'web/dist';

export type LocalServer = { url: string; ctx: AppContext; dynamo: LocalDynamo; stop(): Promise<void> };

/** Locally one server answers everything the cloud splits over the API and exports Lambdas. */
/** The app as `npm start` serves it: with the files (calendar feeds, CSV and PDF lists), and in local mode the dev routes (clock, jobs, outbox). */
export const createLocalApp = (ctx: AppContext, extra: RouteModule[] = []) => createApp(ctx, [exportRoutes, ...(ctx.outbox ? [devRoutes] : []), ...extra]);

export class PortBusyError extends Error {
  override name = 'PortBusyError';
}

/** How often `npm start` sweeps due work; the cloud's schedule runs once a minute. */
const SWEEP_EVERY_MS = 15_000;

/**
 * The whole platform on one port: DynamoDB Local, the table from the shared definition, the
 * demo region, the API under /api and the web app's build everywhere else, and a timer that
 * sweeps due work exactly as the cloud's schedule does. The port is opened first, so that
 * e-mail links name the address it really listens on unless PUBLIC_URL says otherwise.
 */
export async function startLocalServer(
  env: Record<string, string | undefined> = process.env,
  /** `routes`: more route modules under /api, as the benchmark's bare endpoint. */
  options: { inMemory?: boolean; seed?: boolean; routes?: RouteModule[] } = {},
): Promise<LocalServer> {
  // Checked before the configuration, whose cloud requirements would otherwise be the message.
  if (env.APP_MODE === 'cloud') {
    throw new ConfigError(
      'npm start startet regiokurs nur lokal; APP_MODE=cloud gilt für die Lambda-Funktionen (Deployment mit CDK). / npm start runs regiokurs locally only; APP_MODE=cloud is for the Lambda functions (deploy with CDK). Unset APP_MODE.',
    );
  }
  const base = loadConfig(env);
  const dynamo = await startLocalDynamo(options.inMemory ? {} : { dataDir: join(base.DATA_DIR, 'dynamodb') });
  let app: ReturnType<typeof createApp> | undefined;
  let server: ServerType | undefined;
  let sweeper: { stop(): Promise<void> } | undefined;
  const stop = async () => {
    await sweeper?.stop();
    if (server) await new Promise<void>((res) => server?.close(() => res()));
    await dynamo.stop();
  };
  try {
    server = await listen((request) => app?.fetch(request) ?? new Response('starting / startet', { status: 503 }), base.PORT, base.HOST);
    const url = `http://localhost:${(server.address() as { port: number }).port}`;
    const config: Config = {
      ...base,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      APP_MODE: 'local',
      PUBLIC_URL: env.PUBLIC_URL ?? url,
      SESSION_SECRET: env.SESSION_SECRET ?? (options.inMemory ? base.SESSION_SECRET : secretOfDataFolder(base.DATA_DIR)),
    };
    const ctx = buildLocalRuntime(config);
    await ensureTable(ctx.table);
    if (options.seed !== false) await seedDemoRegion(ctx.ports);
    app = withWeb(createLocalApp(ctx, options.routes));
    sweeper = sweepOnATimer(ctx);
    return { url, ctx, dynamo, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The data folder's own random secret, made on its first start: sessions survive a restart, and
 * no secret known from the documentation signs tokens for this instance.
 */
function secretOfDataFolder(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  // 'wx': of two servers starting on one fresh folder, the second reads the first's secret.
  try {
    writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch {
    return readFileSync(file, 'utf8').trim();
  }
}

/** Sweeps now (work that fell due while the server was down) and then every SWEEP_EVERY_MS, one sweep at a time. */
function sweepOnATimer(ctx: AppContext): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const sweep = () => {
    running ??= sweepTimedWork(ctx.ports, {
      retention: (event, fields) => console.info(`regiokurs: ${event}`, fields),
      sweep: (event, fields) => console.error(`regiokurs: ${event}`, fields),
    })
      .then(() => undefined)
      .catch((error: unknown) => console.error('regiokurs: sweep failed', error))
      .finally(() => (running = undefined));
  };
  sweep();
  const timer = setInterval(sweep, SWEEP_EVERY_MS);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** Vite names every file under /assets/ by a hash of its content: a new build brings new names. */
const HASHED_ASSETS = '/assets/';

/**
 * How long a browser may keep what the web app's paths answer: a hashed file for a year without
 * asking again; the shell and the unhashed files (favicon.svg) are asked for again every time,
 * so a new build shows at the next load. A missing asset is no hashed file either, so its 404 is
 * never kept.
 */
export const WEB_CACHE_CONTROL = { hashed: 'public, max-age=31536000, immutable', unhashed: 'no-cache' } as const;

const cacheByName: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Cache-Control', c.res.ok && c.req.path.startsWith(HASHED_ASSETS) ? WEB_CACHE_CONTROL.hashed : WEB_CACHE_CONTROL.unhashed);
};

function withWeb(app: ReturnType<typeof createApp>) {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    app.get('/', (c) =>
      c.html(
        '<!doctype html><html lang="de"><title>regiokurs</title><p>Die Web-App ist noch nicht gebaut: <code>npm run build:web</code>. / The web app is not built yet.</p><p><a href="/api/offers">/api/offers</a></p></html>',
      ),
    );
    return app;
  }
  // The web app's files and shell as CloudFront sends them: compressed from 1 kB on where the
  // browser accepts it, and cached by name. Gzip only (CloudFront prefers brotli, about 11 % smaller
  // for our scripts; hono/compress has none on Node 20). Not the API, nor robots.txt and
  // sitemap.xml (createApp mounts them): CloudFront passes those through uncached, and so uncompressed.
  app.use('/*', except('/api/*', compress(), cacheByName));
  app.use('/*', serveStatic({ root: WEB_DIST }));
  // The single-page app routes on the client: every other non-API path gets its shell, with
  // 404 where the path is none of its pages (the shell then shows its not-found page).
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api')) return next();
    const shell = await serveStatic({ root: WEB_DIST, path: 'index.html' })(c, next);
    return shell && !isPageRoute(c.req.path) ? new Response(shell.body, { status: 404, headers: shell.headers }) : shell;
  });
  return app;
}

function listen(fetch: (request: Request) => Response | Promise<Response>, port: number, hostname: string): Promise<ServerType> {
  return new Promise((res, rej) => {
    const server = serve({ fetch, port, hostname });
    server.once('listening', () => res(server));
    server.once('error', (error: NodeJS.ErrnoException) =>
      rej(error.code === 'EADDRINUSE' ? new PortBusyError(`Port ${port} is already in use; set PORT to another one.`) : error),
    );
  });
}
