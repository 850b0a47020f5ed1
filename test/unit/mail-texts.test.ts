import { describe, expect, it } from 'vitest';
import { bilingualMail } from '../../functions/domain/mails/bilingual.js';

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

  it("place offered: the children, offer, unit, deadline in the region's time and the link, in both languages", () => {
    // Act
    const mail = bilingualMail('a@example.at', 'placeOffered', {
      children: ['Lena', 'Max'],
      offerTitle: 'Klettern',
      unitLabel: 'Woche 2',
      deadline: '2026-12-04T13:00:00.000Z',
      timeZone: 'Europe/Vienna',
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
    expect(mail.text.match(/http:\/\/localhost:3000\/bookings#reg-r1/g)).toHaveLength(2);
    expect(mail.text.indexOf('Gute Nachricht')).toBeLessThan(mail.text.indexOf('Good news'));
  });

  it('deadline passed and last call: who, what and where to look, in both languages', () => {
    // Act
    const facts = { children: ['Ida'], offerTitle: 'Reiten', unitLabel: 'Gruppe A', link: 'http://x.test/bookings#reg-r2' };
    const expired = bilingualMail('a@example.at', 'placeExpired', facts);
    const lastCall = bilingualMail('a@example.at', 'lastCall', facts);

    // Assess
    expect(expired.subject).toBe('Frist abgelaufen: Reiten / Deadline passed: Reiten');
    expect(expired.text).toContain('für Ida wurde nicht rechtzeitig angenommen');
    expect(expired.text).toContain('for Ida was not accepted in time');
    expect(lastCall.subject).toBe('Kurzfristig frei: Reiten / Last-minute place: Reiten');
    expect(lastCall.text).toContain('wer von der Warteliste zuerst zusagt');
    expect(lastCall.text).toContain('whoever on the waiting list accepts first gets it');
  });

  it('cancelled offer: the offer named in both languages', () => {
    // Act
    const mail = bilingualMail('a@example.at', 'offerCancelled', { offerTitle: 'Reiten' });

    // Assess
    expect(mail.subject).toBe('Abgesagt: Reiten / Cancelled: Reiten');
    expect(mail.text).toBe(
      'Leider wurde „Reiten“ abgesagt. Ihre Anmeldungen dafür sind storniert.\n\nUnfortunately, "Reiten" has been cancelled. Your registrations for it are cancelled.',
    );
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
