import { handle } from 'hono/aws-lambda';
import { loadConfig } from '../config.js';
import { buildRuntime } from '../runtime.js';
import { createApp } from './app.js';
import { attendancePdfRoutes } from './routes/attendance-pdf.js';

/**
 * The exports Lambda: the API with the PDF list, which the HTTP API routes here alone, so the
 * API Lambda that families book through carries no PDF library.
 */
export const handler = handle(createApp(buildRuntime(loadConfig(process.env, 'exports'), 'exports'), [attendancePdfRoutes]));
