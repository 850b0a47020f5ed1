import type { TestProject } from 'vitest/node';
import { startLocalDynamo } from '../../functions/db/local-dynamo.js';

/** One in-memory DynamoDB Local for the integration tier; each test file makes its own table. */
export default async function setup(project: TestProject) {
  const dynamo = await startLocalDynamo();
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    serverUrl: string;
  }
}
