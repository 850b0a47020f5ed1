import { BatchWriteItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { scanTable } from '../functions/db/consistency.js';
import { toItem } from '../functions/db/dynamo.js';
import { randomUUID } from 'node:crypto';
import type { LocalServer } from '../functions/api/local-server.js';
import { fetchOk, percentiles, round, type Meter } from './meter.js';
import { createUser } from '../test/support/users.js';
import { book, createFamilies, createOpenOffer } from './rush.js';

type Item = Record<string, AttributeValue>;

/** The region's dashboard over a wide window: every offer the benchmark makes falls in it. */
export const DASHBOARD_PATH = '/api/dashboard?from=2000-01-01&to=2099-12-31';

/** A region-wide coordinator's session: the dashboard with the most to read. */
export const coordinatorHeaders = async (server: LocalServer) => (await createUser(server.ctx, [{ role: 'municipality', municipalityId: '*' }])).headers;

/** Every string attribute of `item` with `from` replaced by `to`: a copy under a new id. */
const renamed = (item: Item, from: string, to: string): Item =>
  Object.fromEntries(Object.entries(item).map(([k, v]) => [k, v.S?.includes(from) ? { S: v.S.replaceAll(from, to) } : v]));

const registrationItems = async (server: LocalServer) =>
  (await scanTable(server.ctx.table)).filter((item) => String(item.pk).startsWith('REG#')).map((item) => toItem(item));

/** Writes copies of `templates` under new ids until `count` copies exist. */
async function writeCopies(server: LocalServer, templates: Item[], count: number) {
  const { client, tableName } = server.ctx.table;
  const copies = Array.from({ length: count }, (_, i) => {
    const template = templates[i % templates.length]!;
    return renamed(template, template.id!.S!, randomUUID());
  });
  const batches = Array.from({ length: Math.ceil(copies.length / 25) }, (_, i) => copies.slice(i * 25, i * 25 + 25));
  for (let i = 0; i < batches.length; i += 16) {
    await Promise.all(
      batches.slice(i, i + 16).map(async (batch) => {
        let pending: Record<string, { PutRequest: { Item: Item } }[]> | undefined = {
          [tableName]: batch.map((Item) => ({ PutRequest: { Item } })),
        };
        while (pending && Object.keys(pending).length > 0) {
          const out = await client.send(new BatchWriteItemCommand({ RequestItems: pending }));
          pending = out.UnprocessedItems as typeof pending;
        }
      }),
    );
  }
}

/**
 * Read cost of the catalog as registrations grow: the first `base` registrations are real
 * bookings over HTTP; larger sizes add copies of their items under new ids (booking 100 000
 * one by one would take the whole time budget; the reads measured do not care how they came).
 */
export type Probe = { path: string; headers?: Record<string, string> };

export async function runScaling(server: LocalServer, meter: Meter, sizes: number[], probes: Record<string, Probe>) {
  const base = Math.min(...sizes);
  const offers = await Promise.all(Array.from({ length: 10 }, () => createOpenOffer(server, Math.ceil(base / 10))));
  const families = await createFamilies(server, base);
  for (let i = 0; i < families.length; i += 100) {
    await Promise.all(families.slice(i, i + 100).map((f, j) => book(server.url, f, offers[(i + j) % offers.length]!.id)));
  }
  const templates = await registrationItems(server);
  let total = templates.length;
  const rows: Record<string, unknown>[] = [];
  for (const size of [...sizes].sort((a, b) => a - b)) {
    if (size > total) {
      await writeCopies(server, templates, size - total);
      total = size;
    }
    const row: Record<string, unknown> = { registrations: size };
    for (const [name, probe] of Object.entries(probes)) {
      const durations: number[] = [];
      meter.reset();
      const times = 20;
      for (let i = 0; i < times; i++) {
        const started = performance.now();
        await fetchOk(`${server.url}${probe.path}`, { headers: probe.headers });
        durations.push(performance.now() - started);
      }
      const usage = meter.take();
      row[name] = { p50Ms: round(percentiles(durations).p50), readUnits: round(usage.read / times, 2), requests: round(usage.requests / times, 2) };
    }
    rows.push(row);
  }
  return rows;
}
