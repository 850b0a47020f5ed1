import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import type { TableRef } from './dynamo.js';
import { createTableInput, tableDefinition } from './table.js';

/**
 * Creates the table from the shared definition unless it exists, and switches TTL on unless it
 * is: safe to run at every start, and to run again after it stopped half-way (a table created
 * whose TTL step failed gets TTL on the next run).
 */
export async function ensureTable(table: TableRef): Promise<'created' | 'existed'> {
  const { client, tableName } = table;
  const created = await createIfMissing(table);
  await waitUntilTableExists({ client, maxWaitTime: 120 }, { TableName: tableName });
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  if (ttl.TimeToLiveDescription?.TimeToLiveStatus !== 'ENABLED') {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
      }),
    );
  }
  return created ? 'created' : 'existed';
}

async function createIfMissing({ client, tableName }: TableRef): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return false;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName)));
    return true;
  } catch (error) {
    // Another starter created it between our look and our create: it exists, which is all we want.
    if (error instanceof ResourceInUseException) return false;
    throw error;
  }
}
