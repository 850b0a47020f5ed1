import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { tableActionsOf, tableGrants, type TableAction } from '../../functions/db/table-actions.js';

/** The IAM actions a client's commands needed, collected while a test drives it. */
export type TableCallRecorder = {
  /** Every action recorded so far, sorted, each once. */
  actions(): TableAction[];
  /** The SDK commands recorded so far with the actions each needed, for failure messages. */
  commands(): Record<string, TableAction[]>;
  /** Adds the recording middleware to one more client; the recorder collects for all of them. */
  attach(client: DynamoDBClient): void;
};

/** Each recorder's middleware has its own name: a client may carry several (a file's and a test's). */
let recorders = 0;

/**
 * Records the IAM actions of every command sent through `clients` (and any attached later):
 * middleware at the `initialize` step sees each command before it leaves, so a command the
 * table refuses (a failed condition) counts too, as IAM would check it first.
 */
export function recordTableCalls(...clients: DynamoDBClient[]): TableCallRecorder {
  const seen = new Map<string, Set<TableAction>>();
  const attached = new WeakSet<DynamoDBClient>();
  const name = `regiokursTableCallRecorder${++recorders}`;
  const recorder: TableCallRecorder = {
    actions: () => [...new Set([...seen.values()].flatMap((a) => [...a]))].sort(),
    commands: () => Object.fromEntries([...seen].sort(([a], [b]) => a.localeCompare(b)).map(([command, a]) => [command, [...a].sort()])),
    attach(client) {
      if (attached.has(client)) return;
      attached.add(client);
      client.middlewareStack.add(
        (next, context) => async (args) => {
          const command = context.commandName ?? 'unknown';
          const actions = seen.get(command) ?? new Set<TableAction>();
          for (const action of tableActionsOf(command, args.input)) actions.add(action);
          seen.set(command, actions);
          return next(args);
        },
        { step: 'initialize', name },
      );
    },
  };
  for (const client of clients) recorder.attach(client);
  return recorder;
}

/** The actions recorded but not granted, sorted: what IAM would deny. */
export function ungranted(recorded: Iterable<TableAction>, granted: readonly TableAction[]): TableAction[] {
  return [...new Set(recorded)].filter((a) => !granted.includes(a)).sort();
}

/**
 * What a local process (createTestContext: entry 'local') may send: what the API and exports
 * functions send, since it serves both, plus the tools' and tests' own calls: the local start
 * creates the table (CreateTable, DescribeTable, DescribeTimeToLive, UpdateTimeToLive), the
 * consistency check scans it (Scan).
 */
export const localTableActions: readonly TableAction[] = [
  ...new Set<TableAction>([...tableGrants.api, ...tableGrants.exports, 'CreateTable', 'DescribeTable', 'UpdateTimeToLive', 'Scan', 'DescribeTimeToLive']),
].sort();

/**
 * One recorder per test file, for clients a shared helper attaches (createTestContext), checked
 * by ./table-calls-setup.ts after the file's tests ran. Module state: vitest isolates test files.
 */
export const fileTableCalls: TableCallRecorder = recordTableCalls();
