import { TransactionCanceledException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * Test only. DynamoDB Local never cancels a transaction for a conflict, so this middleware
 * makes a share of transactions fail the way the cloud does under contention, before they
 * reach the database (as a real conflict changes nothing either).
 */
export function addFaultInjection(client: DynamoDBClient, rate: number, random: () => number = Math.random) {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'TransactWriteItemsCommand' && random() < rate) {
        const items = (args.input as { TransactItems?: unknown[] }).TransactItems ?? [];
        throw new TransactionCanceledException({
          message: 'Transaction cancelled (injected fault)',
          $metadata: {},
          CancellationReasons: items.map(() => ({ Code: 'TransactionConflict' })),
        });
      }
      return next(args);
    },
    { step: 'initialize', name: 'regiokursFaultInjection' },
  );
}
