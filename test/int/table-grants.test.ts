import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { createApp } from '../../functions/api/app.js';
import { exportRoutes } from '../../functions/api/routes/exports.js';
import { loadConfig, type CloudEntryPoint } from '../../functions/config.js';
import { ensureTable } from '../../functions/db/bootstrap.js';
import { scanTable } from '../../functions/db/consistency.js';
import { toItem } from '../../functions/db/dynamo.js';
import { keys, partition, sortKey } from '../../functions/db/keys.js';
import { openMail, removeOutboxItem, sealMail } from '../../functions/db/mail-outbox.js';
import { tableGrants } from '../../functions/db/table-actions.js';
import { tellBooked } from '../../functions/domain/booking-confirmation.js';
import { attachingCalendars } from '../../functions/domain/sessions-ics.js';
import { sweepDueWork } from '../../functions/domain/due-work.js';
import { dueJobs } from '../../functions/domain/jobs.js';
import { offerFreedPlaces } from '../../functions/domain/waitlist.js';
import { jobs } from '../../functions/jobs/scheduled.js';
import { createStreamHandler, type StreamRecord } from '../../functions/jobs/stream-records.js';
import type { Mail } from '../../functions/ports/world.js';
import { buildRuntime, type Runtime } from '../../functions/runtime.js';
import type { Offer } from '../../shared/schemas/offer.js';
import type { Registration } from '../../shared/schemas/registration.js';
import { book, bornYearsAgo, cancel, createFamily } from '../support/booking.js';
import { createOffer } from '../support/offers.js';
import { body, createHousehold, offerDraft, seedRegionConfig } from '../support/provider.js';
import { retrySetup } from '../support/retry-setup.js';
import { recordTableCalls, ungranted, type TableCallRecorder } from '../support/table-calls.js';
import { createUser, json, type TestUser } from '../support/users.js';

/**
 * Each deployed function is granted exactly what its code sends to the table (tableGrants in
 * functions/db/table-actions.ts, read by infra/constructs/regiokurs-function.ts). Here each
 * cloud entry point is built as its Lambda builds it, driven through journeys that reach every
 * code path it deploys, and every command it sends is recorded: the recording must equal its
 * grant list, in both directions.
 */

/** What every cloud function's environment holds (infra sets these); DynamoDB Local stands in for the table. */
const cloudEnv = {
  APP_MODE: 'cloud',
  SESSION_SECRET: 'table-grants-test-secret-0123456789abcdef',
  MAIL_FROM: 'noreply@test.example',
  TIME_ZONE: 'Europe/Vienna',
  PUBLIC_URL: 'https://regiokurs.test.example',
};

type App = ReturnType<typeof createApp>;

/**
 * A fresh table, a runtime built exactly as the entry point's Lambda builds it, with a recorder
 * on its client, and a second, unrecorded runtime over the same table for what a test must find
 * there beforehand (region, accounts with roles, offers): test/support's helpers write through
 * its ports, so what they write is not counted as something the entry point sends.
 */
async function prepare(entry: CloudEntryPoint) {
  const env = { ...cloudEnv, TABLE_NAME: `t-${randomUUID()}`, DYNAMODB_ENDPOINT: inject('dynamoEndpoint') };
  const seed = buildRuntime(loadConfig(env, 'tool'), 'tool');
  await retrySetup(() => ensureTable(seed.table));
  // The stream function brings its SES sender; here a list stands in (SES sends no table command).
  const sent: Mail[] = [];
  const runtime = buildRuntime(loadConfig(env, entry), entry, { sender: { send: async (mail) => void sent.push(mail) } });
  const recorder = recordTableCalls(runtime.table.client);
  return { seed, seedApp: createApp(seed), runtime, recorder, sent };
}

/** Assess: the entry point sent exactly the actions it is granted, nothing ungranted, nothing granted in vain. */
function expectSendsExactlyItsGrants(recorder: TableCallRecorder, entry: CloudEntryPoint) {
  const recorded = recorder.actions();
  const granted = tableGrants[entry];
  expect(
    { ungranted: ungranted(recorded, granted), grantedButNeverSent: ungranted(granted, recorded) },
    `${entry} sent ${JSON.stringify(recorder.commands())}`,
  ).toEqual({ ungranted: [], grantedButNeverSent: [] });
}

