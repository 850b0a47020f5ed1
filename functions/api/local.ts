import { ConfigError } from '../config.js';
import { LocalDynamoError } from '../db/local-dynamo.js';
import { PortBusyError, startLocalServer } from './local-server.js';

/** `npm start`: runs the platform locally until Ctrl-C or SIGTERM, then stops DynamoDB Local too. */
try {
  const server = await startLocalServer();
  console.log(`regiokurs läuft / is running: ${server.url}`);
  console.log(`  Demo-Konten und Anmeldecodes / demo accounts and login codes: ${server.url}/api/dev/outbox`);
  console.log(`  DynamoDB Local: ${server.dynamo.endpoint} (DYNAMODB_ENDPOINT=${server.dynamo.endpoint} npm run check:consistency)`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (error) {
  if (error instanceof ConfigError || error instanceof LocalDynamoError || error instanceof PortBusyError) {
    console.error(`regiokurs: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
