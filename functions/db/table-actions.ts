import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { CloudEntryPoint } from '../config.js';

/**
 * The IAM actions on the table (`dynamodb:<name>`) that code of this repository may send. Most
 * are named like the SDK command; the transactions are not actions of their own (see
 * `tableActionsOf`). CreateTable, DescribeTimeToLive and UpdateTimeToLive are the local start's
 * (bootstrap.ts), Scan the consistency check's (consistency.ts): no deployed function sends them.
 */
const TABLE_ACTIONS = [
  'GetItem',
  'BatchGetItem',
  'Query',
  'Scan',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'ConditionCheckItem',
  'DescribeTable',
  'CreateTable',
  'UpdateTimeToLive',
  'DescribeTimeToLive',
] as const;
export type TableAction = (typeof TABLE_ACTIONS)[number];

const isTableAction = (name: string): name is TableAction => (TABLE_ACTIONS as readonly string[]).includes(name);

/** A command no IAM action is known for here: the mapping below must learn it before code sends it. */
class UnmappedCommandError extends Error {
  override name = 'UnmappedCommandError';
}

/**
 * The IAM actions one SDK command needs, by its name (`GetItemCommand` or `GetItem`) and input.
 * TransactWriteItems needs the action of each of its items (PutItem, UpdateItem, DeleteItem,
 * ConditionCheckItem); BatchGetItem and BatchWriteItem are IAM actions of their own. Pure: the test recorder and nothing at run time calls it.
 */
export function tableActionsOf(commandName: string, input: unknown): TableAction[] {
  const operation = commandName.replace(/Command$/, '');
  if (operation === 'TransactWriteItems') {
    const items = (input as { TransactItems?: TransactWriteItem[] } | undefined)?.TransactItems ?? [];
    const actions = items.flatMap((item): TableAction[] => [
      ...(item.Put ? (['PutItem'] as const) : []),
      ...(item.Update ? (['UpdateItem'] as const) : []),
      ...(item.Delete ? (['DeleteItem'] as const) : []),
      ...(item.ConditionCheck ? (['ConditionCheckItem'] as const) : []),
    ]);
    return [...new Set(actions)].sort();
  }
  if (isTableAction(operation)) return [operation];
  throw new UnmappedCommandError(`No IAM table action is known for ${commandName}; add it to functions/db/table-actions.ts`);
}

/**
 * What each deployed function's code sends to the table, and so exactly what its role is granted
 * (infra/constructs/regiokurs-function.ts). test/int/table-grants.test.ts records every command
 * each entry point sends and fails on any difference, in either direction.
 */
export const tableGrants: Readonly<Record<CloudEntryPoint, readonly TableAction[]>> = {
  // Sessions, login codes, catalog, households, booking (ConditionCheck on the offer), offers, attendance; BatchGetItem: the session with its account, dashboard counters; DescribeTable: /api/health.
  api: ['BatchGetItem', 'ConditionCheckItem', 'DeleteItem', 'DescribeTable', 'GetItem', 'PutItem', 'Query', 'UpdateItem'],
  // The files only read: the session with its account and the dashboard's counters (BatchGetItem); offers, registrations,
  // households, marks and the catalog (Query); a family feed by its token's hash (GetItem).
  exports: ['BatchGetItem', 'GetItem', 'Query'],
  // offerFreedPlaces reads the offer, region, line, unit and registrations and offers the places in one transaction (with its deadline, a Put); the e-mail goes through SES.
  stream: ['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'],
  // The sweep: due work read from the index and claimed; the jobs offer, expire, remind and erase
  // through the same transactions as the API, and write their e-mails to the outbox.
  scheduled: ['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'],
};
