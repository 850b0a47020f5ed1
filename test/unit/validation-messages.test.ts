import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { languageOf } from '../../functions/api/language.js';
import { childInput, guardianInput } from '../../shared/schemas/household.js';
import { describeIssue, pickLanguage } from '../../shared/validation-messages.js';

describe('the language of an answer', () => {
  it.each([
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['EN-us', 'en'],
    ['fr-FR,fr;q=0.9,en;q=0.8,de;q=0.5', 'en'],
    ['de-AT,de;q=0.9,en;q=0.8', 'de'],
    ['de;q=0.4, en;q=0.6', 'en'],
    ['en;q=0, de', 'de'],
    ['fr', 'de'],
    ['*', 'de'],
    ['', 'de'],
    [undefined, 'de'],
  ])('Accept-Language %j → %s', (header, expected) => {
    // Act
    const language = languageOf(header);

    // Assess
    expect(language).toBe(expected);
  });

  it.each([
    ['Ende nach Beginn / end after start', 'de', 'Ende nach Beginn'],
    ['Ende nach Beginn / end after start', 'en', 'end after start'],
    ['Nur Deutsch', 'en', 'Nur Deutsch'],
    ['a / b / c', 'de', 'a / b / c'],
  ] as const)('picks the half of %j for %s', (text, language, expected) => {
    // Act
    const half = pickLanguage(text, language);

    // Assess
    expect(half).toBe(expected);
  });
});

/** The first issue of parsing `input` with `schema`, in both languages. */
function messagesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a failure');
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  return { issue, de: describeIssue(issue, 'de', input, 'json'), en: describeIssue(issue, 'en', input, 'json') };
}

