import type { TestProject } from 'vitest/node';
import { startLocalServer } from '../../functions/api/local-server.js';

/** The browser tier runs against the real local server (seeded demo region, in-memory DynamoDB Local). */
export default async function setup(project: TestProject) {
  const server = await startLocalServer({ ...process.env, PORT: '0' }, { inMemory: true });
  project.provide('serverUrl', server.url);
  return () => server.stop();
}
