import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { sweepDueWork } from '../../functions/domain/due-work.js';
import { dueJobs } from '../../functions/domain/jobs.js';
import type { Offer } from '../../shared/schemas/offer.js';
import type { Participant } from '../../shared/schemas/provider.js';
import type { Registration } from '../../shared/schemas/registration.js';
import { book, createFamily, type Family } from '../support/booking.js';
import { createTestContext, testClock } from '../support/context.js';
import { parseIcsEvents } from '../support/ics.js';
import { pdfText } from '../support/pdf-text.js';
import { body, offerDraft, publishDraft, seedRegionConfig } from '../support/provider.js';
import { createUser, json } from '../support/users.js';

const DAY_MS = 24 * 3600 * 1000;
/** Monday 1 June 2026, 10:00 in Vienna. */
const START = new Date('2026-06-01T08:00:00Z');
/** A care day from 08:00 to 16:00 Vienna time (06:00–14:00 UTC) on the given day of July 2026. */
const careDay = (day: number, place: string, unitId?: string) => ({
  start: `2026-07-${String(day).padStart(2, '0')}T06:00:00.000Z`,
  end: `2026-07-${String(day).padStart(2, '0')}T14:00:00.000Z`,
  place,
  ...(unitId && { unitId }),
});

/**
 * Two weeks of holiday care published through the provider's API: week 1 (6 and 7 July) in the
 * Volksschule, week 2 (13 and 14 July) in the Hort, each session naming its week.
 */
async function prepare() {
  const clock = testClock(START);
  const t = await createTestContext({}, clock);
  await seedRegionConfig(t.ctx);
  const provider = await createUser(t.ctx, [{ role: 'provider', providerId: 'musikschule-sonnental' }]);
  const draft = offerDraft(START, {
    title: 'Ferienbetreuung Sommer',
    kind: 'holiday_care',
    ageRange: { min: 3, max: 10 },
    registrationCloses: '2026-07-01T20:00:00.000Z',
    sessions: [careDay(6, 'Volksschule', 'w1'), careDay(7, 'Volksschule', 'w1'), careDay(13, 'Hort', 'w2'), careDay(14, 'Hort', 'w2')],
    units: [
      { id: 'w1', label: 'Woche 1', capacity: 5 },
      { id: 'w2', label: 'Woche 2', capacity: 5 },
    ],
  });
  const { offer, path } = await publishDraft(t.app, provider, draft);
  const sessionOn = (day: number) => offer.sessions.find((s) => s.start.startsWith(`2026-07-${String(day).padStart(2, '0')}`))?.id ?? '';
  const bookWeeks = async (family: Family, units: string[]) =>
    body<{ items: Registration[] }>(book(t.app, family, { offerId: offer.id, items: units.map((unitId) => ({ unitId, childId: family.childIds[0] })) }));
  return { ...t, clock, provider, offer, path, sessionOn, bookWeeks };
}

