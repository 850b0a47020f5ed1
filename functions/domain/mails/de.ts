import { formatInstant, names } from './format.js';
import type { MailTexts } from './kinds.js';

/** Deutsch: the language every e-mail opens with. */
export const de: MailTexts = {
  loginCode: ({ code, minutes }) => ({
    subject: `Ihr Anmeldecode: ${code}`,
    body: `Ihr Anmeldecode für regiokurs lautet ${code}. Er gilt ${minutes} Minuten.`,
  }),
  placeOffered: ({ children, offerTitle, unitLabel, deadline, timeZone, link }) => ({
    subject: `Platz frei für Sie: ${offerTitle}`,
    body:
      `Gute Nachricht: Für ${names('de', children)} ist bei „${offerTitle}“ (${unitLabel}) ein Platz frei geworden. ` +
      `Wir halten ihn bis ${formatInstant('de', deadline, timeZone)} für Sie. Bitte sagen Sie bis dahin zu oder ab: ${link}\n` +
      `Ohne Antwort geht der Platz an die nächste Familie auf der Warteliste. Wenn Sie mehr Zeit brauchen, können Sie die Frist dort einmal verlängern.`,
  }),
  placeExpired: ({ children, offerTitle, unitLabel, link }) => ({
    subject: `Frist abgelaufen: ${offerTitle}`,
    body: `Der Platz bei „${offerTitle}“ (${unitLabel}) für ${names('de', children)} wurde nicht rechtzeitig angenommen und ist an die nächste Familie gegangen. Ihre Buchungen: ${link}`,
  }),
  lastCall: ({ children, offerTitle, unitLabel, link }) => ({
    subject: `Kurzfristig frei: ${offerTitle}`,
    body:
      `„${offerTitle}“ (${unitLabel}) beginnt bald, und es ist ein Platz frei. Weil die Zeit nicht reicht, ihn für eine Familie zu halten, ` +
      `bekommt ihn, wer von der Warteliste zuerst zusagt. Für ${names('de', children)} zusagen: ${link}`,
  }),
  offerCancelled: ({ offerTitle }) => ({
    subject: `Abgesagt: ${offerTitle}`,
    body: `Leider wurde „${offerTitle}“ abgesagt. Ihre Anmeldungen dafür sind storniert.`,
  }),
  accountInactive: ({ months, weeks, link }) => ({
    subject: 'Ihr regiokurs-Konto wird gelöscht',
    body:
      `Sie haben sich seit ${months} Monaten nicht bei regiokurs angemeldet. Bitte melden Sie sich innerhalb von ${weeks} Wochen an, um Ihr Konto zu behalten: ${link}\n` +
      `Sonst löschen wir Ihr Konto mit den Daten Ihres Haushalts und Ihrer Kinder.`,
  }),
  roleAccountInactive: ({ months, weeks, link }) => ({
    subject: 'Ihr regiokurs-Konto ist ungenutzt',
    body:
      `Sie haben sich seit ${months} Monaten nicht bei regiokurs angemeldet. Bitte melden Sie sich innerhalb von ${weeks} Wochen an, um Ihr Konto zu behalten: ${link}\n` +
      `Konten mit einer Rolle (Anbieter, Gemeinde, Region) werden nicht automatisch gelöscht; die Regionalkoordination entscheidet darüber.`,
  }),
  registrationOpened: ({ offerTitle, opensAt, timeZone, link }) => ({
    subject: `Anmeldung offen: ${offerTitle}`,
    body: `Sie wollten es wissen: Die Anmeldung für „${offerTitle}“ ist seit ${formatInstant('de', opensAt, timeZone)} offen. Zur Anmeldung: ${link}`,
  }),
  reminder: ({ children, offerTitle, firstStart, timeZone, place, whatToBring, link }) => ({
    subject: `Erinnerung: ${offerTitle}`,
    body:
      `Bald geht es los: „${offerTitle}“ beginnt am ${formatInstant('de', firstStart, timeZone)}, Ort: ${place}. Angemeldet: ${names('de', children)}.\n` +
      (whatToBring ? `Bitte mitbringen: ${whatToBring}\n` : '') +
      `Alle Termine sind für Ihren Kalender angehängt. Ihre Buchungen: ${link}`,
  }),
};
