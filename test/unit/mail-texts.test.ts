import { describe, expect, it } from 'vitest';
import { bilingualMail } from '../../functions/domain/mails/bilingual.js';

/** The offer facts every booking-related e-mail names: first date, place, dates, contact, link. */
const offer = {
  offerTitle: 'Klettern',
  firstStart: '2026-07-06T07:00:00Z',
  sessionCount: 3,
  timeZone: 'Europe/Vienna',
  place: 'Kletterhalle',
  contact: { name: 'Alpenverein Wolkersdorf', email: 'kurse@av.example', phone: '+43 2245 1234' },
  link: 'https://regiokurs.example/bookings',
};
const detailsDe =
  'Erster Termin: Montag, 6. Juli 2026 um 09:00, Ort: Kletterhalle (3 Termine).\nKontakt: Alpenverein Wolkersdorf, kurse@av.example, +43 2245 1234';
const detailsEn = 'First date: Monday, 6 July 2026 at 09:00, place: Kletterhalle (3 dates).\nContact: Alpenverein Wolkersdorf, kurse@av.example, +43 2245 1234';

// Each e-mail as a family reads it: German first, then English, in the subject and in the body.
describe('bilingualMail', () => {
  it('login code: the code in the subject, its lifetime in both languages', () => {
    // Act
    const mail = bilingualMail('a@example.at', 'loginCode', { code: '042917', minutes: 10 });

    // Assess
    expect(mail).toEqual({
      to: 'a@example.at',
      subject: 'Ihr Anmeldecode: 042917 / Your login code',
      text: 'Ihr Anmeldecode für regiokurs lautet 042917. Er gilt 10 Minuten.\n\nYour regiokurs login code is 042917. It is valid for 10 minutes.',
    });
  });

  it("place offered: the children, offer, unit, deadline in the region's time, first date, place, contact and the link, in both languages", () => {
    // Act
    const mail = bilingualMail('a@example.at', 'placeOffered', {
      ...offer,
      children: ['Lena', 'Max'],
      unitLabel: 'Woche 2',
      deadline: '2026-12-04T13:00:00.000Z',
      link: 'http://localhost:3000/bookings#reg-r1',
    });

    // Assess
    expect(mail.subject).toBe('Platz frei für Sie: Klettern / A place for you: Klettern');
    expect(mail.text).toContain(
      'Für Lena und Max ist bei „Klettern“ (Woche 2) ein Platz frei geworden. Wir halten ihn bis Freitag, 4. Dezember 2026 um 14:00 für Sie.',
    );
    expect(mail.text).toContain(
      'a place has become free for Lena and Max in "Klettern" (Woche 2). We are holding it for you until Friday, 4 December 2026 at 14:00.',
    );
    expect(mail.text).toContain(`Mit Ihrer Zusage ist die Anmeldung verbindlich.\n${detailsDe}\n\n`);
    expect(mail.text).toContain(`Accepting is a binding registration.\n${detailsEn}`);
    expect(mail.text.match(/http:\/\/localhost:3000\/bookings#reg-r1/g)).toHaveLength(2);
    expect(mail.text.indexOf('Gute Nachricht')).toBeLessThan(mail.text.indexOf('Good news'));
  });

  it('deadline passed and last call: who, what, when, where, whom to ask and where to look, in both languages', () => {
    // Act
    const facts = { ...offer, children: ['Ida'], offerTitle: 'Reiten', unitLabel: 'Gruppe A', link: 'http://x.test/bookings#reg-r2' };
    const expired = bilingualMail('a@example.at', 'placeExpired', facts);
    const lastCall = bilingualMail('a@example.at', 'lastCall', facts);

    // Assess
    expect(expired.subject).toBe('Frist abgelaufen: Reiten / Deadline passed: Reiten');
    expect(expired.text).toContain('für Ida wurde nicht rechtzeitig angenommen');
    expect(expired.text).toContain('for Ida was not accepted in time');
    expect(lastCall.subject).toBe('Kurzfristig frei: Reiten / Last-minute place: Reiten');
    expect(lastCall.text).toContain('wer von der Warteliste zuerst zusagt');
    expect(lastCall.text).toContain('whoever on the waiting list accepts first gets it');
    for (const mail of [expired, lastCall]) {
      expect(mail.text).toContain(detailsDe);
      expect(mail.text).toContain(detailsEn);
      expect(mail.text.match(/http:\/\/x\.test\/bookings#reg-r2/g)).toHaveLength(2);
    }
  });

  it('booked: each child with its place or its position in line, first date, place, contact and the link, German before English', () => {
    // Act
    const mail = bilingualMail('a@example.at', 'booked', {
      ...offer,
      confirmed: [{ child: 'Lena', unitLabel: 'Gruppe A' }],
      waitlisted: [{ child: 'Max', unitLabel: 'Gruppe A', position: 2 }],
    });

    // Assess
    expect(mail.subject).toBe('Ihre Buchung: Klettern / Your booking: Klettern');
    expect(mail.text).toBe(
      'Danke für Ihre Buchung bei „Klettern“.\n' +
        'Fix angemeldet: Lena (Gruppe A).\n' +
        'Auf der Warteliste: Max (Gruppe A, Platz 2). Wird ein Platz frei, bieten wir ihn Ihnen per E-Mail mit einer Frist zum Zusagen an.\n' +
        `${detailsDe}\n` +
        'Die Termine sind für Ihren Kalender angehängt. Ihre Buchungen: https://regiokurs.example/bookings\n\n' +
        'Thank you for booking "Klettern".\n' +
        'Booked: Lena (Gruppe A).\n' +
        'On the waiting list: Max (Gruppe A, position 2). When a place becomes free, we offer it to you by e-mail with a deadline to accept.\n' +
        `${detailsEn}\n` +
        'The dates are attached for your calendar. Your bookings: https://regiokurs.example/bookings',
    );
  });

  it('booked: only confirmed says confirmed and names the attachment; only waiting says so and names none', () => {
    // Act
    const confirmed = bilingualMail('a@example.at', 'booked', { ...offer, confirmed: [{ child: 'Lena', unitLabel: 'Woche 1' }], waitlisted: [] });
    const waiting = bilingualMail('a@example.at', 'booked', { ...offer, confirmed: [], waitlisted: [{ child: 'Lena', unitLabel: 'Woche 1', position: 1 }] });

    // Assess
    expect(confirmed.subject).toBe('Buchung bestätigt: Klettern / Booking confirmed: Klettern');
    expect(confirmed.text).not.toMatch(/Warteliste|waiting list/);
    expect(waiting.subject).toBe('Auf der Warteliste: Klettern / On the waiting list: Klettern');
    expect(waiting.text).toContain('Auf der Warteliste: Lena (Woche 1, Platz 1).');
    expect(waiting.text).toContain('On the waiting list: Lena (Woche 1, position 1).');
    expect(waiting.text).not.toMatch(/angehängt|attached/);
  });

  it('registration cancelled: by the family or by the provider, with the details, in both languages', () => {
    // Act
    const facts = { ...offer, children: ['Lena'], unitLabel: 'Gruppe A' };
    const own = bilingualMail('a@example.at', 'registrationCancelled', { ...facts, byProvider: false });
    const byProvider = bilingualMail('a@example.at', 'registrationCancelled', { ...facts, byProvider: true });

    // Assess
    expect(own.subject).toBe('Storniert: Klettern / Cancelled: Klettern');
    expect(own.text).toBe(
      `Die Anmeldung von Lena bei „Klettern“ (Gruppe A) ist storniert.\n${detailsDe}\nIhre Buchungen: https://regiokurs.example/bookings\n\n` +
        `The registration of Lena for "Klettern" (Gruppe A) is cancelled.\n${detailsEn}\nYour bookings: https://regiokurs.example/bookings`,
    );
    expect(byProvider.text).toContain('Die Anbieterin bzw. der Anbieter hat die Anmeldung von Lena bei „Klettern“ (Gruppe A) storniert.');
    expect(byProvider.text).toContain('The provider has cancelled the registration of Lena for "Klettern" (Gruppe A).');
  });

  it('place accepted: the children confirmed, the details and the attachment named, in both languages', () => {
    // Act
    const mail = bilingualMail('a@example.at', 'placeAccepted', { ...offer, children: ['Lena', 'Max'], unitLabel: 'Woche 2' });

    // Assess
    expect(mail.subject).toBe('Platz bestätigt: Klettern / Place confirmed: Klettern');
    expect(mail.text).toBe(
      `Sie haben zugesagt: Lena und Max sind bei „Klettern“ (Woche 2) fix angemeldet.\n${detailsDe}\n` +
        'Die Termine sind für Ihren Kalender angehängt. Ihre Buchungen: https://regiokurs.example/bookings\n\n' +
        `You accepted: Lena and Max are booked for "Klettern" (Woche 2).\n${detailsEn}\n` +
        'The dates are attached for your calendar. Your bookings: https://regiokurs.example/bookings',
    );
  });

  it('cancelled offer: the offer, the children, the details and the link, in both languages', () => {
    // Act
    const mail = bilingualMail('a@example.at', 'offerCancelled', { ...offer, offerTitle: 'Reiten', children: ['Ida'] });

    // Assess
    expect(mail.subject).toBe('Abgesagt: Reiten / Cancelled: Reiten');
    expect(mail.text).toBe(
      `Leider wurde „Reiten“ abgesagt. Die Anmeldungen von Ida dafür sind storniert.\n${detailsDe}\nIhre Buchungen: https://regiokurs.example/bookings\n\n` +
        `Unfortunately, "Reiten" has been cancelled. The registrations of Ida for it are cancelled.\n${detailsEn}\nYour bookings: https://regiokurs.example/bookings`,
    );
  });

  it('a provider without e-mail or phone: its name is the contact', () => {
    // Act
    const mail = bilingualMail('a@example.at', 'placeAccepted', { ...offer, contact: { name: 'Pfarre' }, children: ['Ida'], unitLabel: 'Gruppe' });

    // Assess
    expect(mail.text).toContain('Kontakt: Pfarre\n');
    expect(mail.text).toContain('Contact: Pfarre\n');
  });

  it('inactive account: sign in within four weeks to keep it, German first, then English', () => {
    // Act
    const mail = bilingualMail('a@example.at', 'accountInactive', { months: 24, weeks: 4, link: 'http://x.test/sign-in' });

    // Assess
    expect(mail.subject).toBe('Ihr regiokurs-Konto wird gelöscht / Your regiokurs account will be deleted');
    expect(mail.text).toBe(
      'Sie haben sich seit 24 Monaten nicht bei regiokurs angemeldet. Bitte melden Sie sich innerhalb von 4 Wochen an, um Ihr Konto zu behalten: http://x.test/sign-in\n' +
        'Sonst löschen wir Ihr Konto mit den Daten Ihres Haushalts und Ihrer Kinder.\n\n' +
        'You have not signed in to regiokurs for 24 months. Please sign in within 4 weeks to keep your account: http://x.test/sign-in\n' +
        'Otherwise we delete your account with the data of your household and your children.',
    );
  });

  it('inactive account with a role: asked to sign in, told it is not deleted automatically, in both languages', () => {
    // Act
    const mail = bilingualMail('a@example.at', 'roleAccountInactive', { months: 24, weeks: 4, link: 'http://x.test/sign-in' });

    // Assess
    expect(mail.subject).toBe('Ihr regiokurs-Konto ist ungenutzt / Your regiokurs account is unused');
    expect(mail.text).toContain('Bitte melden Sie sich innerhalb von 4 Wochen an, um Ihr Konto zu behalten: http://x.test/sign-in');
    expect(mail.text).toContain('werden nicht automatisch gelöscht');
    expect(mail.text).toContain('Please sign in within 4 weeks to keep your account: http://x.test/sign-in');
    expect(mail.text).toContain('are never deleted automatically');
    expect(mail.text.indexOf('Sie haben')).toBeLessThan(mail.text.indexOf('You have'));
  });

  it('registration opened: the offer, when it opened in the region’s time and the link, in both languages', () => {
    // Act
    const mail = bilingualMail('a@example.at', 'registrationOpened', {
      offerTitle: 'Klettern',
      opensAt: '2026-03-02T07:00:00Z',
      timeZone: 'Europe/Vienna',
      link: 'https://regiokurs.example/offers/o-1',
    });

    // Assess
    expect(mail.subject).toBe('Anmeldung offen: Klettern / Registration open: Klettern');
    expect(mail.text).toBe(
      'Sie wollten es wissen: Die Anmeldung für „Klettern“ ist seit Montag, 2. März 2026 um 08:00 offen. Zur Anmeldung: https://regiokurs.example/offers/o-1\n\n' +
        'As you asked: registration for "Klettern" has been open since Monday, 2 March 2026 at 08:00. To book: https://regiokurs.example/offers/o-1',
    );
  });

  it('reminder: the children, the first date in the region’s time, the place, what to bring and the link, in both languages', () => {
    // Act
    const mail = bilingualMail('a@example.at', 'reminder', {
      children: ['Lena', 'Max'],
      offerTitle: 'Klettern',
      firstStart: '2026-07-06T07:00:00Z',
      timeZone: 'Europe/Vienna',
      place: 'Kletterhalle',
      whatToBring: 'Turnschuhe und eine Jause',
      link: 'https://regiokurs.example/bookings',
    });

    // Assess
    expect(mail.subject).toBe('Erinnerung: Klettern / Reminder: Klettern');
    expect(mail.text).toBe(
      'Bald geht es los: „Klettern“ beginnt am Montag, 6. Juli 2026 um 09:00, Ort: Kletterhalle. Angemeldet: Lena und Max.\n' +
        'Bitte mitbringen: Turnschuhe und eine Jause\n' +
        'Alle Termine sind für Ihren Kalender angehängt. Ihre Buchungen: https://regiokurs.example/bookings\n\n' +
        'Coming up soon: "Klettern" starts on Monday, 6 July 2026 at 09:00, place: Kletterhalle. Booked: Lena and Max.\n' +
        'Please bring: Turnschuhe und eine Jause\n' +
        'All dates are attached for your calendar. Your bookings: https://regiokurs.example/bookings',
    );
  });

  it('reminder without anything to bring: no such line in either language', () => {
    // Act
    const mail = bilingualMail('a@example.at', 'reminder', {
      children: ['Lena'],
      offerTitle: 'Klettern',
      firstStart: '2026-07-06T07:00:00Z',
      timeZone: 'Europe/Vienna',
      place: 'Kletterhalle',
      link: 'https://regiokurs.example/bookings',
    });

    // Assess
    expect(mail.text).toContain('Angemeldet: Lena.\nAlle Termine');
    expect(mail.text).toContain('Booked: Lena.\nAll dates');
    expect(mail.text).not.toMatch(/mitbringen|bring:/);
  });
});