describe('holiday care of several weeks, each session in its week', () => {
  it('puts on each week’s roll call only that week’s children, and the CSV and PDF say which week', async () => {
    // Prepare: one child in both weeks, another in week 2 only.
    const t = await prepare();
    const [both, second] = [await createFamily(t.ctx), await createFamily(t.ctx)];
    const [bothWeek1, bothWeek2] = (await t.bookWeeks(both, ['w1', 'w2'])).items;
    t.clock.advance(1000);
    const [secondWeek2] = (await t.bookWeeks(second, ['w2'])).items;
    const attendance = (day: number) => `${t.path}/sessions/${t.sessionOn(day)}/attendance`;

    // Act
    const strangerOnWeek1 = await t.app.request(attendance(6), json('PUT', { [secondWeek2?.id ?? '']: 'present' }, t.provider.headers));
    const week1 = await t.app.request(attendance(6), json('PUT', { [bothWeek1?.id ?? '']: 'present' }, t.provider.headers));
    const week2 = await t.app.request(attendance(13), json('PUT', { [bothWeek2?.id ?? '']: 'absent', [secondWeek2?.id ?? '']: 'excused' }, t.provider.headers));
    const participants = await body<{ items: Participant[] }>(t.app.request(`${t.path}/participants`, { headers: t.provider.headers }));
    const csv = await (await t.app.request(`${t.path}/attendance.csv`, { headers: t.provider.headers })).text();
    const pdf = await t.app.request(`${t.path}/attendance.pdf`, { headers: t.provider.headers });

    // Assess
    expect(strangerOnWeek1.status).toBe(400);
    expect((await strangerOnWeek1.json()).errors).toEqual([expect.objectContaining({ path: secondWeek2?.id })]);
    expect([week1.status, week2.status]).toEqual([200, 200]);
    expect(participants.items.map((p) => p.unitId).sort()).toEqual(['w1', 'w2', 'w2']);
    const [header, ...rows] = parse(csv, { bom: true, delimiter: ';' }) as string[][];
    expect(header).toEqual(['Kind', 'Gruppe', 'Erziehungsberechtigte', 'Telefon', '2026-07-06', '2026-07-07', '2026-07-13', '2026-07-14']);
    expect(rows.map((r) => [r[1], r[4], r[6]])).toEqual([
      ['Woche 1', 'anwesend', ''],
      ['Woche 2', '', 'abwesend'],
      ['Woche 2', '', 'entschuldigt'],
    ]);
    expect(pdf.status).toBe(200);
    const { pageTexts } = await pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(pageTexts.map((texts) => texts.find((s) => s.startsWith('Anwesenheitsliste')))).toEqual([
      'Anwesenheitsliste / Attendance: Ferienbetreuung Sommer – Woche 1',
      'Anwesenheitsliste / Attendance: Ferienbetreuung Sommer – Woche 2',
    ]);
    expect(pageTexts[0]).not.toContain('2026-07-13');
    expect(pageTexts[1]).not.toContain('2026-07-06');
  });

  it('tells a family booked into week 2 that week’s first day and place, with only its dates attached', async () => {
    // Prepare
    const t = await prepare();
    const family = await createFamily(t.ctx);

    // Act
    const [registration] = (await t.bookWeeks(family, ['w2'])).items;

    // Assess
    expect(registration?.status).toBe('confirmed');
    const [mail] = t.outbox.list(family.email);
    expect(mail?.text).toContain('13. Juli 2026');
    expect(mail?.text).toContain('Hort');
    expect(mail?.text).not.toContain('6. Juli 2026');
    expect(parseIcsEvents(mail?.ics ?? '').map((e) => [e.start, e.summary])).toEqual([
      [careDay(13, '').start, 'Ferienbetreuung Sommer – Woche 2'],
      [careDay(14, '').start, 'Ferienbetreuung Sommer – Woche 2'],
    ]);
  });

  it('reminds each week’s families days before their own week, not before the first', async () => {
    // Prepare
    const t = await prepare();
    const [week1, week2] = [await createFamily(t.ctx), await createFamily(t.ctx)];
    await t.bookWeeks(week1, ['w1']);
    await t.bookWeeks(week2, ['w2']);
    const sweep = () => sweepDueWork(t.ctx.ports, dueJobs(t.ctx.ports));
    const reminders = (f: Family) => t.outbox.list(f.email).filter((m) => m.subject.startsWith('Erinnerung'));

    // Act: two days before week 1 (the region's default), then two days before week 2.
    t.clock.set(new Date(Date.parse(careDay(6, '').start) - 2 * DAY_MS + 60_000));
    await sweep();
    const beforeWeek1 = [reminders(week1).length, reminders(week2).length];
    t.clock.set(new Date(Date.parse(careDay(13, '').start) - 2 * DAY_MS + 60_000));
    await sweep();

    // Assess
    expect(beforeWeek1).toEqual([1, 0]);
    expect([reminders(week1).length, reminders(week2).length]).toEqual([1, 1]);
    expect(reminders(week2)[0]?.text).toContain('13. Juli 2026 um 08:00, Ort: Hort');
  });

  it('refuses a session of a group the offer lacks, and a group without a date, naming the field in words', async () => {
    // Prepare
    const t = await prepare();
    const draft = (sessions: unknown[]) =>
      offerDraft(START, {
        sessions,
        units: [
          { id: 'a', label: 'A', capacity: 3 },
          { id: 'b', label: 'B', capacity: 3 },
        ],
      });
    const post = (d: unknown) => t.app.request('/api/provider/offers', json('POST', d, t.provider.headers));

    // Act
    const unknown = await post(draft([careDay(6, 'Hort', 'a'), careDay(7, 'Hort', 'c')]));
    const idle = await post(draft([careDay(6, 'Hort', 'a'), careDay(7, 'Hort', 'a')]));
    const patched = await t.app.request(t.path, json('PATCH', { sessions: [careDay(6, 'Hort', 'w9')] }, t.provider.headers));

    // Assess
    expect([unknown.status, idle.status, patched.status]).toEqual([400, 400, 400]);
    expect((await unknown.json()).errors).toEqual([
      expect.objectContaining({ path: 'sessions.1.unitId', message: expect.stringContaining('Diese Gruppe gibt es in diesem Angebot nicht.') }),
      expect.objectContaining({ path: 'units.1', code: 'unit_without_session' }),
    ]);
    expect((await idle.json()).errors).toEqual([
      expect.objectContaining({ path: 'units.1', message: expect.stringContaining('Diese Gruppe hat keinen Termin') }),
    ]);
    expect((await patched.json()).errors).toEqual([expect.objectContaining({ path: 'sessions.0.unitId' })]);
    expect((await body<Offer>(t.app.request(t.path, { headers: t.provider.headers }))).sessions).toHaveLength(4);
  });
});
