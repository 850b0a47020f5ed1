import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { startLocalServer } from '../functions/api/local-server.js';
import { bareBookingRoute, runBareEndpoint, runBareTransactions } from './bare.js';
import { benchDraw } from './draw.js';
import { measureColdStarts } from './cold-start.js';
import { measureLighthouse } from './lighthouse.js';
import { attachMeter, round } from './meter.js';
import { runRush } from './rush.js';
import { coordinatorHeaders, DASHBOARD_PATH, runScaling } from './scaling.js';
import { measureInitialLoad } from './web-size.js';
import { costPer10kBookings, measureWork } from './work.js';

/**
 * `npm run bench`: the registration rush, the database's own limit beside it, work per
 * operation, read cost as registrations grow, and the web's first load (its size, and Lighthouse
 * on a phone). `--small` is CI's quick run, so the benchmark cannot rot.
 */
const { values } = parseArgs({
  options: {
    small: { type: 'boolean', default: false },
    families: { type: 'string' },
    sizes: { type: 'string' },
  },
});
const families = Number(values.families ?? (values.small ? 100 : 500));
const sizes = (values.sizes ?? (values.small ? '1000,2000' : '1000,10000,100000')).split(',').map(Number);

const report: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}`,
  parameters: { families, sizes },
};

const line = (label: string, value: unknown) => console.log(`  ${label.padEnd(34)} ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
const section = (title: string, data: Record<string, unknown>) => {
  console.log(`\n${title}`);
  for (const [k, v] of Object.entries(data)) line(k, v);
};

const server = await startLocalServer({ ...process.env, PORT: '0' }, { inMemory: true, routes: [bareBookingRoute] });
try {
  const meter = attachMeter(server.ctx.table.client);
  console.log(`regiokurs benchmark, ${report.date}, ${report.machine}`);

  // First, while the calendar shows the demo region as a visitor sees it, before the rush adds
  // its benchmark offers and thousands of registrations; printed below with the web's other
  // figures. --small audits the calendar once: the four pages once each took 36–53 s on the busy
  // two-core machine, the calendar alone 7–12 s.
  const lighthouse = await measureLighthouse(server.url, {
    reportDir: 'bench-results/lighthouse',
    ...(values.small ? { runs: 1, pages: ['calendar'] } : { runs: 3 }),
  });

  const rush = await runRush(server, meter, { families, offers: 1, capacity: 20 });
  section(`Rush: ${families} families book one unit of 20 places at once (HTTP, real server, DynamoDB Local)`, rush);
  // The two limits beside it, measured right after it on the same server and database.
  const bareEndpoint = await runBareEndpoint(server, families, { offerId: 'o-bench', unitId: 'u1', childId: 'c-bench' });
  section(`The server's limit beside it: ${families} POSTs at once to a route doing one bare booking transaction (same HTTP, JSON and validation, no auth)`, {
    ...bareEndpoint,
    'booking throughput / bare endpoint': round(rush.throughputPerSecond / bareEndpoint.throughputPerSecond, 2),
  });
  const bare = await runBareTransactions(server.ctx.table.client, server.ctx.table.tableName, families);
  section(`The database's limit beside it: ${families} bare TransactWriteItems of the booking's shape at once, straight from the SDK`, {
    ...bare,
    'booking throughput / bare SDK': round(rush.throughputPerSecond / bare.throughputPerSecond, 2),
  });
  const spread = await runRush(server, meter, { families, offers: 5, capacity: 20 });
  section(`Rush spread: ${families} families over 5 offers of one unit of 20 places`, spread);

  const work = await measureWork(server, meter);
  console.log('\nWork per operation (DynamoDB requests and capacity units as DynamoDB Local reports them)');
  for (const [name, cost] of Object.entries(work)) line(name, cost);
  const cost = costPer10kBookings(work['booking (confirmed)']);
  line('DynamoDB cost per 10 000 bookings', `$${cost} (eu-central-1 on-demand; transactional writes doubled as the cloud bills them)`);

  const scaling = await runScaling(server, meter, sizes, {
    'offer list page': { path: '/api/offers?limit=20' },
    'dashboard (whole region)': { path: DASHBOARD_PATH, headers: await coordinatorHeaders(server) },
  });
  console.log('\nScaling: read cost as registrations grow');
  for (const row of scaling) line(`${row.registrations} registrations`, { ...row, registrations: undefined });
  type ProbeFigures = { p50Ms: number; readUnits: number };
  const [smallest, largest] = [scaling[0]!, scaling.at(-1)!];
  const scalingRatios = Object.fromEntries(
    Object.keys(smallest)
      .filter((k) => k !== 'registrations')
      .map((k) => {
        const [a, b] = [smallest[k] as ProbeFigures, largest[k] as ProbeFigures];
        return [k, { latency: round(b.p50Ms / a.p50Ms, 2), readUnits: round(b.readUnits / a.readUnits, 2) }];
      }),
  );
  line(`ratio ${largest.registrations} / ${smallest.registrations}`, scalingRatios);

  const coldStarts = await measureColdStarts();
  console.log('\nLambda bundles: minified size, and import plus first request (api, exports, stream) in a fresh Node process (median of 5)');
  for (const { name, ...figures } of coldStarts) line(name, figures);

  const web = measureInitialLoad();
  section('Web: what the calendar page loads first (gzip)', {
    'JavaScript bytes': web.jsGzipBytes,
    'JavaScript files': web.jsFiles,
    'CSS bytes': web.cssGzipBytes,
  });
  const lighthouseRuns = lighthouse.runsPerPage === 1 ? 'one run per page' : `the run nearest the median of ${lighthouse.runsPerPage}`;
  console.log(`\nLighthouse 12.2.3 on an emulated phone (its default: slow 4G, 4× slower CPU, simulated), ${lighthouseRuns}; scores 0–100`);
  for (const { path, ...figures } of Object.values(lighthouse.pages)) line(path, figures);
  line('failed attempts (repeated)', lighthouse.failedAttempts);
  line('seconds, reports', `${lighthouse.seconds} s, bench-results/lighthouse/<page>.json`);

  const draw = values.small ? benchDraw({ children: 300, wishes: 2000 }) : benchDraw({ children: 3000, wishes: 20000 });
  section('Draw: the fair lottery in memory (median of 3), beside a Feriennet-style deferred acceptance on the same wishes', draw);
  report.draw = draw;

  Object.assign(report, { rush, bareEndpoint, bare, spread, work, costPer10kBookingsUsd: cost, scaling, scalingRatios, coldStarts, web, lighthouse });
  const failed = [rush, spread, lighthouse].flatMap((r) =>
    Object.entries(r.checks)
      .filter(([, ok]) => !ok)
      .map(([name]) => name),
  );
  mkdirSync('bench-results', { recursive: true });
  const file = `bench-results/${report.date as string}.json`.replaceAll(':', '-');
  writeFileSync(file, JSON.stringify(report, null, 2));
  writeFileSync('bench-results/latest.json', JSON.stringify(report, null, 2));
  console.log(`\nReport written to ${file}`);
  if (failed.length > 0) {
    console.error(`Invariant checks failed: ${failed.join('; ')}`);
    process.exitCode = 1;
  }
} finally {
  await server.stop();
}
