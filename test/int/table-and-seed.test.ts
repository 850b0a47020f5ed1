import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { scanTable } from '../../functions/db/consistency.js';
import { describe, expect, it } from 'vitest';
import type { TableRef } from '../../functions/db/dynamo.js';
import { createTableInput } from '../../functions/db/table.js';
import { seedDemoRegion } from '../../functions/demo/seed.js';
import type { Offer } from '../../shared/schemas/offer.js';
import { createTestContext } from '../support/context.js';

/** The whole table as sorted JSON lines: equal when the table is. */
const snapshot = async (table: TableRef) => (await scanTable(table)).map((i) => JSON.stringify(i)).sort();

describe('table and demo region', () => {
  it('creates the table exactly as the shared definition says, with TTL on', async () => {
    // Act: a fresh context creates its table.
    const { ctx } = await createTestContext();

    // Assess
    const { Table } = await ctx.table.client.send(new DescribeTableCommand({ TableName: ctx.table.tableName }));
    const wanted = createTableInput(ctx.table.tableName);
    expect(Table?.KeySchema).toEqual(wanted.KeySchema);
    expect(Table?.GlobalSecondaryIndexes?.map((g) => ({ IndexName: g.IndexName, KeySchema: g.KeySchema, Projection: g.Projection }))).toEqual(
      wanted.GlobalSecondaryIndexes,
    );
    expect(Table?.StreamSpecification).toEqual(wanted.StreamSpecification);
    const ttl = await ctx.table.client.send(new DescribeTimeToLiveCommand({ TableName: ctx.table.tableName }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ AttributeName: 'expiresAt', TimeToLiveStatus: 'ENABLED' });
  });

  it('seeds four municipalities, a dozen providers and about forty offers of every kind', async () => {
    // Prepare
    const { ctx, app } = await createTestContext();

    // Act
    await seedDemoRegion(ctx.ports);

    // Assess
    expect(await ctx.ports.region.listMunicipalities()).toHaveLength(4);
    expect(await ctx.ports.region.listProviders()).toHaveLength(12);
    const offers = ((await (await app.request('/api/offers?limit=100')).json()) as { items: Offer[] }).items;
    expect(offers.length).toBeGreaterThanOrEqual(35);
    expect(new Set(offers.map((o) => o.kind))).toEqual(new Set(['course', 'event', 'holiday_care', 'group']));
    const now = ctx.ports.clock.now().toISOString();
    const open = (o: Offer) => new Date(o.registrationOpens).toISOString() <= now && now <= new Date(o.registrationCloses).toISOString();
    expect(offers.filter(open).length).toBeGreaterThan(10);
    expect(offers.some((o) => !open(o) && new Date(o.registrationOpens).toISOString() > now)).toBe(true);
    expect(offers.some((o) => o.bookingMode === 'lottery')).toBe(true);
    expect(offers.some((o) => o.units.some((u) => u.capacity <= 3))).toBe(true);
    expect(offers.find((o) => o.kind === 'holiday_care' && o.units.length === 2)).toBeTruthy();
  });

  it('changes nothing when the demo region is seeded a second time', async () => {
    // Prepare
    const { ctx } = await createTestContext();
    await seedDemoRegion(ctx.ports);
    const first = await snapshot(ctx.table);

    // Act
    await seedDemoRegion(ctx.ports);

    // Assess
    expect(await snapshot(ctx.table)).toEqual(first);
  });
});
