import { TransactWriteItemsCommand, type DynamoDBClient, type TransactWriteItemsCommandInput } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { Hono } from 'hono';
import { randomUUID } from 'node:crypto';
import { allow } from '../functions/api/access.js';
import type { RouteModule } from '../functions/api/app.js';
import type { Env } from '../functions/api/context.js';
import type { LocalServer } from '../functions/api/local-server.js';
import { validate } from '../functions/api/validate.js';
import { bookingRequest } from '../shared/schemas/registration.js';
import { percentiles, round } from './meter.js';

/** Where the bare endpoint is mounted, under /api. */
const BARE_PATH = '/bench/bare-booking';

/**
 * A TransactWriteItems of the booking's shape (unit counter update, registration, guard, child
 * counter, offer check, idempotency record), booking `i` into the bench unit under `pk`, with
 * conditions that always hold.
 */
function bareBooking(tableName: string, pk: string, i: string): TransactWriteItemsCommandInput {
  const key = (sk: string) => marshall({ pk: `${pk}#${i}`, sk });
  return {
    TransactItems: [
      {
        Update: {
          TableName: tableName,
          Key: marshall({ pk, sk: 'UNIT#u1' }),
          UpdateExpression: 'SET confirmed = confirmed + :one, #free = #free - :one',
          ConditionExpression: '#free >= :one',
          ExpressionAttributeNames: { '#free': 'free' },
          ExpressionAttributeValues: marshall({ ':one': 1 }),
        },
      },
      { Put: { TableName: tableName, Item: { ...key('REG'), status: { S: 'confirmed' } }, ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: tableName, Item: key('GUARD'), ConditionExpression: 'attribute_not_exists(pk)' } },
      {
        Update: {
          TableName: tableName,
          Key: key('CHILD'),
          UpdateExpression: 'ADD activeRegistrations :one',
          ExpressionAttributeValues: marshall({ ':one': 1 }),
        },
      },
      {
        ConditionCheck: {
          TableName: tableName,
          Key: marshall({ pk, sk: 'OFFER' }),
          ConditionExpression: '#s = :p',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: marshall({ ':p': 'published' }),
        },
      },
      { Put: { TableName: tableName, Item: key('IDEM'), ConditionExpression: 'attribute_not_exists(pk)' } },
    ],
  };
}

/** A bench offer and unit of a million places for bare bookings; returns its partition key. */
async function createBareUnit(client: DynamoDBClient, tableName: string): Promise<string> {
  const pk = `BENCH#${randomUUID().slice(0, 8)}`;
  await client.send(
    new TransactWriteItemsCommand({
      TransactItems: [
        { Put: { TableName: tableName, Item: marshall({ pk, sk: 'OFFER', status: 'published' }) } },
        { Put: { TableName: tableName, Item: marshall({ pk, sk: 'UNIT#u1', confirmed: 0, free: 1_000_000 }) } },
      ],
    }),
  );
  return pk;
}

/** `n` timed calls at once: throughput and latency percentiles. */
async function timedAtOnce(n: number, one: (i: number) => Promise<unknown>) {
  const durations: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const t = performance.now();
      await one(i);
      durations.push(performance.now() - t);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    requests: n,
    seconds: round(seconds, 2),
    throughputPerSecond: round(n / seconds),
    latencyMs: Object.fromEntries(Object.entries(percentiles(durations)).map(([k, v]) => [k, round(v)])),
  };
}

/** The database's own limit beside our booking: `n` concurrent bare booking transactions straight to DynamoDB. */
export async function runBareTransactions(client: DynamoDBClient, tableName: string, n: number) {
  const pk = await createBareUnit(client, tableName);
  return timedAtOnce(n, (i) => client.send(new TransactWriteItemsCommand(bareBooking(tableName, pk, String(i)))));
}

/**
 * The server's own limit beside our booking: a route on the same stack (HTTP server, Hono, body
 * limit, session middleware, zod validation of the booking's body, JSON answer) that does
 * nothing but one bare booking transaction, open to anyone. Mounted by the benchmark only.
 */
export const bareBookingRoute: RouteModule = (ctx) => {
  const { client, tableName } = ctx.table;
  let unit: Promise<string> | undefined;
  return new Hono<Env>().post(BARE_PATH, allow('anyone'), validate('json', bookingRequest), async (c) => {
    const pk = await (unit ??= createBareUnit(client, tableName));
    await client.send(new TransactWriteItemsCommand(bareBooking(tableName, pk, c.req.header('Idempotency-Key') ?? randomUUID())));
    return c.json({ id: randomUUID(), status: 'confirmed' }, 201);
  });
};

/** `n` concurrent POSTs to the bare endpoint, with the body and headers a booking sends. */
export async function runBareEndpoint(server: LocalServer, n: number, body: object) {
  await fetch(`${server.url}/api${BARE_PATH}`, bareRequest(body)); // creates the unit outside the timing
  return timedAtOnce(n, async () => {
    const res = await fetch(`${server.url}/api${BARE_PATH}`, bareRequest(body));
    if (res.status !== 201) throw new Error(`bare endpoint answered ${res.status}: ${await res.text()}`);
    await res.json();
  });
}

const bareRequest = (body: object): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
  body: JSON.stringify(body),
});
