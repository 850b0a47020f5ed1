import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { Municipality, Provider, Region } from '../../shared/schemas/region.js';
import { conditionHolds, getItem, queryAll, toItem, withoutKeys, type TableRef } from './dynamo.js';
import type { RegionRepo } from '../ports/region.js';
import { keys, sortKey } from './keys.js';
import { RecentReads } from './recent-reads.js';

/** How long an e-mail's contact line may use a provider as this process last read it. */
const RECENT_PROVIDER_MS = 1000;

/** The region's configuration, municipalities and providers: few items, one partition. */
export function createRegionRepo(table: TableRef): RegionRepo {
  const { client, tableName: TableName } = table;
  // Providers as this process last read them, for the contact line of e-mails.
  const providers = new RecentReads<Provider>(RECENT_PROVIDER_MS);

  /** Writes an item if its key is free (a new item) or taken (a replacement); true if written. */
  const putIf = (item: Record<string, unknown>, condition: 'attribute_not_exists(pk)' | 'attribute_exists(pk)') =>
    conditionHolds(client.send(new PutItemCommand({ TableName, Item: toItem(item), ConditionExpression: condition })));
  const putNew = (item: Record<string, unknown>) => putIf(item, 'attribute_not_exists(pk)');
  const replace = (item: Record<string, unknown>) => putIf(item, 'attribute_exists(pk)');

  const listByPrefix = async <T>(prefix: string) =>
    (
      await queryAll<T & Record<string, unknown>>(table, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: toItem({ ':pk': keys.region().pk, ':prefix': prefix }),
      })
    ).map((item) => withoutKeys(item) as T);

  return {
    getRegion: async () => {
      const item = await getItem<Region & Record<string, unknown>>(table, keys.region());
      return item && (withoutKeys(item) as Region);
    },
    listMunicipalities: () => listByPrefix<Municipality>(sortKey.municipality),
    listProviders: () => listByPrefix<Provider>(sortKey.provider),
    getProvider: (id, recent = false) =>
      providers.get(
        id,
        async () => {
          const item = await getItem<Provider & Record<string, unknown>>(table, keys.provider(id));
          return item && (withoutKeys(item) as Provider);
        },
        !recent,
      ),

    createRegion: (region) => putNew({ ...keys.region(), ...region }),
    createMunicipality: (m) => putNew({ ...keys.municipality(m.id), ...m }),
    createProvider: (p) => putNew({ ...keys.provider(p.id), ...p }),
    /** Region administration: false if there is no such municipality or provider. */
    replaceMunicipality: (m) => replace({ ...keys.municipality(m.id), ...m }),
    replaceProvider: (p) => replace({ ...keys.provider(p.id), ...p }),
  };
}
