import type * as z from 'zod';

/**
 * What a person reads when input fails a shared schema, in German and English: the API answers
 * it in problem+json `errors[]` (functions/api/validate.ts), the web app shows it when it checks
 * a form with the same schema before sending. Each message names the field in plain words and
 * comes with a stable machine `code` that is the same in both languages.
 */
export type Language = 'de' | 'en';

/** A field's name in words: German bare, with its article (nominative, accusative), English with "the". */
type Label = { de: string; deNom: string; deAcc: string; en: string; enBare: string; hint?: { de: string; en: string } };

const label = (de: string, deNom: string, deAcc: string, en: string, hint?: Label['hint']): Label => ({
  de,
  deNom,
  deAcc,
  en: `the ${en}`,
  enBare: en,
  hint,
});

/** The fields people fill in, by the last part of their path; `N` stands for a list index. */
const labels: Record<string, Label> = {
  firstName: label('Vorname', 'der Vorname', 'den Vornamen', 'first name'),
  birthDate: label('Geburtsdatum', 'das Geburtsdatum', 'das Geburtsdatum', 'date of birth'),
  notes: label('Hinweise', 'die Hinweise', 'die Hinweise', 'notes'),
  notesConsent: label('Einwilligung', 'die Einwilligung', 'die Einwilligung', 'consent'),
  message: label('Rückmeldung', 'Ihre Rückmeldung', 'Ihre Rückmeldung', 'feedback'),
  replyTo: label('E-Mail-Adresse für eine Antwort', 'die E-Mail-Adresse für eine Antwort', 'die E-Mail-Adresse für eine Antwort', 'e-mail address for a reply'),
  name: label('Name', 'der Name', 'den Namen', 'name'),
  phone: label('Telefonnummer', 'die Telefonnummer', 'die Telefonnummer', 'phone number', {
    de: 'Bitte prüfen Sie die Telefonnummer: erlaubt sind Ziffern, Leerzeichen und +()/-.',
    en: 'Please check the phone number: digits, spaces and +()/- only.',
  }),
  postalCode: label('Postleitzahl', 'die Postleitzahl', 'die Postleitzahl', 'postal code', {
    de: 'Bitte prüfen Sie die Postleitzahl: sie hat 4 oder 5 Ziffern.',
    en: 'Please check the postal code: it has 4 or 5 digits.',
  }),
  email: label('E-Mail-Adresse', 'die E-Mail-Adresse', 'die E-Mail-Adresse', 'e-mail address'),
  code: label('Code', 'der Code', 'den Code', 'code', { de: 'Der Code aus der E-Mail hat 6 Ziffern.', en: 'The code from the e-mail has 6 digits.' }),
  title: label('Titel', 'der Titel', 'den Titel', 'title'),
  description: label('Beschreibung', 'die Beschreibung', 'die Beschreibung', 'description'),
  category: label('Kategorie', 'die Kategorie', 'die Kategorie', 'category'),
  kind: label('Art des Angebots', 'die Art des Angebots', 'die Art des Angebots', 'kind of offer'),
  municipalityId: label('Gemeinde', 'die Gemeinde', 'die Gemeinde', 'municipality'),
  municipality: label('Gemeinde', 'die Gemeinde', 'die Gemeinde', 'municipality'),
  address: label('Adresse', 'die Adresse', 'die Adresse', 'address'),
  accessibility: label('Barrierefreiheit', 'die Angabe zur Barrierefreiheit', 'die Angabe zur Barrierefreiheit', 'accessibility'),
  whatToBring: label('Mitzubringen', 'die Angabe, was mitzubringen ist', 'die Angabe, was mitzubringen ist', 'what to bring'),
  waitlist: label('Warteliste', 'die Warteliste', 'die Warteliste', 'waiting list'),
  bookingMode: label('Vergabe', 'die Vergabe', 'die Vergabe', 'booking mode'),
  'ageRange.min': label('Mindestalter', 'das Mindestalter', 'das Mindestalter', 'minimum age'),
  'ageRange.max': label('Höchstalter', 'das Höchstalter', 'das Höchstalter', 'maximum age'),
  registrationOpens: label('Anmeldebeginn', 'der Anmeldebeginn', 'den Anmeldebeginn', 'start of registration'),
  registrationCloses: label('Anmeldeschluss', 'der Anmeldeschluss', 'den Anmeldeschluss', 'end of registration'),
  'price.amount': label('Preis', 'der Preis', 'den Preis', 'price'),
  'price.reduced': label('ermäßigter Preis', 'der ermäßigte Preis', 'den ermäßigten Preis', 'reduced price'),
  sessions: label('Termine', 'die Termine', 'die Termine', 'dates'),
  'sessions.N.start': label('Beginn von Termin {n}', 'der Beginn von Termin {n}', 'den Beginn von Termin {n}', 'start of date {n}'),
  'sessions.N.end': label('Ende von Termin {n}', 'das Ende von Termin {n}', 'das Ende von Termin {n}', 'end of date {n}'),
  'sessions.N.place': label('Ort von Termin {n}', 'der Ort von Termin {n}', 'den Ort von Termin {n}', 'place of date {n}'),
  'sessions.N.unitId': label('Gruppe von Termin {n}', 'die Gruppe von Termin {n}', 'die Gruppe von Termin {n}', 'group of date {n}'),
  units: label('Gruppen', 'die Gruppen', 'die Gruppen', 'groups'),
  'units.N': label('Gruppe {n}', 'die Gruppe {n}', 'die Gruppe {n}', 'group {n}'),
  'units.N.label': label('Bezeichnung von Gruppe {n}', 'die Bezeichnung von Gruppe {n}', 'die Bezeichnung von Gruppe {n}', 'name of group {n}'),
  'units.N.capacity': label('Plätze von Gruppe {n}', 'die Zahl der Plätze von Gruppe {n}', 'die Zahl der Plätze von Gruppe {n}', 'places of group {n}'),
  capacity: label('Plätze', 'die Zahl der Plätze', 'die Zahl der Plätze', 'number of places'),
  from: label('Von', 'das Von-Datum', 'das Von-Datum', '"from" date'),
  to: label('Bis', 'das Bis-Datum', 'das Bis-Datum', '"to" date'),
  age: label('Alter', 'das Alter', 'das Alter', 'age'),
  json: label('Angaben', 'die Angaben', 'die Angaben', 'input'),
  wishOpens: label('Beginn der Wunschfrist', 'der Beginn der Wunschfrist', 'den Beginn der Wunschfrist', 'start of the wish window'),
  wishCloses: label('Ende der Wunschfrist', 'das Ende der Wunschfrist', 'das Ende der Wunschfrist', 'end of the wish window'),
  maxWishesPerChild: label('Wünsche je Kind', 'die Zahl der Wünsche je Kind', 'die Zahl der Wünsche je Kind', 'number of wishes per child'),
  maxPlacesPerChild: label('Plätze je Kind', 'die Zahl der Plätze je Kind', 'die Zahl der Plätze je Kind', 'number of places per child'),
  maxCareWeeksPerFamily: label(
    'Betreuungswochen je Familie',
    'die Zahl der Betreuungswochen je Familie',
    'die Zahl der Betreuungswochen je Familie',
    'number of care weeks per family',
  ),
  'residentReserve.value': label('Reserve für Ortsansässige', 'die Reserve für Ortsansässige', 'die Reserve für Ortsansässige', 'reserve for residents'),
  travelBufferMinutes: label('Wegzeit zwischen Terminen', 'die Wegzeit zwischen Terminen', 'die Wegzeit zwischen Terminen', 'travel time between dates'),
  randomnessSource: label('Herkunft der Zufallszahl', 'die Herkunft der Zufallszahl', 'die Herkunft der Zufallszahl', 'source of the randomness'),
  randomness: label('Zufallszahl', 'die Zufallszahl', 'die Zufallszahl', 'randomness'),
  programmeId: label('Ferienprogramm', 'das Ferienprogramm', 'das Ferienprogramm', 'holiday programme'),
};

