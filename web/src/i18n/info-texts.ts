/**
 * Texts of the information pages (privacy statement, accessibility statement, the platform in
 * Leichte Sprache). They load with those pages, not with the calendar. `{{ region }}`,
 * `{{ contact }}` and the like are filled from the region's configuration.
 */
export const infoDe = {
  links: { privacy: 'Datenschutz', accessibility: 'Barrierefreiheit', easy: 'Leichte Sprache' },
  privacy: {
    title: 'Datenschutzerklärung',
    lead: 'Hier steht, welche Daten regiokurs über Sie und Ihre Kinder speichert, wozu, wer sie sieht und wie lange.',
    controllerTitle: 'Wer ist verantwortlich?',
    controller: 'Verantwortlich ist die {{ region }}, vertreten durch: {{ contact }}.',
    sections: [
      {
        heading: 'Wozu wir Daten verarbeiten',
        lines: [
          'Damit Sie Angebote buchen, auf Wartelisten stehen und an Verlosungen teilnehmen können (Art. 6 Abs. 1 lit. b und e DSGVO).',
          'Damit Anbieter*innen wissen, wer kommt, und Anwesenheit erfassen können.',
          'Damit die Gemeinden sehen, wo Plätze fehlen: nur als Zahlen, ohne Namen; kleine Zahlen werden nicht gezeigt.',
        ],
      },
      {
        heading: 'Welche Daten',
        lines: [
          'Ihre E-Mail-Adresse (für die Anmeldung mit Code), Name, Telefonnummer und Postleitzahl.',
          'Vorname und Geburtsdatum Ihrer Kinder, ihre Buchungen und Wünsche.',
          'Hinweise zu Ihren Kindern (z. B. Allergien, Medikamente, wer abholen darf) nur mit Ihrer ausdrücklichen Einwilligung (Art. 9 Abs. 2 lit. a DSGVO). Sie können sie jederzeit auf der Seite „Meine Familie“ widerrufen; die Hinweise werden dann gelöscht.',
        ],
      },
      {
        heading: 'Wer die Daten sieht',
        lines: [
          'Die Anbieter*innen eines gebuchten Angebots: Vorname und Alter des Kindes, Name und Telefonnummer der Eltern, die Hinweise (mit Einwilligung) bis zum letzten Termin. Nie Ihre E-Mail-Adresse oder das Geburtsdatum.',
          'Die Gemeinden und die Koordination: nur zusammengezählte Zahlen, keine Namen.',
          'Amazon Web Services betreibt die Server als Auftragsverarbeiter in der EU (Frankfurt).',
        ],
      },
      {
        heading: 'Wie lange',
        lines: [
          'Buchungen mit Namen werden {{ months }} Monate nach dem letzten Termin eines Angebots gelöscht; es bleiben nur Zahlen ohne Namen.',
          'Ein Konto, mit dem sich 24 Monate niemand angemeldet hat, wird nach einer Vorwarnung per E-Mail gelöscht.',
          'Anmeldecodes gelten 10 Minuten; E-Mails werden nach dem Versand nicht aufbewahrt.',
        ],
      },
      {
        heading: 'Cookies',
        lines: [
          'Nur ein technisch nötiges Cookie für die Anmeldung (es endet mit der Abmeldung, spätestens nach 30 Tagen). Die gewählte Sprache merkt sich Ihr Browser. Keine Werbung, keine Analyse, keine Cookies anderer.',
        ],
      },
      {
        heading: 'Ihre Rechte',
        lines: [
          'Auskunft und Datenübertragung: auf „Meine Familie“ laden Sie alle Daten als Datei herunter.',
          'Berichtigung: Sie ändern Ihre Angaben selbst auf „Meine Familie“.',
          'Löschung: auf „Meine Familie“ löschen Sie Ihr Konto mit allen Daten; Buchungen werden dabei storniert.',
          'Widerruf einer Einwilligung, Einschränkung und Widerspruch: schreiben Sie an die Adresse oben.',
          'Beschwerde: bei der Datenschutzbehörde ({{ authority }}).',
        ],
      },
    ],
    authorityAt: 'Österreichische Datenschutzbehörde, dsb.gv.at',
    authorityDe: 'der Datenschutzaufsichtsbehörde Ihres Bundeslandes',
  },
  accessibility: {
    title: 'Erklärung zur Barrierefreiheit',
    lead: 'Die {{ region }} ist bemüht, regiokurs barrierefrei zugänglich zu machen. Diese Erklärung gilt für {{ url }}.',
    statusTitle: 'Stand der Vereinbarkeit mit den Anforderungen',
    status:
      'Diese Website ist mit der Norm EN 301 549 (WCAG 2.1, Stufe AA) weitgehend vereinbar. Jede Änderung wird automatisch mit axe-core und mit Tastatur-Tests in einem echten Browser geprüft.',
    gapsTitle: 'Nicht barrierefreie Inhalte',
    gaps: [
      'Die Anwesenheitsliste als PDF ist eine Druckvorlage für Anbieter*innen und nicht barrierefrei getaggt; dieselben Daten gibt es barrierefrei auf der Seite des Angebots und als CSV-Datei.',
      'Texte, die Anbieter*innen selbst eingeben (Beschreibungen), prüfen wir nicht auf einfache Sprache.',
    ],
    madeTitle: 'Erstellung dieser Erklärung',
    made: 'Diese Erklärung wurde am {{ date }} erstellt, auf Grundlage einer Selbstbewertung (automatische Prüfung mit axe-core und Lighthouse, Prüfung mit Tastatur und Bildschirmlupe).',
    feedbackTitle: 'Feedback und Kontakt',
    feedback:
      'Sind Ihnen Mängel aufgefallen, oder brauchen Sie Inhalte in einer anderen Form? Schreiben Sie uns mit dem Formular oder an {{ email }}. Wir antworten so schnell wie möglich, spätestens innerhalb von zwei Monaten.',
    form: {
      message: 'Ihre Rückmeldung',
      replyTo: 'Ihre E-Mail-Adresse für eine Antwort (freiwillig)',
      send: 'Rückmeldung senden',
      sending: 'Wird gesendet …',
      sent: 'Danke! Ihre Rückmeldung ist bei der Koordination angekommen.',
    },
    enforcementTitle: 'Durchsetzungsverfahren',
    enforcementAt:
      'Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort bekommen, können Sie sich bei der Beschwerdestelle der FFG (Österreichische Forschungsförderungsgesellschaft) beschweren: ffg.at/barrierefreiheit.',
    enforcementDe:
      'Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort bekommen, können Sie sich an die Schlichtungsstelle nach dem Behindertengleichstellungsgesetz oder an die Durchsetzungsstelle Ihres Bundeslandes wenden: schlichtungsstelle-bgg.de.',
  },
  easy: {
    title: 'regiokurs in Leichter Sprache',
    lead: 'Hier erklären wir regiokurs in Leichter Sprache.',
    sections: [
      {
        heading: 'Was ist regiokurs?',
        lines: [
          'regiokurs ist eine Internet-Seite.',
          'Mehrere Gemeinden machen diese Seite zusammen.',
          'Auf der Seite stehen Angebote für Familien.',
          'Zum Beispiel: Kurse, Feste und Ferien-Betreuung.',
          'Alle Angebote stehen in einem Kalender.',
        ],
      },
      {
        heading: 'So finden Sie ein Angebot',
        steps: [
          'Gehen Sie zum Kalender.',
          'Wählen Sie eine Gemeinde oder ein Alter.',
          'Klicken Sie auf ein Angebot.',
          'Dann sehen Sie: Wann ist das Angebot? Wo ist es? Wie viel kostet es? Wie viele Plätze sind frei?',
        ],
      },
      {
        heading: 'So buchen Sie',
        steps: [
          'Melden Sie sich an. Dafür brauchen Sie eine E-Mail-Adresse.',
          'Sie bekommen einen Code per E-Mail.',
          'Schreiben Sie den Code in das Feld.',
          'Schreiben Sie den Namen und das Geburtsdatum von Ihrem Kind auf.',
          'Wählen Sie das Angebot und klicken Sie auf „Verbindlich buchen“.',
          'Sie bekommen eine E-Mail. Darin steht: Ihr Kind hat einen Platz. Oder: Ihr Kind steht auf der Warte-Liste.',
        ],
      },
      {
        heading: 'Die Warte-Liste',
        lines: [
          'Manchmal sind alle Plätze voll.',
          'Dann kommt Ihr Kind auf die Warte-Liste.',
          'Wird ein Platz frei, bekommen Sie eine E-Mail.',
          'Sie sagen dann: Ja, ich will den Platz. Oder: Nein, danke.',
        ],
      },
      {
        heading: 'Die Ferien-Betreuung',
        lines: [
          'Für die Ferien-Betreuung gibt es eine Verlosung.',
          'Sie schreiben Ihre Wünsche auf.',
          'Der Computer verteilt die Plätze gerecht.',
          'Jede Familie hat die gleiche Chance.',
        ],
      },
      {
        heading: 'Ihre Daten',
        lines: ['Ihre Daten sind geschützt.', 'Nur die Anbieter von Ihrem Angebot sehen den Namen von Ihrem Kind.', 'Sie können Ihre Daten jederzeit löschen.'],
      },
      {
        heading: 'Hilfe',
        lines: ['Sie haben eine Frage?', 'Schreiben Sie an: {{ email }}'],
      },
    ],
  },
};

