import type { FamilyFeed, FamilyFeedRepo } from '../ports/family-feeds.js';
import { getItem, transactAll, transactionItems, type TableRef } from './dynamo.js';
import { keys } from './keys.js';

/**
 * Two items per feed: the capability (`FEED#<hash>`), which the feed's URL finds with one
 * GetItem, and the household's pointer to it (`HH#<id>` / `FEED`), which replacing and revoking
 * read to know which capability to delete. Both change in one transaction, so a household never
 * has two live feeds and a revoked URL stops working with the same write.
 */
export function createFamilyFeedRepo(table: TableRef): FamilyFeedRepo {
  const { put, remove } = transactionItems(table.tableName);
  // The pointer as read: two replacements racing cannot both leave their capability behind.
  const pointerAsRead = (current: FamilyFeed | undefined) =>
    current ? { condition: 'tokenHash = :old', values: { ':old': current.tokenHash } } : { condition: 'attribute_not_exists(pk)', values: undefined };

  return {
    getByHousehold: (householdId) => getItem<FamilyFeed>(table, keys.householdFeed(householdId)),
    getByTokenHash: (tokenHash) => getItem<FamilyFeed>(table, keys.familyFeed(tokenHash)),

    replace(current, next) {
      const pointer = pointerAsRead(current);
      return transactAll(table, [
        put({ ...keys.householdFeed(next.householdId), ...next }, pointer.condition, pointer.values),
        put({ ...keys.familyFeed(next.tokenHash), ...next }, 'attribute_not_exists(pk)'),
        ...(current ? [remove(keys.familyFeed(current.tokenHash))] : []),
      ]);
    },

    revoke(current) {
      const pointer = pointerAsRead(current);
      return transactAll(table, [
        remove(keys.householdFeed(current.householdId), pointer.condition, pointer.values),
        remove(keys.familyFeed(current.tokenHash)),
      ]);
    },
  };
}