const codeIn = (subject: string) => subject.match(/\d{6}/)?.[0] ?? '';

/** The e-mails the API wrote to the table (its cloud mailer, sealed) to one address, in no particular order. */
async function mailsTo(seed: Runtime, to: string): Promise<Mail[]> {
  const items = await scanTable(seed.table);
  return items
    .flatMap((i) => (String(i.sk).startsWith(sortKey.mail) ? [openMail(seed.keys.outbox, String(i.sealed))] : []))
    .filter((m): m is Mail => m?.to === to);
}

/** Every route the API function serves, as its users call them. */
const apiJourneys = {
  async health(app: App) {
    expect((await app.request('/api/health')).status).toBe(200);
  },

  /**
   * A new address asks for a code, guesses wrong once, signs in (the account is created) and out;
   * signs in on two devices, out of both at once, and in again for the journeys after this one.
   */
  async signIn(app: App, seed: Runtime): Promise<TestUser & { householdId: string }> {
    const email = `neu-${randomUUID().slice(0, 8)}@example.at`;
    // The table keeps no order of mails: the new code is in the one mail not there before.
    const newCode = async () => {
      const before = new Set((await mailsTo(seed, email)).map((m) => m.subject));
      expect((await app.request('/api/auth/code', json('POST', { email }))).status).toBe(202);
      const code = codeIn((await mailsTo(seed, email)).find((m) => !before.has(m.subject))?.subject ?? '');
      expect(code).toMatch(/^\d{6}$/);
      return code;
    };
    const startSession = async (code: string) => {
      const res = await app.request('/api/auth/session', json('POST', { email, code }));
      expect(res.status).toBe(200);
      const { token, user } = await body<{ token: string; user: { id: string; householdId: string } }>(res);
      return { user, headers: { Authorization: `Bearer ${token}` }, token };
    };
    const first = await newCode();
    const wrong = first === '000000' ? '111111' : '000000';
    expect((await app.request('/api/auth/session', json('POST', { email, code: wrong }))).status).toBe(401);
    const once = await startSession(first);
    expect((await app.request('/api/me', { headers: once.headers })).status).toBe(200);
    expect((await app.request('/api/auth/session', { method: 'DELETE', headers: once.headers })).status).toBe(204);
    const [phone] = [await startSession(await newCode()), await startSession(await newCode())];
    expect((await app.request('/api/auth/sessions', { method: 'DELETE', headers: phone.headers })).status).toBe(204);
    const { user, token, headers } = await startSession(await newCode());
    return { id: user.id, email, householdId: user.householdId, token, headers };
  },

  /** The family fills in its household and manages its children; returns the child it keeps. */
  async household(app: App, family: TestUser, seed: Runtime): Promise<string> {
    const h = family.headers;
    expect((await app.request('/api/family/household', json('PUT', { name: 'Eva Gruber', phone: '+43 660 111', postalCode: '4801' }, h))).status).toBe(200);
    expect((await app.request('/api/family/household', { headers: h })).status).toBe(200);
    const kept = await body<{ id: string }>(app.request('/api/family/children', json('POST', { firstName: 'Lena', birthDate: bornYearsAgo(seed, 4) }, h)));
    const other = await body<{ id: string }>(app.request('/api/family/children', json('POST', { firstName: 'Max', birthDate: bornYearsAgo(seed, 5) }, h)));
    expect((await app.request(`/api/family/children/${kept.id}`, json('PATCH', { notes: 'Abholung: Oma', notesConsent: true }, h))).status).toBe(200);
    expect((await body<{ items: unknown[] }>(app.request('/api/family/children', { headers: h }))).items).toHaveLength(2);
    expect((await app.request(`/api/family/children/${other.id}`, { method: 'DELETE', headers: h })).status).toBe(204);
    return kept.id;
  },

  /** The provider creates a one-place offer, edits it (a unit added and removed) and publishes it. */
  async publishOffer(app: App, provider: TestUser): Promise<Offer> {
    const created = await app.request(
      '/api/provider/offers',
      json('POST', offerDraft(new Date(), { units: [{ label: 'Gruppe', capacity: 1 }] }), provider.headers),
    );
    expect(created.status).toBe(201);
    const offer = await body<Offer>(created);
    const path = `/api/provider/offers/${offer.id}`;
    const unit = offer.units[0];
    const twoUnits = await body<Offer>(app.request(path, json('PATCH', { units: [unit, { label: 'Zweite', capacity: 2 }] }, provider.headers)));
    expect(twoUnits.units).toHaveLength(2);
    const published = await app.request(path, json('PATCH', { status: 'published', units: [unit] }, provider.headers));
    expect(published.status).toBe(200);
    expect((await app.request('/api/provider/offers', { headers: provider.headers })).status).toBe(200);
    expect((await app.request(path, { headers: provider.headers })).status).toBe(200);
    return body<Offer>(published);
  },

  async catalog(app: App, offer: Offer) {
    expect((await app.request('/api/region')).status).toBe(200);
    expect((await app.request('/api/municipalities')).status).toBe(200);
    expect((await body<{ items: Offer[] }>(app.request('/api/offers?limit=100'))).items.map((o) => o.id)).toContain(offer.id);
    expect((await app.request(`/api/offers/${offer.id}`)).status).toBe(200);
  },

  /** First family confirmed, second waitlisted, a repeated request answered from its stored answer. */
  async book(app: App, offer: Offer, first: TestUser, firstChild: string, second: TestUser, secondChild: string) {
    const unitId = offer.units[0]?.id;
    const key = randomUUID();
    const confirmed = await body<Registration>(book(app, first, { offerId: offer.id, unitId, childId: firstChild }, key));
    expect(confirmed.status).toBe('confirmed');
    const replay = await book(app, first, { offerId: offer.id, unitId, childId: firstChild }, key);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const waiting = await body<Registration>(book(app, second, { offerId: offer.id, unitId, childId: secondChild }));
    expect(waiting.status).toBe('waitlisted');
    expect(
      (await body<{ items: { waitlistPosition?: number }[] }>(app.request('/api/family/registrations', { headers: second.headers }))).items[0]
        ?.waitlistPosition,
    ).toBe(1);
    return { confirmed, waiting };
  },

  /** The confirmed family cancels; the waiting one moves up and is told. */
  /** The freed place is offered to the waiting family, which asks for more time and then accepts. */
  async cancelAndAcceptOffer(app: App, seed: Runtime, first: TestUser, confirmed: Registration, second: TestUser) {
    expect((await cancel(app, first, confirmed.id)).status).toBe(204);
    const offered = (await body<{ items: Registration[] }>(app.request('/api/family/registrations', { headers: second.headers }))).items[0];
    expect(offered?.status).toBe('offered');
    expect((await mailsTo(seed, second.email)).map((m) => m.subject)).toContainEqual(expect.stringContaining('Platz frei'));
    for (const answer of ['extend', 'accept']) {
      expect((await app.request(`/api/registrations/${offered?.id}/${answer}`, { method: 'POST', headers: second.headers })).status).toBe(200);
    }
  },

  async participantsAndAttendance(app: App, provider: TestUser, offer: Offer, registrationId: string) {
    const path = `/api/provider/offers/${offer.id}`;
    const session = offer.sessions[0]?.id ?? '';
    expect((await body<{ items: unknown[] }>(app.request(`${path}/participants`, { headers: provider.headers }))).items).toHaveLength(1);
    const marks = { [registrationId]: 'present' };
    expect((await app.request(`${path}/sessions/${session}/attendance`, json('PUT', marks, provider.headers))).status).toBe(200);
    expect(await body(app.request(`${path}/sessions/${session}/attendance`, { headers: provider.headers }))).toEqual(marks);
  },

  async dashboard(app: App, coordinator: TestUser) {
    const query = 'from=2000-01-01&to=2999-12-31';
    const dashboard = await body<{ totals: { offers: number } }>(app.request(`/api/dashboard?${query}`, { headers: coordinator.headers }));
    expect(dashboard.totals.offers).toBeGreaterThan(0);
  },

  /** The family takes its data along, then has it erased (its active registration is cancelled first). */
  async exportAndErase(app: App, family: TestUser) {
    expect((await body<{ registrations: unknown[] }>(app.request('/api/family/export', { headers: family.headers }))).registrations).toHaveLength(1);
    expect((await app.request('/api/family', { method: 'DELETE', headers: family.headers })).status).toBe(204);
  },

  /** A provider cancels one registration, then the whole offer (every family told). */
  async providerCancels(app: App, provider: TestUser, offer: Offer, family: TestUser, childId: string) {
    const r = await body<Registration>(book(app, family, { offerId: offer.id, unitId: offer.units[0]?.id, childId }));
    expect((await cancel(app, provider, r.id)).status).toBe(204);
    await book(app, family, { offerId: offer.id, unitId: offer.units[0]?.id, childId });
    expect((await app.request(`/api/provider/offers/${offer.id}`, json('PATCH', { status: 'cancelled' }, provider.headers))).status).toBe(200);
  },

  async admin(app: App, admin: TestUser) {
    const send = (method: string, path: string, payload?: unknown) =>
      app.request(path, payload === undefined ? { method, headers: admin.headers } : json(method, payload, admin.headers));
    expect((await send('POST', '/api/admin/municipalities', { id: 'au', name: 'Au an der Traun', postalCodes: ['4841'] })).status).toBe(201);
    expect((await send('PUT', '/api/admin/municipalities/au', { name: 'Au', postalCodes: ['4841'] })).status).toBe(200);
    expect((await send('GET', '/api/admin/municipalities')).status).toBe(200);
    const verein = { id: 'eltern-verein', name: 'Elternverein', kind: 'association', municipalityId: 'au' };
    expect((await send('POST', '/api/admin/providers', verein)).status).toBe(201);
    expect((await send('PUT', '/api/admin/providers/eltern-verein', { ...verein, id: undefined, name: 'Elternverein Au' })).status).toBe(200);
    expect((await send('GET', '/api/admin/providers')).status).toBe(200);
    // One address new (the account is created), one existing (its roles replaced).
    expect((await send('PUT', '/api/admin/roles', { email: 'koordination@au.example', roles: [{ role: 'municipality', municipalityId: 'au' }] })).status).toBe(
      200,
    );
    expect(
      (await send('PUT', '/api/admin/roles', { email: 'koordination@au.example', roles: [{ role: 'provider', providerId: 'eltern-verein' }] })).status,
    ).toBe(200);
  },
};

