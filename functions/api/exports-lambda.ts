import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { onFirstRequest, withRuntimeSecrets } from '../app-secret.js';
import { loadConfig } from '../config.js';
import { buildRuntime } from '../runtime.js';
import { createApp } from './app.js';
import { exportRoutes } from './routes/exports.js';

/**
 * The exports Lambda: the API with the files (calendar feeds, CSV and PDF lists), which the HTTP
 * API routes here alone, so the API Lambda that families book through carries none of their libraries.
 */
const app = onFirstRequest(async () =>
  handle(createApp(buildRuntime(loadConfig(await withRuntimeSecrets(process.env), 'exports'), 'exports'), [exportRoutes])),
);

export const handler = async (event: LambdaEvent, context?: LambdaContext) => (await app())(event, context);
