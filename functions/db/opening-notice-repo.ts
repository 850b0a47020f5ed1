import type { OpeningNoticeRepo } from '../ports/opening-notices.js';
import type { TableRef } from './dynamo.js';

// TODO(helper): opening notices in the offer's partition (keys.openingNotice), gsi2 by household.
export function createOpeningNoticeRepo(_table: TableRef): OpeningNoticeRepo {
  const missing = () => Promise.reject(new Error('opening notices not built yet'));
  return { add: missing, remove: missing, listForOffer: missing, listForHousehold: missing };
}
