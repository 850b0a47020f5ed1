import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Offer } from '../../shared/schemas/offer.js';
import type { Registration } from '../../shared/schemas/registration.js';
import { book, cancel, createFamily, listRegistrations, type Family } from '../support/booking.js';
import { createTestContext, testClock } from '../support/context.js';
import { parseIcsEvents } from '../support/ics.js';
import { createOffer } from '../support/offers.js';
import { json } from '../support/users.js';
import { createUser, type TestUser } from '../support/users.js';

type Answer = { items: Registration[] };

/** Monday 1 March 2027, 09:00 in Vienna. */
const START = new Date('2027-03-01T08:00:00Z');
/** Two Monday afternoons, 16:00 Vienna time (15:00 UTC). */
const SESSIONS = [
  { id: 's1', start: '2027-03-08T15:00:00.000Z', end: '2027-03-08T16:30:00.000Z', place: 'Turnsaal der Volksschule' },
  { id: 's2', start: '2027-03-15T15:00:00.000Z', end: '2027-03-15T16:30:00.000Z', place: 'Turnsaal der Volksschule' },
];
const PROVIDER = {
  id: 'sportunion-mails',
  name: 'Sportunion Lindach',
  kind: 'association' as const,
  municipalityId: 'lindach',
  email: 'kurse@sportunion.example',
  phone: '+43 2245 1234',
  website: 'https://sportunion.example',
};