describe('the catalog of validation messages', () => {
  const offerLike = z.object({
    title: z.string().min(3).max(5),
    capacity: z.number().int().min(1).max(10),
    sessions: z
      .array(z.object({ start: z.iso.datetime({ offset: true }) }))
      .min(1)
      .max(1),
    kind: z.enum(['course', 'event']),
    step: z.number().multipleOf(5),
    ages: z.set(z.number()).max(1),
    email: z.email(),
    labels: z.record(z.string().regex(/^[a-z]+$/), z.string()),
    mode: z.union([z.literal('a'), z.literal('b')]),
  });
  const valid = {
    title: 'Turn',
    capacity: 5,
    sessions: [{ start: '2026-07-06T08:00:00+02:00' }],
    kind: 'course',
    step: 5,
    ages: new Set([1]),
    email: 'a@b.at',
    labels: {},
    mode: 'a',
  };

  it.each([
    [
      'too_small, a required text left empty',
      childInput,
      { firstName: '  ', birthDate: '2019-05-04' },
      'too_small',
      'required',
      'firstName',
      'Bitte geben Sie den Vornamen an.',
      'Please enter the first name.',
    ],
    [
      'invalid_type, a required field missing',
      childInput,
      { birthDate: '2019-05-04' },
      'invalid_type',
      'required',
      'firstName',
      'Bitte geben Sie den Vornamen an.',
      'Please enter the first name.',
    ],
    [
      'invalid_type, a wrong type',
      offerLike,
      { ...valid, capacity: 'viele' },
      'invalid_type',
      'not_a_number',
      'capacity',
      'Die Zahl der Plätze muss eine Zahl sein.',
      'The number of places must be a number.',
    ],
    [
      'invalid_type, not an object',
      offerLike,
      { ...valid, sessions: [7] },
      'invalid_type',
      'invalid_type',
      'sessions.0',
      'Das Feld „sessions.0“ hat einen ungültigen Wert.',
      'The field "sessions.0" has an invalid value.',
    ],
    [
      'too_small, a short text',
      offerLike,
      { ...valid, title: 'Ab' },
      'too_small',
      'too_short',
      'title',
      'Der Titel ist zu kurz: mindestens 3 Zeichen.',
      'The title is too short: at least 3 characters.',
    ],
    [
      'too_small, a number',
      offerLike,
      { ...valid, capacity: 0 },
      'too_small',
      'too_small',
      'capacity',
      'Die Zahl der Plätze muss mindestens 1 sein.',
      'The number of places must be at least 1.',
    ],
    [
      'too_small, a list',
      offerLike,
      { ...valid, sessions: [] },
      'too_small',
      'too_few',
      'sessions',
      'Termine: bitte mindestens 1 angeben.',
      'Dates: please give at least 1.',
    ],
    [
      'too_big, a long text',
      offerLike,
      { ...valid, title: 'Turnen' },
      'too_big',
      'too_long',
      'title',
      'Der Titel ist zu lang: höchstens 5 Zeichen.',
      'The title is too long: at most 5 characters.',
    ],
    [
      'too_big, a number',
      offerLike,
      { ...valid, capacity: 11 },
      'too_big',
      'too_big',
      'capacity',
      'Die Zahl der Plätze darf höchstens 10 sein.',
      'The number of places must be at most 10.',
    ],
    [
      'too_big, a list',
      offerLike,
      { ...valid, sessions: [valid.sessions[0], valid.sessions[0]] },
      'too_big',
      'too_many',
      'sessions',
      'Termine: höchstens 1.',
      'Dates: at most 1.',
    ],
    ['too_big, a set', offerLike, { ...valid, ages: new Set([1, 2]) }, 'too_big', 'too_many', 'ages', '„ages“: höchstens 1.', '"ages": at most 1.'],
    [
      'invalid_format, a date',
      childInput,
      { firstName: 'Mia', birthDate: '2026-02-30' },
      'invalid_format',
      'invalid_date',
      'birthDate',
      'Bitte prüfen Sie das Geburtsdatum: das ist kein gültiges Datum.',
      'Please check the date of birth: this is not a valid date.',
    ],
    [
      'invalid_format, a date left empty',
      childInput,
      { firstName: 'Mia', birthDate: '' },
      'invalid_format',
      'required',
      'birthDate',
      'Bitte geben Sie das Geburtsdatum an.',
      'Please enter the date of birth.',
    ],
    [
      'invalid_format, a date and time in a list',
      offerLike,
      { ...valid, sessions: [{ start: 'morgen' }] },
      'invalid_format',
      'invalid_datetime',
      'sessions.0.start',
      'Bitte prüfen Sie den Beginn von Termin 1: Datum und Uhrzeit sind ungültig.',
      'Please check the start of date 1: the date and time are not valid.',
    ],
    [
      'invalid_format, an e-mail address',
      offerLike,
      { ...valid, email: 'a@' },
      'invalid_format',
      'invalid_email',
      'email',
      'Bitte geben Sie eine gültige E-Mail-Adresse an.',
      'Please enter a valid e-mail address.',
    ],
    [
      'invalid_format, a pattern with a hint',
      guardianInput,
      { name: 'A', phone: '+43 1', postalCode: '48' },
      'invalid_format',
      'invalid_format',
      'postalCode',
      'Bitte prüfen Sie die Postleitzahl: sie hat 4 oder 5 Ziffern.',
      'Please check the postal code: it has 4 or 5 digits.',
    ],
    [
      'invalid_format, a pattern without a hint',
      z.object({ title: z.string().regex(/^A/) }),
      { title: 'B' },
      'invalid_format',
      'invalid_format',
      'title',
      'Bitte prüfen Sie den Titel.',
      'Please check the title.',
    ],
    [
      'not_multiple_of',
      offerLike,
      { ...valid, step: 3 },
      'not_multiple_of',
      'not_multiple_of',
      'step',
      'Das Feld „step“ muss ein Vielfaches von 5 sein.',
      'The field "step" must be a multiple of 5.',
    ],
    [
      'invalid_value, an unknown choice',
      offerLike,
      { ...valid, kind: 'party' },
      'invalid_value',
      'invalid_value',
      'kind',
      'Bitte wählen Sie einen gültigen Wert für die Art des Angebots.',
      'Please choose a valid value for the kind of offer.',
    ],
    [
      'invalid_value, no choice',
      offerLike,
      { ...valid, kind: '' },
      'invalid_value',
      'required',
      'kind',
      'Bitte geben Sie die Art des Angebots an.',
      'Please enter the kind of offer.',
    ],
    [
      'unrecognized_keys',
      childInput.strict(),
      { firstName: 'Mia', birthDate: '2019-05-04', shoeSize: 28 },
      'unrecognized_keys',
      'unrecognized_keys',
      'json',
      'Unbekannte Angaben: shoeSize.',
      'Unknown fields: shoeSize.',
    ],
    [
      'invalid_union',
      offerLike,
      { ...valid, mode: 'c' },
      'invalid_union',
      'invalid_union',
      'mode',
      'Bitte prüfen Sie das Feld „mode“.',
      'Please check the field "mode".',
    ],
    [
      'invalid_key',
      offerLike,
      { ...valid, labels: { B: 'x' } },
      'invalid_key',
      'invalid_key',
      'labels.B',
      'Bitte prüfen Sie das Feld „labels.B“.',
      'Please check the field "labels.B".',
    ],
    [
      'custom with a code of the catalog',
      offerLike.refine(() => false, { path: ['capacity'], params: { code: 'end_before_start' } }),
      valid,
      'custom',
      'end_before_start',
      'capacity',
      'Das Ende muss nach dem Beginn liegen.',
      'The end must be after the start.',
    ],
    [
      'custom written in both languages',
      childInput,
      { firstName: 'Mia', birthDate: '1970-01-01' },
      'custom',
      'invalid',
      'birthDate',
      'Geburtsdatum prüfen',
      'check the birth date',
    ],
    [
      'custom in one language',
      offerLike.refine(() => false, { path: ['title'], message: 'nope' }),
      valid,
      'custom',
      'invalid',
      'title',
      'Bitte prüfen Sie den Titel.',
      'Please check the title.',
    ],
  ] as const)('%s', (_name, schema, input, zodCode, code, path, de, en) => {
    // Act
    const messages = messagesOf(schema, input);

    // Assess: the issue is the kind this row is about, named in plain words, the code the same in both languages.
    expect(messages.issue.code).toBe(zodCode);
    expect(messages.de).toEqual({ path, code, message: de });
    expect(messages.en).toEqual({ path, code, message: en });
  });
});
