import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { ageOn, dayIn } from '../../shared/dates.js';
import type { Participant } from '../../shared/schemas/provider.js';
import type { Registration } from '../../shared/schemas/registration.js';
import { createTestContext, testClock } from '../support/context.js';
import { createOffer } from '../support/offers.js';
import { createUser, json, type TestUser } from '../support/users.js';
import { book, bornYearsAgo } from '../support/booking.js';
import { pdfText } from '../support/pdf-text.js';
import { body, createHousehold, seedRegionConfig, type Household } from '../support/provider.js';

type Problem = { status: number; errors?: { path: string }[] };

describe('participants and attendance', () => {
  let t: Awaited<ReturnType<typeof createTestContext>>;
  const clock = testClock();
  let provider: TestUser;

  beforeAll(async () => {
    t = await createTestContext({}, clock);
    await seedRegionConfig(t.ctx);
    provider = await createUser(t.ctx, [{ role: 'provider', providerId: 'sportunion-lindach' }]);
  });

  /**
   * The provider's course of two sessions with a unit of two places, and three families who
   * booked it a moment apart: the first two are confirmed, the third waits.
   */
  async function prepareCourse() {
    const now = t.clock.now().getTime();
    const at = (days: number, hour: number) => new Date(now + days * 86_400_000 + hour * 3_600_000).toISOString();
    const offer = await createOffer(t.ctx, {
      title: 'Kinderturnen in Lindach',
      sessions: [
        { id: 's1', start: at(7, 0), end: at(7, 1), place: 'Turnsaal' },
        { id: 's2', start: at(14, 0), end: at(14, 1), place: 'Turnsaal' },
      ],
      units: [{ id: 'u1', label: 'Gruppe', capacity: 2, confirmed: 0, waiting: 0 }],
    });
    const families: Household[] = [
      await createHousehold(t.ctx, { name: 'Jürgen Müller', phone: '+43 660 1111111', postalCode: '4801' }, [
        { firstName: 'Zoë', birthDate: bornYearsAgo(t.ctx, 5), notes: 'Nussallergie; abholen darf Oma Grete' },
      ]),
      await createHousehold(t.ctx, { name: 'Ayşe Öztürk', phone: '+43 676 2222222', postalCode: '4821' }, [
        { firstName: 'Björn', birthDate: bornYearsAgo(t.ctx, 7) },
      ]),
      await createHousehold(t.ctx, { name: 'Sepp Huber', phone: '+43 664 3333333', postalCode: '4811' }, [
        { firstName: 'Lotte', birthDate: bornYearsAgo(t.ctx, 4) },
      ]),
    ];
    const registrations: Registration[] = [];
    for (const f of families) {
      registrations.push(await body<Registration>(book(t.app, f, { offerId: offer.id, unitId: 'u1', childId: f.children[0]?.id })));
      // Bookings a moment apart, as in life: the list shows the confirmed in booking order.
      clock.advance(1000);
    }
    const base = `/api/provider/offers/${offer.id}`;
    return { offer, families, registrations, base };
  }

  const put = (path: string, marks: unknown) => t.app.request(path, json('PUT', marks, provider.headers));
  const get = (path: string) => t.app.request(path, { headers: provider.headers });

  it('lists confirmed then waiting, with exactly child first name and age, guardian name and phone, notes', async () => {
    // Prepare
    const { offer, families, registrations, base } = await prepareCourse();

    // Act
    const res = await get(`${base}/participants`);

    // Assess
    expect(res.status).toBe(200);
    const text = await res.text();
    const { items } = JSON.parse(text) as { items: Participant[] };
    const firstDay = dayIn(t.ctx.config.TIME_ZONE, offer.sessions[0]?.start ?? '');
    expect(items).toEqual(
      families.map((f, i) => ({
        registrationId: registrations[i]?.id,
        unitId: 'u1',
        status: i < 2 ? 'confirmed' : 'waitlisted',
        ...(i === 2 && { waitlistPosition: 1 }),
        child: { firstName: f.children[0]?.firstName, age: ageOn(f.children[0]?.birthDate ?? '', firstDay) },
        guardian: { name: f.guardian.name, phone: f.guardian.phone },
        ...(f.children[0]?.notes && { notes: f.children[0].notes }),
      })),
    );
    for (const f of families) {
      expect(text).not.toContain(f.email);
      expect(text).not.toContain(f.children[0]?.birthDate);
      expect(text).not.toContain(f.guardian.postalCode);
    }
  });

  it('shows no notes stored without the guardian’s consent (from before consent was asked for)', async () => {
    // Prepare: a child whose notes were stored without a recorded consent.
    const { families, base } = await prepareCourse();
    const zoe = families[0]!;
    await t.ctx.ports.households.updateChild(zoe.householdId, zoe.children[0]!.id, { set: {}, remove: ['notesConsentAt'] });

    // Act
    const text = await (await get(`${base}/participants`)).text();

    // Assess
    expect(text).toContain('Zoë');
    expect(text).not.toContain('Nussallergie');
  });

  describe('records attendance idempotently and reads it back', () => {
    /** The two confirmed children of a prepared course: the first present, the second excused. */
    const marksFor = (registrations: Registration[]) => ({ [registrations[0]?.id ?? '']: 'present', [registrations[1]?.id ?? '']: 'excused' });

    it('records marks and answers them', async () => {
      // Prepare
      const { registrations, base } = await prepareCourse();
      const marks = marksFor(registrations);

      // Act
      const first = await put(`${base}/sessions/s1/attendance`, marks);

      // Assess
      expect(first.status).toBe(200);
      expect(await first.json()).toEqual(marks);
    });

    it('answers the same marks when they are sent again', async () => {
      // Prepare
      const { registrations, base } = await prepareCourse();
      const marks = marksFor(registrations);
      await put(`${base}/sessions/s1/attendance`, marks);

      // Act
      const again = await put(`${base}/sessions/s1/attendance`, marks);

      // Assess
      expect(await again.json()).toEqual(marks);
    });

    it('changes one mark, keeps the others, and counts each child once', async () => {
      // Prepare: the same marks sent twice.
      const { offer, registrations, base } = await prepareCourse();
      const marks = marksFor(registrations);
      await put(`${base}/sessions/s1/attendance`, marks);
      await put(`${base}/sessions/s1/attendance`, marks);
      const changed = { [registrations[1]?.id ?? '']: 'absent' };

      // Act
      const res = await put(`${base}/sessions/s1/attendance`, changed);

      // Assess
      expect(await body(res)).toEqual({ ...marks, ...changed });
      expect((await t.ctx.ports.stats.getStats([offer]))[0]?.attendance).toEqual({ present: 1, absent: 1 });
    });

    it('reads the session’s marks back', async () => {
      // Prepare
      const { registrations, base } = await prepareCourse();
      const marks = marksFor(registrations);
      const changed = { [registrations[1]?.id ?? '']: 'absent' };
      await put(`${base}/sessions/s1/attendance`, marks);
      await put(`${base}/sessions/s1/attendance`, changed);

      // Act
      const res = await get(`${base}/sessions/s1/attendance`);

      // Assess
      expect(await body(res)).toEqual({ ...marks, ...changed });
    });

    it('reads no marks for another session', async () => {
      // Prepare: marks for s1 only.
      const { registrations, base } = await prepareCourse();
      await put(`${base}/sessions/s1/attendance`, marksFor(registrations));

      // Act
      const res = await get(`${base}/sessions/s2/attendance`);

      // Assess
      expect(await body(res)).toEqual({});
    });
  });

  describe('refuses marks', () => {
    it.each<[string, (waiting: string) => Record<string, string>, (waiting: string) => string[]]>([
      ['for a waiting registration', (waiting) => ({ [waiting]: 'present' }), (waiting) => [waiting]],
      ['with a value that is no mark', (waiting) => ({ [waiting]: 'vielleicht' }), (waiting) => [waiting]],
      ['for a registration id with a space', () => ({ 'a b': 'present' }), () => ['a b']],
    ])('%s with 400 naming the registration', async (_name, marksFor, pathsFor) => {
      // Prepare
      const { registrations, base } = await prepareCourse();
      const waiting = registrations[2]?.id ?? '';

      // Act
      const res = await put(`${base}/sessions/s1/attendance`, marksFor(waiting));

      // Assess
      expect(res.status).toBe(400);
      expect((await body<Problem>(res)).errors?.map((e) => e.path)).toEqual(pathsFor(waiting));
    });

    it('sent as a list instead of an object with 400', async () => {
      // Prepare
      const { base } = await prepareCourse();

      // Act
      const notAnObject = await put(`${base}/sessions/s1/attendance`, ['present']);

      // Assess
      expect(notAnObject.status).toBe(400);
    });

    it('of an unknown session with 404', async () => {
      // Prepare
      const { base } = await prepareCourse();

      // Act
      const res = await get(`${base}/sessions/nope/attendance`);

      // Assess
      expect(res.status).toBe(404);
    });
  });

  it('exports a CSV German Excel reads: BOM, semicolons, one column per session day; parsed back it equals the participants', async () => {
    // Prepare: the first confirmed child present at s1, the second absent.
    const { offer, registrations, base } = await prepareCourse();
    await put(`${base}/sessions/s1/attendance`, { [registrations[0]?.id ?? '']: 'present', [registrations[1]?.id ?? '']: 'absent' });

    // Act
    const res = await get(`${base}/attendance.csv`);

    // Assess
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true, delimiter: ';' }) as string[][];
    const days = offer.sessions.map((s) => dayIn(t.ctx.config.TIME_ZONE, s.start));
    expect(rows[0]).toEqual(['Kind', 'Erziehungsberechtigte', 'Telefon', ...days]);
    const participants = (await body<{ items: Participant[] }>(get(`${base}/participants`))).items;
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual(
      // A leading + would start a formula in Excel: the apostrophe keeps the phone number text.
      participants.filter((p) => p.status === 'confirmed').map((p) => [p.child.firstName, p.guardian.name, `'${p.guardian.phone}`]),
    );
    expect(rows.slice(1).map((r) => r.slice(3))).toEqual([
      ['anwesend', ''],
      ['abwesend', ''],
    ]);
  });

  it('exports names a family typed as formulas as text, so the provider’s spreadsheet runs none of them', async () => {
    // Prepare
    const { offer } = await prepareCourse();
    const attacker = await createHousehold(t.ctx, { name: '@SUM(1+1)', phone: '+43 660 9999999', postalCode: '4801' }, [
      { firstName: '=HYPERLINK("https://evil.example","Klick")', birthDate: bornYearsAgo(t.ctx, 6) },
    ]);
    const bigger = await createOffer(t.ctx, {
      title: 'Großer Kurs',
      sessions: offer.sessions,
      units: [{ id: 'u1', label: 'Gruppe', capacity: 5, confirmed: 0, waiting: 0 }],
    });
    await body<Registration>(book(t.app, attacker, { offerId: bigger.id, unitId: 'u1', childId: attacker.children[0]?.id }));

    // Act
    const res = await get(`/api/provider/offers/${bigger.id}/attendance.csv`);

    // Assess
    const rows = parse(Buffer.from(await res.arrayBuffer()), { bom: true, delimiter: ';' }) as string[][];
    expect(rows[1]?.slice(0, 2)).toEqual([`'=HYPERLINK("https://evil.example","Klick")`, `'@SUM(1+1)`]);
  });

  it('prints a PDF with the session days as columns and the participants’ names', async () => {
    // Prepare
    const { offer, base } = await prepareCourse();

    // Act
    const res = await get(`${base}/attendance.pdf`);

    // Assess
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await pdfText(pdf)).texts.join('\n');
    for (const name of ['Zoë', 'Jürgen Müller', 'Björn', 'Kinderturnen in Lindach', ...offer.sessions.map((s) => dayIn(t.ctx.config.TIME_ZONE, s.start))]) {
      expect(text).toContain(name);
    }
    expect(text).not.toContain('Lotte');
  });
});
