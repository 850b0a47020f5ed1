import { handle } from 'hono/aws-lambda';
import { loadConfig } from '../config.js';
import { createApp } from './app.js';
import { attendancePdfRoutes } from './routes/attendance-pdf.js';
import { buildContext } from './runtime.js';

/**
 * The exports Lambda: the API with the PDF list, which the HTTP API routes here alone, so the
 * API Lambda that families book through carries no PDF library.
 */
export const handler = handle(createApp(buildContext(loadConfig()), [attendancePdfRoutes]));
