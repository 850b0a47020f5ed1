import { DeleteItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { OpeningNoticeItem, OpeningNoticeRepo } from '../ports/opening-notices.js';
import { conditionHolds, queryAll, toItem, type TableRef } from './dynamo.js';
import { indexKeys, keys } from './keys.js';

/** The notice without its keys. */
const notice = ({ offerId, householdId, createdAt }: OpeningNoticeItem): OpeningNoticeItem => ({ offerId, householdId, createdAt });

/**
 * Opening notices (see ./KEYS.md): one item per offer and household in the offer's partition,
 * so the opening job reads an offer's with one strongly consistent query; gsi2 lists a
 * household's for its own page.
 */
export function createOpeningNoticeRepo(table: TableRef): OpeningNoticeRepo {
  const { client, tableName: TableName } = table;

  return {
    async add(item) {
      // Asking again keeps the first notice as it was (its createdAt included).
      await conditionHolds(
        client.send(
          new PutItemCommand({
            TableName,
            Item: toItem({
              ...keys.openingNotice(item.offerId, item.householdId),
              ...indexKeys.householdNotice(item.householdId, item.offerId),
              ...notice(item),
            }),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
    },

    async remove(offerId, householdId) {
      await client.send(new DeleteItemCommand({ TableName, Key: toItem(keys.openingNotice(offerId, householdId)) }));
    },

    async listForOffer(offerId) {
      const { pk, sk: prefix } = keys.openingNotice(offerId, '');
      const items = await queryAll<OpeningNoticeItem>(table, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: toItem({ ':pk': pk, ':prefix': prefix }),
        ConsistentRead: true,
      });
      return items.map(notice);
    },

    async listForHousehold(householdId) {
      const { gsi2pk, gsi2sk: prefix } = indexKeys.householdNotice(householdId, '');
      const items = await queryAll<OpeningNoticeItem>(table, {
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :prefix)',
        ExpressionAttributeValues: toItem({ ':pk': gsi2pk, ':prefix': prefix }),
      });
      return items.map(notice);
    },
  };
}