/** The label of a path: the whole path (indexes as `N`), else its tail, else the path itself in quotes. */
function labelOf(path: string): Label {
  const parts = path.split('.');
  const index = parts.findIndex((p) => /^\d+$/.test(p));
  const n = index < 0 ? '' : String(Number(parts[index]) + 1);
  const generic = parts.map((p) => (/^\d+$/.test(p) ? 'N' : p));
  for (let i = 0; i < generic.length; i++) {
    const found = labels[generic.slice(i).join('.')];
    if (found) return fill(found, n);
  }
  return { de: `„${path}“`, deNom: `das Feld „${path}“`, deAcc: `das Feld „${path}“`, en: `the field "${path}"`, enBare: `"${path}"` };
}

const fill = (l: Label, n: string): Label => ({
  de: l.de.replace('{n}', n),
  deNom: l.deNom.replace('{n}', n),
  deAcc: l.deAcc.replace('{n}', n),
  en: l.en.replace('{n}', n),
  enBare: l.enBare.replace('{n}', n),
  hint: l.hint,
});

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type Text = { de: string; en: string };

/** The messages of rules written in the schemas (`params: { code }` of a refinement). */
const ruleMessages: Record<string, Text> = {
  end_before_start: { de: 'Das Ende muss nach dem Beginn liegen.', en: 'The end must be after the start.' },
  closes_before_opens: { de: 'Der Anmeldeschluss muss nach dem Anmeldebeginn liegen.', en: 'Registration must close after it opens.' },
  wishes_close_before_open: { de: 'Die Wunschfrist muss nach ihrem Beginn enden.', en: 'The wish window must close after it opens.' },
  max_below_min: { de: 'Das Höchstalter darf nicht unter dem Mindestalter liegen.', en: 'The maximum age must not be below the minimum age.' },
  notes_need_consent: {
    de: 'Hinweise speichern wir nur mit Ihrer Einwilligung: bitte Häkchen setzen oder die Hinweise leeren.',
    en: 'We keep notes only with your consent: please tick the box or clear the notes.',
  },
  whole_cents: {
    de: 'Bitte geben Sie den Betrag in Euro mit höchstens zwei Nachkommastellen an.',
    en: 'Please enter the amount in euros with at most two decimals.',
  },
  unknown_unit: { de: 'Diese Gruppe gibt es in diesem Angebot nicht.', en: 'This group is not one of the offer’s groups.' },
  unit_without_session: {
    de: 'Diese Gruppe hat keinen Termin: bitte einen Termin ihr oder allen Gruppen zuordnen.',
    en: 'This group has no date: please give it a date of its own or one for all groups.',
  },
  duplicate_id: { de: 'Diese Id kommt in der Liste zweimal vor.', en: 'This id appears twice in the list.' },
  to_before_from: { de: 'Das Bis-Datum darf nicht vor dem Von-Datum liegen.', en: 'The "to" date must not be before the "from" date.' },
};