// Every booking-related e-mail a family gets: one per event, German first, with date, place,
// the provider's contact and the bookings link; the confirmed ones with the sessions as .ics.
describe('booking e-mails', () => {
  const clock = testClock(START);
  let t: Awaited<ReturnType<typeof createTestContext>>;
  let provider: TestUser;

  beforeAll(async () => {
    t = await createTestContext({}, clock);
    expect(await t.ctx.ports.region.createProvider(PROVIDER)).toBe(true);
    provider = await createUser(t.ctx, [{ role: 'provider', providerId: PROVIDER.id }]);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** A published offer of one place on two dates, by the provider above. */
  const onePlace = (title: string) =>
    createOffer(t.ctx, { title, providerId: PROVIDER.id, sessions: SESSIONS, units: [{ id: 'u1', label: 'Gruppe A', capacity: 1, confirmed: 0, waiting: 0 }] });
  const bookOne = async (f: Family, offer: Offer, key?: string) => {
    const res = await book(t.app, f, { offerId: offer.id, items: [{ unitId: 'u1', childId: f.childIds[0] }] }, key);
    expect(res.status).toBe(201);
    return ((await res.json()) as Answer).items[0] as Registration;
  };
  const mailsTo = (f: TestUser) => t.outbox.list(f.email);
  /** The sessions as a calendar shows them. */
  const expectSessions = (ics: string | undefined, offer: Offer) => {
    const events = parseIcsEvents(ics ?? '');
    expect(events.map(({ start, end, location, summary }) => ({ start, end, location, summary }))).toEqual(
      SESSIONS.map((s) => ({ start: s.start, end: s.end, location: s.place, summary: offer.title })),
    );
  };
  /** Date, place, contact and link, in German before English. */
  const expectDetails = (text: string, link = `${t.ctx.config.PUBLIC_URL}/bookings`) => {
    expect(text).toContain('Erster Termin: Montag, 8. März 2027 um 16:00, Ort: Turnsaal der Volksschule (2 Termine).');
    expect(text).toContain('First date: Monday, 8 March 2027 at 16:00, place: Turnsaal der Volksschule (2 dates).');
    expect(text).toContain('Kontakt: Sportunion Lindach, kurse@sportunion.example, +43 2245 1234, https://sportunion.example');
    expect(text).toContain('Contact: Sportunion Lindach, kurse@sportunion.example, +43 2245 1234, https://sportunion.example');
    expect(text.split(link)).toHaveLength(3);
    expect(text.indexOf('Erster Termin')).toBeLessThan(text.indexOf('First date'));
  };

  it('a confirmed booking: one e-mail naming child, offer, first date, place, contact and link, with the sessions as .ics', async () => {
    // Prepare
    const offer = await onePlace('Kinderturnen');
    const family = await createFamily(t.ctx);

    // Act
    const registration = await bookOne(family, offer);

    // Assess
    expect(registration.status).toBe('confirmed');
    const mails = mailsTo(family);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail?.subject).toBe('Buchung bestätigt: Kinderturnen / Booking confirmed: Kinderturnen');
    expect(mail?.text).toContain('Fix angemeldet: Kind1 (Gruppe A).');
    expect(mail?.text).toContain('Booked: Kind1 (Gruppe A).');
    expect(mail?.text.indexOf('Danke für Ihre Buchung bei „Kinderturnen“')).toBe(0);
    expectDetails(mail?.text ?? '');
    expectSessions(mail?.ics, offer);
  });

  it('a waitlisted booking: one e-mail with the position in line and no .ics', async () => {
    // Prepare
    const offer = await onePlace('Kinderturnen voll');
    await bookOne(await createFamily(t.ctx), offer);
    const family = await createFamily(t.ctx);

    // Act
    const registration = await bookOne(family, offer);

    // Assess
    expect(registration).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const mails = mailsTo(family);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Auf der Warteliste: Kinderturnen voll / On the waiting list: Kinderturnen voll');
    expect(mails[0]?.text).toContain('Auf der Warteliste: Kind1 (Gruppe A, Platz 1).');
    expect(mails[0]?.text).toContain('On the waiting list: Kind1 (Gruppe A, position 1).');
    expectDetails(mails[0]?.text ?? '');
    expect(mails[0]?.ics).toBeUndefined();
  });

  it('siblings in one request: one e-mail naming each child', async () => {
    // Prepare
    const offer = await createOffer(t.ctx, { title: 'Geschwisterkurs', providerId: PROVIDER.id, sessions: SESSIONS });
    const family = await createFamily(t.ctx, 2);

    // Act
    const res = await book(t.app, family, { offerId: offer.id, items: family.childIds.map((childId) => ({ unitId: 'u1', childId })) });

    // Assess
    expect(res.status).toBe(201);
    const mails = mailsTo(family);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain('Fix angemeldet: Kind1 (Gruppe), Kind2 (Gruppe).');
    expectSessions(mails[0]?.ics, offer);
  });

  it('an idempotent replay: the same answer and no second e-mail', async () => {
    // Prepare
    const offer = await onePlace('Kinderturnen doppelt');
    const family = await createFamily(t.ctx);
    const key = crypto.randomUUID();
    await bookOne(family, offer, key);

    // Act
    const replayed = await book(t.app, family, { offerId: offer.id, items: [{ unitId: 'u1', childId: family.childIds[0] }] }, key);

    // Assess
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get('Idempotent-Replayed')).toBe('true');
    expect(mailsTo(family)).toHaveLength(1);
  });

  it('a failed e-mail after the booking committed: still 201, the place is the family’s', async () => {
    // Prepare
    const offer = await onePlace('Kinderturnen ohne Post');
    const family = await createFamily(t.ctx);
    const send = vi.spyOn(t.ctx.ports.mailer, 'send').mockRejectedValueOnce(new Error('mail down'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    // Act
    const registration = await bookOne(family, offer);

    // Assess
    expect(registration.status).toBe('confirmed');
    expect((await listRegistrations(t.app, family)).map((r) => r.status)).toEqual(['confirmed']);
    expect(send).toHaveBeenCalledTimes(1);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('mail.failed'));
    expect(logged).not.toHaveBeenCalledWith(expect.stringContaining(family.email));
  });

  it('a cancellation: one e-mail to the family; the place offered to the next names date, place and deadline; accepting it confirms with .ics', async () => {
    // Prepare
    const offer = await onePlace('Kinderturnen Nachrücken');
    const [holder, next] = [await createFamily(t.ctx), await createFamily(t.ctx)];
    const held = await bookOne(holder, offer);
    const waiting = await bookOne(next, offer);

    // Act
    const cancelled = await cancel(t.app, holder, held.id);
    const cancelledAgain = await cancel(t.app, holder, held.id);
    const offeredMail = mailsTo(next)[0];
    const accepted = await t.app.request(`/api/registrations/${waiting.id}/accept`, { method: 'POST', headers: next.headers });
    const acceptedAgain = await t.app.request(`/api/registrations/${waiting.id}/accept`, { method: 'POST', headers: next.headers });

    // Assess: the cancellation, told once.
    expect([cancelled.status, cancelledAgain.status]).toEqual([204, 204]);
    const holderMails = mailsTo(holder);
    expect(holderMails.map((m) => m.subject)).toEqual([
      'Storniert: Kinderturnen Nachrücken / Cancelled: Kinderturnen Nachrücken',
      'Buchung bestätigt: Kinderturnen Nachrücken / Booking confirmed: Kinderturnen Nachrücken',
    ]);
    expect(holderMails[0]?.text).toContain('Die Anmeldung von Kind1 bei „Kinderturnen Nachrücken“ (Gruppe A) ist storniert.');
    expectDetails(holderMails[0]?.text ?? '');
    expect(holderMails[0]?.ics).toBeUndefined();
    // The place offered: deadline, date and place.
    expect(offeredMail?.subject).toBe('Platz frei für Sie: Kinderturnen Nachrücken / A place for you: Kinderturnen Nachrücken');
    expect(offeredMail?.text).toContain('Wir halten ihn bis Mittwoch, 3. März 2027 um 09:00 für Sie.');
    expectDetails(offeredMail?.text ?? '', `${t.ctx.config.PUBLIC_URL}/bookings#reg-${waiting.id}`);
    expect(offeredMail?.ics).toBeUndefined();
    // Its acceptance: a confirmation with the sessions, once.
    expect([accepted.status, acceptedAgain.status]).toEqual([200, 200]);
    const nextMails = mailsTo(next);
    expect(nextMails.map((m) => m.subject.split(':')[0])).toEqual(['Platz bestätigt', 'Platz frei für Sie', 'Auf der Warteliste']);
    expect(nextMails[0]?.text).toContain('Sie haben zugesagt: Kind1 ist bei „Kinderturnen Nachrücken“ (Gruppe A) fix angemeldet.');
    expectDetails(nextMails[0]?.text ?? '', `${t.ctx.config.PUBLIC_URL}/bookings#reg-${waiting.id}`);
    expectSessions(nextMails[0]?.ics, offer);
  });

  it('a last call won: the confirmation with the session as .ics', async () => {
    // Prepare: the offer starts in 90 minutes, too soon to hold a place; one place, one family waiting.
    const session = { id: 's1', start: '2027-03-01T09:30:00.000Z', end: '2027-03-01T10:30:00.000Z', place: 'Turnsaal der Volksschule' };
    const offer = await createOffer(t.ctx, {
      title: 'Kinderturnen gleich',
      providerId: PROVIDER.id,
      sessions: [session],
      units: [{ id: 'u1', label: 'Gruppe A', capacity: 1, confirmed: 0, waiting: 0 }],
    });
    const [holder, next] = [await createFamily(t.ctx), await createFamily(t.ctx)];
    const held = await bookOne(holder, offer);
    const waiting = await bookOne(next, offer);
    await cancel(t.app, holder, held.id);

    // Act
    const accepted = await t.app.request(`/api/registrations/${waiting.id}/accept`, { method: 'POST', headers: next.headers });

    // Assess
    expect(accepted.status).toBe(200);
    const mails = mailsTo(next);
    expect(mails.map((m) => m.subject.split(':')[0])).toEqual(['Platz bestätigt', 'Kurzfristig frei', 'Auf der Warteliste']);
    expect(mails[1]?.text).toContain('Erster Termin: Montag, 1. März 2027 um 10:30, Ort: Turnsaal der Volksschule.');
    expect(mails[0]?.text).toContain('Sie haben zugesagt: Kind1 ist bei „Kinderturnen gleich“ (Gruppe A) fix angemeldet.');
    expect(parseIcsEvents(mails[0]?.ics ?? '').map((e) => [e.start, e.end, e.location])).toEqual([[session.start, session.end, session.place]]);
  });

  it('a provider cancels a registration: the family is told it was the provider', async () => {
    // Prepare
    const offer = await onePlace('Kinderturnen Absage');
    const family = await createFamily(t.ctx);
    const registration = await bookOne(family, offer);

    // Act
    const res = await cancel(t.app, provider, registration.id);

    // Assess
    expect(res.status).toBe(204);
    const mails = mailsTo(family);
    expect(mails).toHaveLength(2);
    expect(mails[0]?.text).toContain('Die Anbieterin bzw. der Anbieter hat die Anmeldung von Kind1 bei „Kinderturnen Absage“ (Gruppe A) storniert.');
    expect(mails[0]?.text).toContain('The provider has cancelled the registration of Kind1');
    expectDetails(mails[0]?.text ?? '');
  });

  it('the provider cancels the offer: one e-mail per family with the details, no second one per registration', async () => {
    // Prepare
    const offer = await createOffer(t.ctx, { title: 'Kinderturnen fällt aus', providerId: PROVIDER.id, sessions: SESSIONS });
    const family = await createFamily(t.ctx, 2);
    await book(t.app, family, { offerId: offer.id, items: family.childIds.map((childId) => ({ unitId: 'u1', childId })) });

    // Act
    const res = await t.app.request(`/api/provider/offers/${offer.id}`, json('PATCH', { status: 'cancelled' }, provider.headers));

    // Assess
    expect(res.status).toBe(200);
    const mails = mailsTo(family);
    expect(mails.map((m) => m.subject.split(':')[0])).toEqual(['Abgesagt', 'Buchung bestätigt']);
    expect(mails[0]?.text).toContain('Leider wurde „Kinderturnen fällt aus“ abgesagt. Die Anmeldungen von Kind1 und Kind2 dafür sind storniert.');
    expectDetails(mails[0]?.text ?? '');
  });
});