describe('table grants: every function is granted exactly what its code sends', () => {
  it('api: every route together sends exactly tableGrants.api (BatchGetItem for the dashboard included)', async () => {
    // Prepare
    const { seed, runtime, recorder } = await prepare('api');
    await seedRegionConfig(seed);
    const admin = await createUser(seed, [{ role: 'admin' }]);
    const provider = await createUser(seed, [{ role: 'provider', providerId: 'sportunion-lindach' }]);
    const coordinator = await createUser(seed, [{ role: 'municipality', municipalityId: 'lindach' }]);
    const waiting = await createHousehold(seed, { name: 'Sepp Huber', phone: '+43 664 333', postalCode: '4811' }, [
      { firstName: 'Lotte', birthDate: bornYearsAgo(seed, 4) },
    ]);
    const third = await createFamily(seed, 1, 4);
    const app = createApp(runtime);

    // Act
    await apiJourneys.health(app);
    const family = await apiJourneys.signIn(app, seed);
    const childId = await apiJourneys.household(app, family, seed);
    const offer = await apiJourneys.publishOffer(app, provider);
    await apiJourneys.catalog(app, offer);
    const { confirmed } = await apiJourneys.book(app, offer, family, childId, waiting, waiting.children[0]?.id ?? '');
    await apiJourneys.cancelAndAcceptOffer(app, seed, family, confirmed, waiting);
    const promoted = (await body<{ items: Registration[] }>(app.request('/api/family/registrations', { headers: waiting.headers }))).items[0];
    await apiJourneys.participantsAndAttendance(app, provider, offer, promoted?.id ?? '');
    await apiJourneys.dashboard(app, coordinator);
    await apiJourneys.exportAndErase(app, waiting);
    await apiJourneys.providerCancels(app, provider, offer, third, third.childIds[0] ?? '');
    await apiJourneys.admin(app, admin);

    // Assess
    expectSendsExactlyItsGrants(recorder, 'api');
    expect(tableGrants.api).toContain('BatchGetItem');
  });

  it('exports: the files it serves (calendar feeds, CSV and PDF lists) send exactly tableGrants.exports', async () => {
    // Prepare: an offer with a confirmed and a waiting family and a mark, as the API leaves it, and the first family's private feed.
    const { seed, seedApp, runtime, recorder } = await prepare('exports');
    await seedRegionConfig(seed);
    const provider = await createUser(seed, [{ role: 'provider', providerId: 'sportunion-lindach' }]);
    const coordinator = await createUser(seed, [{ role: 'municipality', municipalityId: 'lindach' }]);
    const offer = await createOffer(seed, { units: [{ id: 'u1', label: 'Gruppe', capacity: 1, confirmed: 0, waiting: 0 }] });
    const families = [await createFamily(seed), await createFamily(seed)];
    const booked: Registration[] = [];
    for (const f of families) booked.push(await body<Registration>(book(seedApp, f, { offerId: offer.id, unitId: 'u1', childId: f.childIds[0] })));
    const marks = { [booked[0]?.id ?? '']: 'present' };
    expect((await seedApp.request(`/api/provider/offers/${offer.id}/sessions/s1/attendance`, json('PUT', marks, provider.headers))).status).toBe(200);
    const feed = await body<{ url: string }>(seedApp.request('/api/family/calendar-feed', json('POST', { childNames: true }, families[0]?.headers)));
    // The exports Lambda's app, exactly as functions/api/exports-lambda.ts builds it.
    const app = createApp(runtime, [exportRoutes]);
    const path = `/api/provider/offers/${offer.id}`;

    // Act
    const answers = [
      await app.request(`${path}/attendance.pdf`, { headers: provider.headers }),
      await app.request(`${path}/attendance.csv`, { headers: provider.headers }),
      await app.request('/api/dashboard.csv?from=2000-01-01&to=2999-12-31', { headers: coordinator.headers }),
      await app.request('/api/calendar.ics'),
      await app.request(`/api/calendar.ics?offer=${offer.id}`),
      await app.request(new URL(feed.url).pathname),
    ];

    // Assess
    expect(answers.map((res) => [res.status, res.headers.get('content-type')?.split(';')[0]])).toEqual([
      [200, 'application/pdf'],
      [200, 'text/csv'],
      [200, 'text/csv'],
      [200, 'text/calendar'],
      [200, 'text/calendar'],
      [200, 'text/calendar'],
    ]);
    expectSendsExactlyItsGrants(recorder, 'exports');
  });

  it('stream: offering the places of a unit that owes them, sending an outbox e-mail and the bookings’ confirmations send exactly tableGrants.stream', async () => {
    // Prepare: a unit with a free place while a family waits (a cancellation whose offer did not run).
    const { seed, seedApp, runtime, recorder, sent } = await prepare('stream');
    const offer = await createOffer(seed, { units: [{ id: 'u1', label: 'Gruppe', capacity: 1, confirmed: 0, waiting: 0 }] });
    const [first, second] = [await createFamily(seed), await createFamily(seed)];
    const confirmed = await body<Registration>(book(seedApp, first, { offerId: offer.id, unitId: 'u1', childId: first.childIds[0] }));
    const waiting = await body<Registration>(book(seedApp, second, { offerId: offer.id, unitId: 'u1', childId: second.childIds[0] }));
    expect([confirmed.status, waiting.status]).toEqual(['confirmed', 'waitlisted']);
    const stored = await seed.ports.registrations.getRegistration(confirmed.id);
    if (!stored) throw new Error('registration missing');
    expect(await seed.ports.registrations.cancel(stored, new Date().toISOString())).toBe(true);
    const unit = await seed.ports.waitlists.getUnit(offer.id, 'u1');
    expect(unit).toMatchObject({ free: 1, waiting: 1 });
    const image = (item: Record<string, unknown>) => toItem(item) as NonNullable<NonNullable<StreamRecord['dynamodb']>['NewImage']>;
    const unitKey = keys.unit(offer.id, 'u1');
    const mailKey = keys.mail('digest', randomUUID());
    // The confirmations the two bookings filed (the seed's runtime leaves them to the stream).
    const booked = (await scanTable(seed.table)).filter((item) => String(item.pk).startsWith(partition.bookedMail));
    expect(booked).toHaveLength(2);
    const records: StreamRecord[] = [
      ...booked.map((item): StreamRecord => ({ eventName: 'INSERT', dynamodb: { Keys: image({ pk: item.pk, sk: item.sk }), NewImage: image(item) } })),
      { eventName: 'MODIFY', dynamodb: { Keys: image(unitKey), NewImage: image({ ...unitKey, ...unit }) } },
      {
        eventName: 'INSERT',
        dynamodb: {
          Keys: image(mailKey),
          NewImage: image({
            ...mailKey,
            sealed: sealMail(runtime.keys.outbox, { to: first.email, subject: 'Hallo', text: 'Text', calendar: { offerId: offer.id, unitIds: ['u1'] } }),
          }),
        },
      },
    ];
    // Wired as functions/jobs/stream.ts wires it, with the list in place of SES as its sender.
    const ports = { ...runtime.ports, mailer: attachingCalendars(runtime.ports.mailer, runtime.ports) };
    const handler = createStreamHandler({
      mailer: ports.mailer,
      outboxKey: runtime.keys.outbox,
      removeSent: (key) => removeOutboxItem(runtime.table, key),
      tellBooked: (mail) => tellBooked(ports, mail),
      logger: { info: () => undefined },
      offerPlaces: (o, u) => offerFreedPlaces(ports, o, u),
    });

    // Act
    await handler({ Records: records });

    // Assess
    expect((await seed.ports.registrations.getRegistration(waiting.id))?.status).toBe('offered');
    // Each family its confirmation, the first the outbox mail, the second the place offered.
    expect(sent.map((m) => m.to).sort()).toEqual([first.email, first.email, second.email, second.email].sort());
    // The outbox mail named its dates; the stream attached them.
    expect(sent.find((m) => m.subject === 'Hallo')?.ics).toContain('BEGIN:VEVENT');
    expectSendsExactlyItsGrants(recorder, 'stream');
  });

  it('scheduled: a sweep running every kind of due work sends exactly tableGrants.scheduled', async () => {
    // Prepare: work of every kind that fell due a moment ago, each with something to do. What
    // must lie in the past is written through a runtime whose clock is three days behind.
    const { seed, seedApp, runtime, recorder } = await prepare('scheduled');
    await seedRegionConfig(seed);
    const DAY = 24 * 3600 * 1000;
    const realNow = Date.now();
    const dueNow = new Date(realNow - 60_000).toISOString();
    const past = buildRuntime(seed.config, 'tool', { clock: { now: () => new Date(realNow - 3 * DAY) } });
    const pastApp = createApp(past);
    // An offered place whose deadline passed yesterday, with a family waiting behind it.
    const line = await createOffer(past, { units: [{ id: 'u1', label: 'Gruppe', capacity: 1, confirmed: 0, waiting: 0 }] });
    const [holder, offeredTo, behind] = [await createFamily(past), await createFamily(past), await createFamily(past)];
    const held: Registration[] = [];
    for (const f of [holder, offeredTo, behind])
      held.push(await body<Registration>(book(pastApp, f, { offerId: line.id, unitId: 'u1', childId: f.childIds[0] })));
    expect((await cancel(pastApp, holder, held[0]?.id ?? '')).status).toBe(204);
    // A registration opening a family asked about.
    const opening = await createOffer(seed, { registrationOpens: dueNow });
    const asking = await createFamily(seed);
    await seed.ports.openingNotices.add({ offerId: opening.id, householdId: asking.householdId, createdAt: dueNow });
    await seed.ports.dueWork.schedule({ kind: 'registration-opening', subject: opening.id, dueAt: dueNow });
    // Reminders for an offer starting tomorrow.
    const start = new Date(realNow + DAY).toISOString();
    const soon = await createOffer(seed, { sessions: [{ id: 's1', start, end: new Date(realNow + DAY + 3600_000).toISOString(), place: 'Turnsaal' }] });
    const booked = await createFamily(seed);
    await book(seedApp, booked, { offerId: soon.id, unitId: 'u1', childId: booked.childIds[0] });
    await seed.ports.dueWork.schedule({ kind: 'reminders', subject: soon.id, dueAt: dueNow });
    // An offer that ended fourteen months ago, with a registration to erase.
    const longAgo = new Date(realNow - 425 * DAY).toISOString();
    const ended = await createOffer(seed, {
      sessions: [{ id: 's1', start: longAgo, end: new Date(Date.parse(longAgo) + 3600_000).toISOString(), place: 'Turnsaal' }],
    });
    const former = await createFamily(seed);
    await book(seedApp, former, { offerId: ended.id, unitId: 'u1', childId: former.childIds[0] });
    await seed.ports.dueWork.schedule({ kind: 'retention', subject: ended.id, dueAt: dueNow });
    // A family silent for two and a half years, warned long ago, still holding a booking.
    const silent = await createFamily(seed);
    await book(seedApp, silent, { offerId: soon.id, unitId: 'u1', childId: silent.childIds[0] });
    await seed.ports.users.recordActivity(silent.id, new Date(realNow - 900 * DAY).toISOString());
    await seed.ports.users.recordInactivityWarning(silent.id, new Date(realNow - 800 * DAY).toISOString());
    await seed.ports.dueWork.schedule({ kind: 'account-inactive', subject: silent.id, dueAt: dueNow });
    // The scheduled function's one job, as a schedule names it.
    expect(Object.keys(jobs)).toEqual(['sweep']);

    // Act: the sweep, wired as `jobs.sweep` wires it.
    const ran = await sweepDueWork(runtime.ports, dueJobs(runtime.ports));

    // Assess
    expect(ran.map((r) => [r.kind, r.outcome]).sort()).toEqual(
      [
        ['account-inactive', 'done'],
        ['offer-expiry', 'done'],
        ['offer-places', 'done'],
        ['registration-opening', 'done'],
        ['reminders', 'done'],
        ['retention', 'done'],
      ].sort(),
    );
    expect((await seed.ports.registrations.getRegistration(held[1]?.id ?? ''))?.status).toBe('expired');
    expect((await seed.ports.registrations.getRegistration(held[2]?.id ?? ''))?.status).toBe('offered');
    expect(await seed.ports.users.getUser(silent.id)).toBeUndefined();
    expectSendsExactlyItsGrants(recorder, 'scheduled');
  });

  it('catches a new call: a repository method sending a Scan is reported as ungranted for the API', async () => {
    // Prepare: the API runtime with a test-only repository method that scans (a fixture, not product code).
    const { runtime, recorder } = await prepare('api');
    const { client, tableName } = runtime.table;
    const withScan = {
      ...runtime,
      ports: {
        ...runtime.ports,
        offers: {
          ...runtime.ports.offers,
          async countAllItems() {
            return (await client.send(new ScanCommand({ TableName: tableName, Select: 'COUNT' }))).Count ?? 0;
          },
        },
      },
    };
    await apiJourneys.health(createApp(withScan));

    // Act
    await withScan.ports.offers.countAllItems();

    // Assess
    expect(ungranted(recorder.actions(), tableGrants.api)).toEqual(['Scan']);
    expect(() => expectSendsExactlyItsGrants(recorder, 'api')).toThrow(/Scan/);
  });
});
