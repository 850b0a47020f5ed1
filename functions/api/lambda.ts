import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { onFirstRequest, withRuntimeSecrets } from '../app-secret.js';
import { loadConfig } from '../config.js';
import { buildRuntime } from '../runtime.js';
import { createApp } from './app.js';

const app = onFirstRequest(async () => handle(createApp(buildRuntime(loadConfig(await withRuntimeSecrets(process.env), 'api'), 'api'))));

export const handler = async (event: LambdaEvent, context?: LambdaContext) => (await app())(event, context);