export const infoEn: typeof infoDe = {
  links: { privacy: 'Privacy', accessibility: 'Accessibility', easy: 'Easy Read' },
  privacy: {
    title: 'Privacy statement',
    lead: 'What regiokurs stores about you and your children, what for, who sees it and for how long.',
    controllerTitle: 'Who is responsible?',
    controller: 'The controller is {{ region }}, represented by: {{ contact }}.',
    sections: [
      {
        heading: 'What we process data for',
        lines: [
          'So that you can book offers, wait on waiting lists and take part in draws (Art. 6(1)(b) and (e) GDPR).',
          'So that providers know who is coming and can take attendance.',
          'So that the municipalities see where places are missing: as numbers only, without names; small numbers are not shown.',
        ],
      },
      {
        heading: 'Which data',
        lines: [
          'Your e-mail address (for signing in with a code), name, phone number and postal code.',
          'Your children’s first names and dates of birth, their bookings and wishes.',
          'Notes about your children (e.g. allergies, medication, who may pick them up) only with your explicit consent (Art. 9(2)(a) GDPR). You can withdraw it at any time on the “My family” page; the notes are then deleted.',
        ],
      },
      {
        heading: 'Who sees the data',
        lines: [
          'The providers of a booked offer: the child’s first name and age, the parents’ name and phone number, the notes (with consent) until the last session. Never your e-mail address or the date of birth.',
          'The municipalities and the coordination: only totals, no names.',
          'Amazon Web Services runs the servers as a processor in the EU (Frankfurt).',
        ],
      },
      {
        heading: 'For how long',
        lines: [
          'Bookings with names are deleted {{ months }} months after an offer’s last session; only numbers without names remain.',
          'An account nobody has signed in with for 24 months is deleted after a warning by e-mail.',
          'Login codes are valid for 10 minutes; e-mails are not kept after they are sent.',
        ],
      },
      {
        heading: 'Cookies',
        lines: [
          'Only one cookie, technically needed for signing in (it ends when you sign out, after 30 days at the latest). Your browser remembers the language you chose. No advertising, no analytics, no third-party cookies.',
        ],
      },
      {
        heading: 'Your rights',
        lines: [
          'Access and portability: on “My family” you download all your data as a file.',
          'Rectification: you change your details yourself on “My family”.',
          'Erasure: on “My family” you delete your account with all data; bookings are cancelled.',
          'Withdrawing consent, restriction and objection: write to the address above.',
          'Complaints: to the data protection authority ({{ authority }}).',
        ],
      },
    ],
    authorityAt: 'Austrian Data Protection Authority, dsb.gv.at',
    authorityDe: 'the data protection supervisory authority of your federal state',
  },
  accessibility: {
    title: 'Accessibility statement',
    lead: '{{ region }} is committed to making regiokurs accessible. This statement applies to {{ url }}.',
    statusTitle: 'Compliance status',
    status:
      'This website is largely compliant with EN 301 549 (WCAG 2.1, level AA). Every change is checked automatically with axe-core and with keyboard tests in a real browser.',
    gapsTitle: 'Non-accessible content',
    gaps: [
      'The attendance list as PDF is a print template for providers and is not tagged for accessibility; the same data is accessible on the offer’s page and as a CSV file.',
      'Texts that providers enter themselves (descriptions) are not checked for plain language.',
    ],
    madeTitle: 'Preparation of this statement',
    made: 'This statement was prepared on {{ date }}, based on a self-assessment (automated checks with axe-core and Lighthouse, checks with keyboard and screen magnifier).',
    feedbackTitle: 'Feedback and contact',
    feedback:
      'Did you notice a barrier, or do you need content in another form? Write to us with the form or to {{ email }}. We answer as soon as we can, within two months at the latest.',
    form: {
      message: 'Your feedback',
      replyTo: 'Your e-mail address for a reply (optional)',
      send: 'Send feedback',
      sending: 'Sending …',
      sent: 'Thank you! Your feedback has reached the coordination.',
    },
    enforcementTitle: 'Enforcement procedure',
    enforcementAt:
      'If you do not get a satisfactory answer to your feedback, you can complain to the complaints office of the FFG (Austrian Research Promotion Agency): ffg.at/barrierefreiheit.',
    enforcementDe:
      'If you do not get a satisfactory answer to your feedback, you can turn to the conciliation body under the Disability Equality Act or to the enforcement body of your federal state: schlichtungsstelle-bgg.de.',
  },
  easy: {
    title: 'regiokurs in Easy Read',
    lead: 'Here we explain regiokurs in Easy Read.',
    sections: [
      {
        heading: 'What is regiokurs?',
        lines: [
          'regiokurs is a website.',
          'Several municipalities run this website together.',
          'The website shows offers for families.',
          'For example: courses, events and holiday care.',
          'All offers are in one calendar.',
        ],
      },
      {
        heading: 'How to find an offer',
        steps: [
          'Go to the calendar.',
          'Choose a municipality or an age.',
          'Click on an offer.',
          'Then you see: When is the offer? Where is it? What does it cost? How many places are free?',
        ],
      },
      {
        heading: 'How to book',
        steps: [
          'Sign in. You need an e-mail address for this.',
          'You get a code by e-mail.',
          'Type the code into the box.',
          'Write down the name and the date of birth of your child.',
          'Choose the offer and click on “Book”.',
          'You get an e-mail. It says: your child has a place. Or: your child is on the waiting list.',
        ],
      },
      {
        heading: 'The waiting list',
        lines: [
          'Sometimes all places are taken.',
          'Then your child goes on the waiting list.',
          'When a place becomes free, you get an e-mail.',
          'You then say: Yes, I want the place. Or: No, thank you.',
        ],
      },
      {
        heading: 'Holiday care',
        lines: [
          'For holiday care there is a draw.',
          'You write down your wishes.',
          'The computer shares out the places fairly.',
          'Every family has the same chance.',
        ],
      },
      {
        heading: 'Your data',
        lines: ['Your data is protected.', 'Only the providers of your offer see the name of your child.', 'You can delete your data at any time.'],
      },
      {
        heading: 'Help',
        lines: ['You have a question?', 'Write to: {{ email }}'],
      },
    ],
  },
};
