import type { LocalServer } from '../functions/api/local-server.js';
import { fetchOk, round, type Meter, type Usage } from './meter.js';
import { book, createFamilies, createOpenOffer } from './rush.js';
import { coordinatorHeaders, DASHBOARD_PATH } from './scaling.js';

export type OperationCost = {
  requests: number;
  readUnits: number;
  writeUnits: number;
  transactionalWriteUnits: number;
  byCommand: Record<string, number>;
};

const perOperation = (usage: Usage, times: number): OperationCost => ({
  requests: round(usage.requests / times, 2),
  readUnits: round(usage.read / times, 2),
  writeUnits: round(usage.write / times, 2),
  transactionalWriteUnits: round(usage.transactionalWrite / times, 2),
  byCommand: Object.fromEntries(Object.entries(usage.byCommand).map(([k, v]) => [k, round(v / times, 2)])),
});

/** Measures `op` run `times` times one after another; the meter sees nothing else meanwhile. */
async function measure(meter: Meter, times: number, op: (i: number) => Promise<unknown>): Promise<OperationCost> {
  meter.reset();
  for (let i = 0; i < times; i++) await op(i);
  return perOperation(meter.take(), times);
}

/**
 * DynamoDB requests and capacity units per user-facing operation, each done `times` times on
 * a unit of `times` places: bookings that get a place, bookings that wait, cancellations that
 * offer the freed place to the next in line, a catalog page, an offer's detail and the region's dashboard.
 */
export async function measureWork(server: LocalServer, meter: Meter, times = 10) {
  const { url } = server;
  const offer = await createOpenOffer(server, times);
  const families = await createFamilies(server, times * 2);
  const ids: string[] = [];
  const booked = async (family: (typeof families)[number], status: string) => {
    const answer = await book(url, family, offer.id);
    if (answer.status !== 201 || answer.body.status !== status) throw new Error(`booking answered ${answer.status} ${JSON.stringify(answer.body)}`);
    return (answer.body as { id: string }).id;
  };
  const confirmed = await measure(meter, times, async (i) => void ids.push(await booked(families[i]!, 'confirmed')));
  const waitlisted = await measure(meter, times, (i) => booked(families[times + i]!, 'waitlisted'));
  const cancellation = await measure(meter, times, (i) => fetchOk(`${url}/api/registrations/${ids[i]}`, { method: 'DELETE', headers: families[i]!.headers }));
  const offerListPage = await measure(meter, times, () => fetchOk(`${url}/api/offers?limit=20`));
  const offerDetail = await measure(meter, times, () => fetchOk(`${url}/api/offers/${offer.id}`));
  const headers = await coordinatorHeaders(server);
  const dashboard = await measure(meter, times, () => fetchOk(`${url}${DASHBOARD_PATH}`, { headers }));
  return {
    'booking (confirmed)': confirmed,
    'booking (waitlisted)': waitlisted,
    'cancellation with an offered place': cancellation,
    'offer list page': offerListPage,
    'offer detail': offerDetail,
    'dashboard (whole region)': dashboard,
  };
}

/**
 * On-demand prices assumed for eu-central-1 (USD): DynamoDB $0.7625 per million write request
 * units and $0.1525 per million read request units; transactional writes cost two units per
 * KB, which DynamoDB Local reports as one, hence the factor 2 on its write figures.
 */
const PRICES = { perMillionWrites: 0.7625, perMillionReads: 0.1525, localTransactionFactor: 2 };

/** Estimated DynamoDB cost of 10 000 bookings, from the measured units of one. */
export function costPer10kBookings(booking: OperationCost) {
  const cloudWriteUnits = booking.writeUnits + booking.transactionalWriteUnits * (PRICES.localTransactionFactor - 1);
  const writes = cloudWriteUnits * 10_000;
  const reads = booking.readUnits * 10_000;
  return round((writes / 1e6) * PRICES.perMillionWrites + (reads / 1e6) * PRICES.perMillionReads, 4);
}
