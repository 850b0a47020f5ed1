import { handle } from 'hono/aws-lambda';
import { loadConfig } from '../config.js';
import { buildRuntime } from '../runtime.js';
import { createApp } from './app.js';

export const handler = handle(createApp(buildRuntime(loadConfig(process.env, 'api'), 'api')));
