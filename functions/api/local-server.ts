import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type Config } from '../config.js';
import { ensureTable } from '../db/bootstrap.js';
import { startLocalDynamo, type LocalDynamo } from '../db/local-dynamo.js';
import { seedDemoRegion } from '../demo/seed.js';
import { buildRuntime } from '../runtime.js';
import { createApp } from './app.js';
import { attendancePdfRoutes } from './routes/attendance-pdf.js';
import type { AppContext } from './context.js';

export const WEB_DIST = 'web/dist';

export type LocalServer = { url: string; ctx: AppContext; dynamo: LocalDynamo; stop(): Promise<void> };

/** Locally one server answers everything the cloud splits over the API and exports Lambdas. */
export const createLocalApp = (ctx: AppContext) => createApp(ctx, [attendancePdfRoutes]);

export class PortBusyError extends Error {
  override name = 'PortBusyError';
}

/**
 * The whole platform on one port: DynamoDB Local, the table from the shared definition, the
 * demo region, the API under /api and the web app's build everywhere else.
 */
export async function startLocalServer(
  env: Record<string, string | undefined> = process.env,
  options: { inMemory?: boolean; seed?: boolean } = {},
): Promise<LocalServer> {
  const base = loadConfig(env);
  const dynamo = await startLocalDynamo(options.inMemory ? {} : { dataDir: join(base.DATA_DIR, 'dynamodb') });
  try {
    const config: Config = { ...base, DYNAMODB_ENDPOINT: dynamo.endpoint, APP_MODE: 'local' };
    const ctx = buildRuntime(config, 'local');
    await ensureTable(ctx.table);
    if (options.seed !== false) await seedDemoRegion(ctx.ports);
    const server = await listen(withWeb(createLocalApp(ctx)), config.PORT);
    const port = (server.address() as { port: number }).port;
    const stop = async () => {
      await new Promise<void>((res) => server.close(() => res()));
      await dynamo.stop();
    };
    return { url: `http://localhost:${port}`, ctx, dynamo, stop };
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
}

function withWeb(app: ReturnType<typeof createApp>) {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    app.get('/', (c) =>
      c.html(
        '<!doctype html><html lang="de"><title>regiokurs</title><p>Die Web-App ist noch nicht gebaut: <code>npm run build:web</code>. / The web app is not built yet.</p><p><a href="/api/offers">/api/offers</a></p></html>',
      ),
    );
    return app;
  }
  app.use('/*', serveStatic({ root: WEB_DIST }));
  // The single-page app routes on the client: every other non-API path gets its shell.
  app.get('*', async (c, next) => (c.req.path.startsWith('/api') ? next() : serveStatic({ root: WEB_DIST, path: 'index.html' })(c, next)));
  return app;
}

function listen(app: ReturnType<typeof createApp>, port: number): Promise<ServerType> {
  return new Promise((res, rej) => {
    const server = serve({ fetch: app.fetch, port, hostname: '0.0.0.0' });
    server.once('listening', () => res(server));
    server.once('error', (error: NodeJS.ErrnoException) =>
      rej(error.code === 'EADDRINUSE' ? new PortBusyError(`Port ${port} is already in use; set PORT to another one.`) : error),
    );
  });
}
