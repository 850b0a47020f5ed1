import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { onFirstRequest, withRuntimeSecrets } from '../app-secret.js';
import { loadConfig } from '../config.js';
import { buildRuntime } from '../runtime.js';
import { createApp } from './app.js';
import { attendancePdfRoutes } from './routes/attendance-pdf.js';

/**
 * The exports Lambda: the API with the PDF list, which the HTTP API routes here alone, so the
 * API Lambda that families book through carries no PDF library.
 */
const app = onFirstRequest(async () =>
  handle(createApp(buildRuntime(loadConfig(await withRuntimeSecrets(process.env), 'exports'), 'exports'), [attendancePdfRoutes])),
);

export const handler = async (event: LambdaEvent, context?: LambdaContext) => (await app())(event, context);
