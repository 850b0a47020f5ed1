import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { TableRef } from './dynamo.js';

/** True once the table answers: what the health check reports. */
export async function tableAnswers(table: TableRef): Promise<boolean> {
  try {
    await table.client.send(new DescribeTableCommand({ TableName: table.tableName }));
    return true;
  } catch {
    return false;
  }
}
