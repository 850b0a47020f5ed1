import { handle } from 'hono/aws-lambda';
import { loadConfig } from '../config.js';
import { createApp } from './app.js';
import { buildContext } from './runtime.js';

export const handler = handle(createApp(buildContext(loadConfig())));
