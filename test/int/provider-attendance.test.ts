import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { ageOn, dayIn } from '../../shared/dates.js';
import type { Offer } from '../../shared/schemas/offer.js';
import type { Participant } from '../../shared/schemas/provider.js';
import type { Registration } from '../../shared/schemas/registration.js';
import { createTestContext, testClock } from '../support/context.js';
import { createOffer } from '../support/offers.js';
import { createUser, json, type TestUser } from '../support/users.js';
import { book, bornYearsAgo } from '../support/booking.js';
import { body, createHousehold, seedRegionConfig, type Household } from '../support/provider.js';

type Problem = { status: number; errors?: { path: string }[] };

/**
 * The text a PDF shows, from its uncompressed content streams: pdfkit writes each run of text
 * as hex strings in a TJ array (split where kerning applies), in the standard fonts' WinAnsi
 * encoding, which matches Latin-1 for every letter used here.
 */
function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  return [...source.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ/g)]
    .map(([, parts]) => [...(parts ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map(([, hex]) => Buffer.from(hex ?? '', 'hex').toString('latin1')).join(''))
    .join('\n');
}

describe('participants and attendance', () => {
  let t: Awaited<ReturnType<typeof createTestContext>>;
  const clock = testClock();
  let provider: TestUser;
  let offer: Offer;
  let families: Household[];
  let registrations: Registration[];
  const base = () => `/api/provider/offers/${offer.id}`;

  beforeAll(async () => {
    t = await createTestContext({}, clock);
    await seedRegionConfig(t.ctx);
    provider = await createUser(t.ctx, [{ role: 'provider', providerId: 'sportunion-lindach' }]);
    const now = t.clock.now().getTime();
    const at = (days: number, hour: number) => new Date(now + days * 86_400_000 + hour * 3_600_000).toISOString();
    offer = await createOffer(t.ctx, {
      title: 'Kinderturnen in Lindach',
      sessions: [
        { id: 's1', start: at(7, 0), end: at(7, 1), place: 'Turnsaal' },
        { id: 's2', start: at(14, 0), end: at(14, 1), place: 'Turnsaal' },
      ],
      units: [{ id: 'u1', label: 'Gruppe', capacity: 2, confirmed: 0, waiting: 0 }],
    });
    families = [
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
    registrations = [];
    for (const f of families) {
      registrations.push(await body<Registration>(book(t.app, f, { offerId: offer.id, unitId: 'u1', childId: f.children[0]?.id })));
      // Bookings a moment apart, as in life: the list shows the confirmed in booking order.
      clock.advance(1000);
    }
  });

  it('lists confirmed then waiting, with exactly child first name and age, guardian name and phone, notes', async () => {
    const res = await t.app.request(`${base()}/participants`, { headers: provider.headers });
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

  it('records attendance idempotently and reads it back', async () => {
    const path = `${base()}/sessions/s1/attendance`;
    const marks = { [registrations[0]?.id ?? '']: 'present', [registrations[1]?.id ?? '']: 'excused' };
    const first = await t.app.request(path, json('PUT', marks, provider.headers));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual(marks);
    const again = await t.app.request(path, json('PUT', marks, provider.headers));
    expect(await again.json()).toEqual(marks);
    const changed = { [registrations[1]?.id ?? '']: 'absent' };
    expect(await body(t.app.request(path, json('PUT', changed, provider.headers)))).toEqual({ ...marks, ...changed });
    expect(await body(t.app.request(path, { headers: provider.headers }))).toEqual({ ...marks, ...changed });
    expect(await body(t.app.request(`${base()}/sessions/s2/attendance`, { headers: provider.headers }))).toEqual({});
    expect((await t.ctx.ports.stats.getStats([offer.id])).get(offer.id)?.attendance).toEqual({ present: 1, absent: 1 });
  });

  it('refuses marks for a waiting or unknown registration (400 naming it) and unknown sessions (404)', async () => {
    const waiting = registrations[2]?.id ?? '';
    const res = await t.app.request(`${base()}/sessions/s1/attendance`, json('PUT', { [waiting]: 'present' }, provider.headers));
    expect(res.status).toBe(400);
    expect((await body<Problem>(res)).errors?.map((e) => e.path)).toEqual([waiting]);
    const bad = await t.app.request(`${base()}/sessions/s1/attendance`, json('PUT', { [waiting]: 'vielleicht' }, provider.headers));
    expect(bad.status).toBe(400);
    expect((await body<Problem>(bad)).errors?.map((e) => e.path)).toEqual([waiting]);
    expect((await t.app.request(`${base()}/sessions/nope/attendance`, { headers: provider.headers })).status).toBe(404);
    const notAnObject = await t.app.request(`${base()}/sessions/s1/attendance`, json('PUT', ['present'], provider.headers));
    expect(notAnObject.status).toBe(400);
    const badId = await t.app.request(`${base()}/sessions/s1/attendance`, json('PUT', { 'a b': 'present' }, provider.headers));
    expect(badId.status).toBe(400);
    expect((await body<Problem>(badId)).errors?.map((e) => e.path)).toEqual(['a b']);
  });

  it('exports a CSV German Excel reads: BOM, semicolons, one column per session day; parsed back it equals the participants', async () => {
    const res = await t.app.request(`${base()}/attendance.csv`, { headers: provider.headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true, delimiter: ';' }) as string[][];
    const days = offer.sessions.map((s) => dayIn(t.ctx.config.TIME_ZONE, s.start));
    expect(rows[0]).toEqual(['Kind', 'Erziehungsberechtigte', 'Telefon', ...days]);
    const participants = (await body<{ items: Participant[] }>(t.app.request(`${base()}/participants`, { headers: provider.headers }))).items;
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual(
      participants.filter((p) => p.status === 'confirmed').map((p) => [p.child.firstName, p.guardian.name, p.guardian.phone]),
    );
    expect(rows.slice(1).map((r) => r.slice(3))).toEqual([
      ['anwesend', ''],
      ['abwesend', ''],
    ]);
  });

  it('prints a PDF with the session days as columns and the participants’ names', async () => {
    const res = await t.app.request(`${base()}/attendance.pdf`, { headers: provider.headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const name of ['Zoë', 'Jürgen Müller', 'Björn', 'Kinderturnen in Lindach', ...offer.sessions.map((s) => dayIn(t.ctx.config.TIME_ZONE, s.start))]) {
      expect(text).toContain(name);
    }
    expect(text).not.toContain('Lotte');
  });
});
