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

  it('place from the waiting list: child, offer and unit in both languages', () => {
    // Act
    const mail = bilingualMail('a@example.at', 'promoted', { child: 'Lena', offerTitle: 'Klettern', unitLabel: 'Woche 2' });

    // Assess
    expect(mail.subject).toBe('Platz frei: Klettern / A place for you: Klettern');
    expect(mail.text).toBe(
      'Gute Nachricht: Lena ist von der Warteliste für „Klettern“ (Woche 2) nachgerückt und hat jetzt einen fixen Platz.\n\n' +
        'Good news: Lena has moved up from the waiting list for „Klettern“ (Woche 2) and now has a confirmed place.',
    );
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
});
