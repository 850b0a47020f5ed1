import { contactLine, formatInstant, names } from './format.js';
import type { MailTexts, OfferFacts } from './kinds.js';

/** When and where it starts, and whom to ask. */
const details = ({ firstStart, sessionCount, timeZone, place, contact }: OfferFacts) =>
  `Erster Termin: ${formatInstant('de', firstStart, timeZone)}, Ort: ${place}${sessionCount > 1 ? ` (${sessionCount} Termine)` : ''}.\n` +
  `Kontakt: ${contactLine(contact)}`;

/** Deutsch: the language every e-mail opens with. */
export const de: MailTexts = {
  loginCode: ({ code, minutes }) => ({
    subject: `Ihr Anmeldecode: ${code}`,
    body: `Ihr Anmeldecode für regiokurs lautet ${code}. Er gilt ${minutes} Minuten.`,
  }),
  booked: (facts) => {
    const { offerTitle, confirmed, waitlisted, link } = facts;
    const subject = waitlisted.length === 0 ? 'Buchung bestätigt' : confirmed.length === 0 ? 'Auf der Warteliste' : 'Ihre Buchung';
    return {
      subject: `${subject}: ${offerTitle}`,
      body:
        `Danke für Ihre Buchung bei „${offerTitle}“.\n` +
        (confirmed.length > 0 ? `Fix angemeldet: ${confirmed.map((p) => `${p.child} (${p.unitLabel})`).join(', ')}.\n` : '') +
        (waitlisted.length > 0
          ? `Auf der Warteliste: ${waitlisted.map((p) => `${p.child} (${p.unitLabel}${p.position === undefined ? '' : `, Platz ${p.position}`})`).join(', ')}. ` +
            `Wird ein Platz frei, bieten wir ihn Ihnen per E-Mail mit einer Frist zum Zusagen an.\n`
          : '') +
        `${details(facts)}\n` +
        (confirmed.length > 0 ? 'Die Termine sind für Ihren Kalender angehängt. ' : '') +
        `Ihre Buchungen: ${link}`,
    };
  },
  registrationCancelled: (facts) => {
    const { children, offerTitle, unitLabel, byProvider, link } = facts;
    return {
      subject: `Storniert: ${offerTitle}`,
      body:
        (byProvider
          ? `Die Anbieterin bzw. der Anbieter hat die Anmeldung von ${names('de', children)} bei „${offerTitle}“ (${unitLabel}) storniert.`
          : `Die Anmeldung von ${names('de', children)} bei „${offerTitle}“ (${unitLabel}) ist storniert.`) + `\n${details(facts)}\nIhre Buchungen: ${link}`,
    };
  },
  placeOffered: (facts) => {
    const { children, offerTitle, unitLabel, deadline, timeZone, link } = facts;
    return {
      subject: `Platz frei für Sie: ${offerTitle}`,
      body:
        `Gute Nachricht: Für ${names('de', children)} ist bei „${offerTitle}“ (${unitLabel}) ein Platz frei geworden. ` +
        `Wir halten ihn bis ${formatInstant('de', deadline, timeZone)} für Sie. Bitte sagen Sie bis dahin zu oder ab: ${link}\n` +
        `Ohne Antwort geht der Platz an die nächste Familie auf der Warteliste. Wenn Sie mehr Zeit brauchen, können Sie die Frist dort einmal verlängern. ` +
        `Mit Ihrer Zusage ist die Anmeldung verbindlich.\n${details(facts)}`,
    };
  },
  placeAccepted: (facts) => {
    const { children, offerTitle, unitLabel, link } = facts;
    return {
      subject: `Platz bestätigt: ${offerTitle}`,
      body:
        `Sie haben zugesagt: ${names('de', children)} ${children.length > 1 ? 'sind' : 'ist'} bei „${offerTitle}“ (${unitLabel}) fix angemeldet.\n` +
        `${details(facts)}\nDie Termine sind für Ihren Kalender angehängt. Ihre Buchungen: ${link}`,
    };
  },
  placeExpired: (facts) => {
    const { children, offerTitle, unitLabel, link } = facts;
    return {
      subject: `Frist abgelaufen: ${offerTitle}`,
      body:
        `Der Platz bei „${offerTitle}“ (${unitLabel}) für ${names('de', children)} wurde nicht rechtzeitig angenommen und ist an die nächste Familie gegangen. Ihre Buchungen: ${link}\n` +
        details(facts),
    };
  },
  lastCall: (facts) => {
    const { children, offerTitle, unitLabel, link } = facts;
    return {
      subject: `Kurzfristig frei: ${offerTitle}`,
      body:
        `„${offerTitle}“ (${unitLabel}) beginnt bald, und es ist ein Platz frei. Weil die Zeit nicht reicht, ihn für eine Familie zu halten, ` +
        `bekommt ihn, wer von der Warteliste zuerst zusagt. Für ${names('de', children)} zusagen: ${link}\n` +
        details(facts),
    };
  },
  offerCancelled: (facts) => ({
    subject: `Abgesagt: ${facts.offerTitle}`,
    body:
      `Leider wurde „${facts.offerTitle}“ abgesagt. Die Anmeldungen von ${names('de', facts.children)} dafür sind storniert.\n` +
      `${details(facts)}\nIhre Buchungen: ${facts.link}`,
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
  drawResult: ({ programmeTitle, ticket, tickets, children, link }) => ({
    subject: `Ergebnis der Verlosung: ${programmeTitle}`,
    body:
      `Die Plätze im Ferienprogramm „${programmeTitle}“ sind verlost. Ihre Losnummer: ${ticket} von ${tickets}.\n\n` +
      children.map((c) => `${c.firstName}:\n${c.lines.map((l) => `- ${l.de}`).join('\n')}`).join('\n\n') +
      `\n\nAlle Plätze und Wartelisten und wie die Verlosung geprüft werden kann: ${link}`,
  }),
  accessibilityFeedback: ({ message, replyTo, page }) => ({
    subject: 'Rückmeldung zur Barrierefreiheit',
    body:
      `Über die Erklärung zur Barrierefreiheit kam diese Rückmeldung${page ? ` (zur Seite ${page})` : ''}:\n\n${message}\n\n` +
      (replyTo ? `Antwort erbeten an: ${replyTo}` : 'Ohne Adresse für eine Antwort.') +
      '\nÖffentliche Stellen antworten innerhalb der gesetzlichen Frist.',
  }),
};
