import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { createApp } from '../../functions/api/app.js';
import { loadConfig } from '../../functions/config.js';
import { ensureTable } from '../../functions/db/bootstrap.js';
import { scanTable } from '../../functions/db/consistency.js';
import { toItem } from '../../functions/db/dynamo.js';
import { partition, sortKey } from '../../functions/db/keys.js';
import { openMail, removeOutboxItem } from '../../functions/db/mail-outbox.js';
import { tellBooked } from '../../functions/domain/booking-confirmation.js';
import { attachingCalendars } from '../../functions/domain/sessions-ics.js';
import { createStreamHandler, type StreamRecord } from '../../functions/jobs/stream-records.js';
import type { Mail } from '../../functions/ports/world.js';
import { buildRuntime } from '../../functions/runtime.js';
import { retrySetup } from '../support/retry-setup.js';
import { fileTableCalls } from '../support/table-calls.js';
import { book, createFamily } from '../support/booking.js';
import { createOffer } from '../support/offers.js';
import { seedRegionConfig } from '../support/provider.js';
import { createUser, json } from '../support/users.js';

/**
 * The cloud outbox as the API and the stream function use it, over DynamoDB Local: the API
 * writes each e-mail to the table, the stream function sends it from the insert's record.
 */
async function cloud() {
  const env = {
    APP_MODE: 'cloud',
    SESSION_SECRET: `outbox-test-${randomUUID()}`,
    MAIL_FROM: 'noreply@test.example',
    TIME_ZONE: 'Europe/Vienna',
    TABLE_NAME: `t-${randomUUID()}`,
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
  };
  const api = buildRuntime(loadConfig(env, 'api'), 'api');
  fileTableCalls.attach(api.table.client);
  await retrySetup(() => ensureTable(api.table));
  const outboxItems = async () => (await scanTable(api.table)).filter((i) => String(i.sk).startsWith(sortKey.mail));
  const bookedMailItems = async () => (await scanTable(api.table)).filter((i) => String(i.pk).startsWith(partition.bookedMail));
  /** The stream function, wired as functions/jobs/stream.ts wires it, with a list in place of SES. */
  const sent: Mail[] = [];
  const stream = buildRuntime(loadConfig(env, 'stream'), 'stream', { sender: { send: async (m) => void sent.push(m) } });
  const handle = createStreamHandler({
    mailer: attachingCalendars(stream.ports.mailer, stream.ports),
    outboxKey: stream.keys.outbox,
    removeSent: (key) => removeOutboxItem(stream.table, key),
    tellBooked: (mail) => tellBooked(stream.ports, mail),
    logger: { info: () => undefined },
    offerPlaces: async () => undefined,
  });
  /** What DynamoDB Streams hands the stream function for each item inserted. */
  const insertsOf = (items: Record<string, unknown>[]): StreamRecord[] =>
    items.map((item) => ({ eventName: 'INSERT', dynamodb: { Keys: toItem({ pk: item.pk, sk: item.sk }), NewImage: toItem(item) } }) as StreamRecord);
  return { api, app: createApp(api), outboxItems, bookedMailItems, sent, handle, insertsOf };
}

describe('the cloud outbox', () => {
  it('stores a login code mail sealed: no address, code or text readable, gone within the code’s ten minutes', async () => {
    // Prepare
    const { app, api, outboxItems } = await cloud();
    const email = 'geheim@example.at';

    // Act
    expect((await app.request('/api/auth/code', json('POST', { email }))).status).toBe(202);

    // Assess: one item; opened with the outbox key it is the code mail.
    const [item, ...more] = await outboxItems();
    expect(more).toEqual([]);
    const mail = openMail(api.keys.outbox, String(item?.sealed));
    const code = mail?.subject.match(/\d{6}/)?.[0];
    expect(mail?.to).toBe(email);
    expect(code).toMatch(/^\d{6}$/);
    const stored = JSON.stringify(item);
    expect(stored).not.toContain(email);
    expect(stored).not.toContain(code);
    expect(Number(item?.expiresAt) - Date.now() / 1000).toBeLessThanOrEqual(10 * 60);
  });

  it('sends each mail once from its insert and deletes the item, so nothing is kept after delivery', async () => {
    // Prepare
    const { app, outboxItems, sent, handle, insertsOf } = await cloud();
    for (const email of ['a@example.at', 'b@example.at']) await app.request('/api/auth/code', json('POST', { email }));

    // Act
    await handle({ Records: insertsOf(await outboxItems()) });

    // Assess
    expect(sent.map((m) => m.to).sort()).toEqual(['a@example.at', 'b@example.at']);
    expect(await outboxItems()).toEqual([]);
  });

  it('takes a family’s mail still waiting along when the family erases itself, and leaves others’ mail', async () => {
    // Prepare: mail waiting for the family and for someone else (the stream has not run).
    const { app, api, outboxItems } = await cloud();
    const family = await createUser(api);
    await api.ports.mailer.send({ to: family.email, subject: 'Erinnerung / reminder', text: 'Morgen / tomorrow' });
    await api.ports.mailer.send({ to: 'andere@example.at', subject: 'Hallo', text: 'Text' });

    // Act
    const erased = await app.request('/api/family', { method: 'DELETE', headers: family.headers });

    // Assess
    expect(erased.status).toBe(204);
    const left = (await outboxItems()).map((i) => openMail(api.keys.outbox, String(i.sealed))?.to);
    expect(left).toEqual(['andere@example.at']);
  });

  it('files the confirmation of a booking in the booking’s own transaction, without names, and the stream sends it with the dates', async () => {
    // Prepare: a family with two children and an offer of one place.
    const { api, app, outboxItems, bookedMailItems, sent, handle, insertsOf } = await cloud();
    await seedRegionConfig(api);
    const offer = await createOffer(api, { units: [{ id: 'u1', label: 'Gruppe A', capacity: 1, confirmed: 0, waiting: 0 }] });
    const family = await createFamily(api, 2);
    const key = randomUUID();
    const request = { offerId: offer.id, items: family.childIds.map((childId) => ({ unitId: 'u1', childId })) };

    // Act: the booking, then the same request again (a client's retry).
    const first = await book(app, family, request, key);
    const again = await book(app, family, request, key);

    // Assess: one item for the one booking, none for the repeat, and no outbox mail from the API.
    expect([first.status, again.status, again.headers.get('Idempotent-Replayed')]).toEqual([201, 201, 'true']);
    const filed = await bookedMailItems();
    expect(filed).toHaveLength(1);
    expect(await outboxItems()).toEqual([]);
    const stored = JSON.stringify(filed);
    expect(stored).not.toContain(family.email);
    expect(stored).not.toContain('Kind1');

    // Act: the stream function gets the insert.
    await handle({ Records: insertsOf(filed) });

    // Assess: the family's e-mail names both children, the one with the place and the one 1st in
    // line, carries the calendar file of the confirmed place, and the item is gone.
    expect(sent.map((m) => m.to)).toEqual([family.email]);
    const [mail] = sent;
    expect(mail?.text).toContain('Kind1');
    expect(mail?.text).toMatch(/Kind2[^\n]*\b1\b/);
    expect(mail?.ics).toContain('BEGIN:VEVENT');
    expect(await bookedMailItems()).toEqual([]);
  });
});
