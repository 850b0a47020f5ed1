import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

type Capacity = { CapacityUnits?: number; ReadCapacityUnits?: number; WriteCapacityUnits?: number };
/** `transactionalWrite` is the part of `write` that came from TransactWriteItems. */
export type Usage = {
  requests: number;
  byCommand: Record<string, number>;
  /** Summed latency per command: where an operation's time goes. */
  msByCommand: Record<string, number>;
  read: number;
  write: number;
  transactionalWrite: number;
};

const emptyUsage = (): Usage => ({ requests: 0, byCommand: {}, msByCommand: {}, read: 0, write: 0, transactionalWrite: 0 });

/**
 * Counts every DynamoDB request a client sends and the capacity DynamoDB says it consumed,
 * by asking each command for `ReturnConsumedCapacity: TOTAL`. `measure` brackets one operation.
 */
export function attachMeter(client: DynamoDBClient) {
  let usage = emptyUsage();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      if (!('ReturnConsumedCapacity' in input)) input.ReturnConsumedCapacity = 'TOTAL';
      const command = context.commandName ?? 'unknown';
      usage.requests++;
      usage.byCommand[command] = (usage.byCommand[command] ?? 0) + 1;
      let result;
      const started = performance.now();
      try {
        result = await next(args);
      } catch (error) {
        // A refused request still costs a round trip; what refused it shows where time went.
        const refusal = `${command} refused: ${(error as Error).name}`;
        usage.byCommand[refusal] = (usage.byCommand[refusal] ?? 0) + 1;
        throw error;
      } finally {
        usage.msByCommand[command] = (usage.msByCommand[command] ?? 0) + performance.now() - started;
      }
      const consumed = (result.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity;
      for (const c of [consumed ?? []].flat()) {
        // Reads and writes are priced apart; commands that only read report CapacityUnits.
        const isWrite = /Put|Update|Delete|Transact|BatchWrite/.test(command);
        const units = c.CapacityUnits ?? 0;
        if (isWrite) usage.write += c.WriteCapacityUnits ?? units;
        else usage.read += c.ReadCapacityUnits ?? units;
        if (command === 'TransactWriteItemsCommand') usage.transactionalWrite += c.WriteCapacityUnits ?? units;
      }
      return result;
    },
    { step: 'initialize', name: 'benchMeter' },
  );
  return {
    reset: () => (usage = emptyUsage()),
    take: (): Usage => {
      const taken = usage;
      usage = emptyUsage();
      return taken;
    },
  };
}
export type Meter = ReturnType<typeof attachMeter>;

/** Percentiles of a list of durations (ms), nearest-rank. */
export function percentiles(durations: number[]) {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  return { p50: at(50), p95: at(95), p99: at(99), max: sorted.at(-1) ?? 0 };
}

/** GETs `url` and reads the body; anything but 2xx stops the benchmark, so no figure measures an error page. */
export async function fetchOk(url: string, init?: RequestInit): Promise<void> {
  const res = await fetch(url, init);
  const body = await res.text();
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url} answered ${res.status}: ${body.slice(0, 300)}`);
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
