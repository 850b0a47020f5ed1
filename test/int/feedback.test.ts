import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../support/context.js';
import { seedRegionConfig } from '../support/provider.js';
import { json } from '../support/users.js';

/** The accessibility statement's feedback channel: anyone writes, the region's coordination reads it by e-mail. */
describe('accessibility feedback', () => {
  let t: Awaited<ReturnType<typeof createTestContext>>;
  const coordination = 'koordination@sonnental.example';
  const send = (body: unknown) => t.app.request('/api/feedback', json('POST', body));

  beforeAll(async () => {
    t = await createTestContext();
    await seedRegionConfig(t.ctx);
  });

  it('reaches the region’s coordination with the message, the page and where to answer', async () => {
    // Act
    const res = await send({ message: 'Der Kalender-Filter ist mit dem Screenreader nicht bedienbar.', replyTo: 'Leser@Example.at', page: '/' });

    // Assess
    expect(res.status).toBe(202);
    const [mail] = t.outbox.list(coordination);
    expect(mail?.subject).toBe('Rückmeldung zur Barrierefreiheit / Accessibility feedback');
    expect(mail?.text).toContain('Der Kalender-Filter ist mit dem Screenreader nicht bedienbar.');
    expect(mail?.text).toContain('Antwort erbeten an: leser@example.at');
    expect(mail?.text).toContain('(zur Seite /)');
  });

  it('refuses an empty message or a bad reply address with 400 naming the field, and sends nothing', async () => {
    // Prepare
    const before = t.outbox.list(coordination).length;

    // Act
    const [empty, address] = [await send({ message: '   ' }), await send({ message: 'Hallo', replyTo: 'keine-adresse' })];

    // Assess
    expect([empty.status, address.status]).toEqual([400, 400]);
    expect(((await empty.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['message']);
    expect(((await address.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['replyTo']);
    expect(t.outbox.list(coordination)).toHaveLength(before);
  });

  it('stops at 30 messages an hour for the whole region, so the team’s inbox cannot be flooded', async () => {
    // Prepare: a region of its own, so the count starts at zero.
    const own = await createTestContext();
    await seedRegionConfig(own.ctx);

    // Act
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (async () => (await own.app.request('/api/feedback', json('POST', { message: `Nachricht ${i}` }))).status)()),
    );

    // Assess
    expect(statuses.filter((s) => s === 202)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    expect(own.outbox.list(coordination)).toHaveLength(30);
  });
});
