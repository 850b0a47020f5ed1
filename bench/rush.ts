import { randomUUID } from 'node:crypto';
import type { LocalServer } from '../functions/api/local-server.js';
import type { Offer } from '../shared/schemas/offer.js';
import { createOffer } from '../test/support/offers.js';
import { createUser, signInAgain } from '../test/support/users.js';
import { percentiles, round, type Meter } from './meter.js';

export type Family = { headers: Record<string, string>; childId: string };

/** `n` families with one child each, signed in with real session tokens after the child was added. */
export async function createFamilies(server: LocalServer, n: number): Promise<Family[]> {
  const { ctx } = server;
  const families: Family[] = [];
  for (let start = 0; start < n; start += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, n - start) }, async () => {
        const user = await createUser(ctx);
        const childId = randomUUID();
        await ctx.ports.households.addChild(user.householdId!, { id: childId, firstName: 'Kim', birthDate: '2018-04-01' }, new Date().toISOString());
        // Signed in once the child exists, as families set up before the rush: the token knows the household.
        return { headers: (await signInAgain(ctx, user)).headers, childId };
      }),
    );
    families.push(...batch);
  }
  return families;
}

/** A published, open offer with one unit of `capacity` places and a waitlist, for any age. */
export const createOpenOffer = (server: LocalServer, capacity: number): Promise<Offer> =>
  createOffer(server.ctx, {
    title: 'Ferienbetreuung (Benchmark)',
    kind: 'holiday_care',
    ageRange: { min: 0, max: 17 },
    units: [{ id: 'u1', label: 'Woche 1', capacity, confirmed: 0, waiting: 0 }],
  });

export type Timed = { status: number; ms: number; body: { status?: string; waitlistPosition?: number } };

/** Sends one booking over HTTP and times it. */
export async function book(url: string, family: Family, offerId: string, unitId = 'u1'): Promise<Timed> {
  const started = performance.now();
  const res = await fetch(`${url}/api/registrations`, {
    method: 'POST',
    headers: { ...family.headers, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
    body: JSON.stringify({ offerId, unitId, childId: family.childId }),
  });
  const body = (await res.json()) as Timed['body'];
  return { status: res.status, ms: performance.now() - started, body };
}

/** What the families see afterwards: each waitlisted registration's position. */
async function waitlistPositions(url: string, families: Family[]): Promise<number[]> {
  const positions: number[] = [];
  for (let i = 0; i < families.length; i += 50) {
    const pages = await Promise.all(
      families.slice(i, i + 50).map(async (f) => {
        const res = await fetch(`${url}/api/family/registrations`, { headers: f.headers });
        return ((await res.json()) as { items: { status: string; waitlistPosition?: number }[] }).items;
      }),
    );
    for (const item of pages.flat()) if (item.status === 'waitlisted' && item.waitlistPosition) positions.push(item.waitlistPosition);
  }
  return positions.sort((a, b) => a - b);
}

/**
 * `families` families press "book" at the same instant for `offers` offers of one unit with
 * `capacity` places each (family i books offer i mod offers), over HTTP against the real server.
 */
export async function runRush(server: LocalServer, meter: Meter, opts: { families: number; offers: number; capacity: number }) {
  const offers = await Promise.all(Array.from({ length: opts.offers }, () => createOpenOffer(server, opts.capacity)));
  const families = await createFamilies(server, opts.families);
  meter.reset();
  const started = performance.now();
  const answers = await Promise.all(families.map((f, i) => book(server.url, f, offers[i % offers.length]!.id)));
  const seconds = (performance.now() - started) / 1000;
  const usage = meter.take();

  const byStatus: Record<string, number> = {};
  for (const a of answers) {
    const key = a.status === 201 ? `201 ${a.body.status}` : String(a.status);
    byStatus[key] = (byStatus[key] ?? 0) + 1;
  }
  const details = await Promise.all(offers.map(async (o) => (await (await fetch(`${server.url}/api/offers/${o.id}`)).json()) as Offer));
  const perOffer = (i: number) => families.filter((_, j) => j % offers.length === i);
  const checks: Record<string, boolean> = {
    'confirmed = min(capacity, bookers) in every unit': details.every((d, i) => d.units[0]!.confirmed === Math.min(opts.capacity, perOffer(i).length)),
    'no 5xx': answers.every((a) => a.status < 500),
  };
  for (const [i, offer] of offers.entries()) {
    const mine = perOffer(i);
    const positions = await waitlistPositions(server.url, mine);
    const expected = Array.from({ length: Math.max(0, mine.length - opts.capacity) }, (_, k) => k + 1);
    checks[`waitlist of ${offer.id} is 1..${expected.length}, each once`] = JSON.stringify(positions) === JSON.stringify(expected);
    // What each family was told at once, in the booking's own answer.
    const told = answers
      .filter((a, j) => j % offers.length === i && a.body.status === 'waitlisted')
      .map((a) => a.body.waitlistPosition ?? 0)
      .sort((a, b) => a - b);
    checks[`POST answers of ${offer.id} told positions 1..${expected.length}, each once`] = JSON.stringify(told) === JSON.stringify(expected);
  }
  return {
    families: opts.families,
    offers: opts.offers,
    capacity: opts.capacity,
    seconds: round(seconds, 2),
    throughputPerSecond: round(opts.families / seconds),
    latencyMs: Object.fromEntries(Object.entries(percentiles(answers.map((a) => a.ms))).map(([k, v]) => [k, round(v)])),
    answers: byStatus,
    dynamo: {
      requestsPerBooking: round(usage.requests / opts.families, 2),
      byCommand: usage.byCommand,
      meanMsByCommand: Object.fromEntries(Object.entries(usage.msByCommand).map(([k, ms]) => [k, round(ms / (usage.byCommand[k] ?? 1))])),
    },
    checks,
  };
}
