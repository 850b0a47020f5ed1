import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Config } from '../config.js';
import { addFaultInjection } from './fault-injection.js';

/** One client per process; the endpoint is the only thing that tells local from cloud. */
export function createDynamoClient(config: Pick<Config, 'DYNAMODB_ENDPOINT' | 'AWS_REGION' | 'FAULT_RATE'>) {
  const local = config.DYNAMODB_ENDPOINT !== undefined;
  const client = new DynamoDBClient({
    region: config.AWS_REGION,
    ...(local && {
      endpoint: config.DYNAMODB_ENDPOINT,
      // DynamoDB Local accepts any credentials; fixed ones keep a developer's AWS profile out of it.
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
    maxAttempts: 3,
    // A registration rush keeps hundreds of requests in flight; the default 50 sockets would queue them.
    requestHandler: { httpAgent: { maxSockets: 512 }, httpsAgent: { maxSockets: 512 } },
  });
  if (config.FAULT_RATE > 0) addFaultInjection(client, config.FAULT_RATE);
  return client;
}