/** A schema rule's message as the domain writes its own ("Deutsch / English"), for a rule it checks again. */
export const ruleText = (code: keyof typeof ruleMessages): string => `${ruleMessages[code]?.de} / ${ruleMessages[code]?.en}`;

/**
 * The half of a "Deutsch / English" text for the language; a text without exactly one ` / `
 * is returned as it is.
 */
export function pickLanguage(text: string, language: Language): string {
  const parts = text.split(' / ');
  if (parts.length !== 2) return text;
  return (language === 'de' ? parts[0] : parts[1]) ?? text;
}

const valueAt = (input: unknown, path: readonly PropertyKey[]) =>
  path.reduce<unknown>((o, key) => (o === null || typeof o !== 'object' ? undefined : (o as Record<PropertyKey, unknown>)[key]), input);

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

const required = (l: Label): Text => ({ de: `Bitte geben Sie ${l.deAcc} an.`, en: `Please enter ${l.en}.` });
const check = (l: Label): Text => ({ de: `Bitte prüfen Sie ${l.deAcc}.`, en: `Please check ${l.en}.` });

/** The code and both languages' message of one issue, before the language is picked. */
function explain(issue: z.core.$ZodIssue, l: Label, input: unknown): { code: string } & Text {
  switch (issue.code) {
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') {
        if (n <= 1) return { code: 'required', ...required(l) };
        return {
          code: 'too_short',
          de: `${capital(l.deNom)} ist zu kurz: mindestens ${n} Zeichen.`,
          en: `${capital(l.en)} is too short: at least ${n} characters.`,
        };
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { code: 'too_few', de: `${l.de}: bitte mindestens ${n} angeben.`, en: `${capital(l.enBare)}: please give at least ${n}.` };
      }
      if (issue.inclusive === false) {
        return { code: 'too_small', de: `${capital(l.deNom)} muss größer als ${n} sein.`, en: `${capital(l.en)} must be greater than ${n}.` };
      }
      return { code: 'too_small', de: `${capital(l.deNom)} muss mindestens ${n} sein.`, en: `${capital(l.en)} must be at least ${n}.` };
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') {
        return {
          code: 'too_long',
          de: `${capital(l.deNom)} ist zu lang: höchstens ${n} Zeichen.`,
          en: `${capital(l.en)} is too long: at most ${n} characters.`,
        };
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { code: 'too_many', de: `${l.de}: höchstens ${n}.`, en: `${capital(l.enBare)}: at most ${n}.` };
      }
      if (issue.inclusive === false) {
        return { code: 'too_big', de: `${capital(l.deNom)} muss kleiner als ${n} sein.`, en: `${capital(l.en)} must be less than ${n}.` };
      }
      return { code: 'too_big', de: `${capital(l.deNom)} darf höchstens ${n} sein.`, en: `${capital(l.en)} must be at most ${n}.` };
    }
    case 'invalid_type':
      if (isBlank(valueAt(input, issue.path))) return { code: 'required', ...required(l) };
      if (issue.expected === 'number' || issue.expected === 'int') {
        return { code: 'not_a_number', de: `${capital(l.deNom)} muss eine Zahl sein.`, en: `${capital(l.en)} must be a number.` };
      }
      return { code: 'invalid_type', de: `${capital(l.deNom)} hat einen ungültigen Wert.`, en: `${capital(l.en)} has an invalid value.` };
    case 'invalid_format':
      if (isBlank(valueAt(input, issue.path))) return { code: 'required', ...required(l) };
      if (issue.format === 'email')
        return { code: 'invalid_email', de: 'Bitte geben Sie eine gültige E-Mail-Adresse an.', en: 'Please enter a valid e-mail address.' };
      if (issue.format === 'date') {
        return { code: 'invalid_date', de: `Bitte prüfen Sie ${l.deAcc}: das ist kein gültiges Datum.`, en: `Please check ${l.en}: this is not a valid date.` };
      }
      if (issue.format === 'datetime') {
        return {
          code: 'invalid_datetime',
          de: `Bitte prüfen Sie ${l.deAcc}: Datum und Uhrzeit sind ungültig.`,
          en: `Please check ${l.en}: the date and time are not valid.`,
        };
      }
      return { code: 'invalid_format', ...(l.hint ?? check(l)) };
    case 'not_multiple_of':
      return {
        code: 'not_multiple_of',
        de: `${capital(l.deNom)} muss ein Vielfaches von ${issue.divisor} sein.`,
        en: `${capital(l.en)} must be a multiple of ${issue.divisor}.`,
      };
    case 'invalid_value':
      if (isBlank(valueAt(input, issue.path))) return { code: 'required', ...required(l) };
      return { code: 'invalid_value', de: `Bitte wählen Sie einen gültigen Wert für ${l.deAcc}.`, en: `Please choose a valid value for ${l.en}.` };
    case 'unrecognized_keys':
      return { code: 'unrecognized_keys', de: `Unbekannte Angaben: ${issue.keys.join(', ')}.`, en: `Unknown fields: ${issue.keys.join(', ')}.` };
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return { code: issue.code, ...check(l) };
    case 'custom': {
      const code = typeof issue.params?.code === 'string' ? issue.params.code : 'invalid';
      const rule = ruleMessages[code];
      if (rule) return { code, ...rule };
      const [de, en] = issue.message.split(' / ');
      if (de && en) return { code, de, en };
      return { code, ...check(l) };
    }
  }
}

/** One field error as the API answers it and the web shows it. */
export type FieldError = { path: string; code: string; message: string };

/**
 * The field error for a zod issue in the language: `path` dotted (or `fallbackPath` for the
 * whole input), a stable `code`, a message naming the field. `input` is what was validated, so
 * a missing value reads "please enter" rather than "wrong type".
 */
export function describeIssue(issue: z.core.$ZodIssue, language: Language, input?: unknown, fallbackPath = ''): FieldError {
  const path = issue.path.map(String).join('.') || fallbackPath;
  const { code, ...text } = explain(issue, labelOf(path), input);
  return { path, code, message: text[language] };
}
