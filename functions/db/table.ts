import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * THE table: one definition read by the CDK data stack and by the local bootstrap, so the
 * table DynamoDB Local serves is the one the cloud gets. See ./KEYS.md for what lives where.
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Every key attribute is a string. */
  globalSecondaryIndexes: [
    // gsi1: the public catalog (published offers and their units, by last day) and a household's registrations.
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    // gsi2: what an owner holds: a provider's offers, an offer's registrations (participants).
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
  /** Epoch seconds; DynamoDB deletes login codes, rate-limit windows and idempotency records after it. */
  timeToLiveAttribute: 'expiresAt',
  /** Side effects (e-mails, aggregates) are read from the stream in the cloud. */
  streamViewType: 'NEW_AND_OLD_IMAGES',
} as const;

/** The CreateTable request for `tableName`, on-demand like the cloud table. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const { partitionKey, sortKey, globalSecondaryIndexes } = tableDefinition;
  const keyNames = [partitionKey, sortKey, ...globalSecondaryIndexes.flatMap((g) => [g.partitionKey, g.sortKey])];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyNames.map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: partitionKey, KeyType: 'HASH' },
      { AttributeName: sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: globalSecondaryIndexes.map((g) => ({
      IndexName: g.indexName,
      KeySchema: [
        { AttributeName: g.partitionKey, KeyType: 'HASH' },
        { AttributeName: g.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.streamViewType },
  };
}
