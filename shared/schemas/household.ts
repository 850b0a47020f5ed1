import * as z from 'zod';
import { id, isoDate, isoDateTime } from './common.js';

/** More children than this in one household is a typing accident, not a family. */
export const MAX_CHILDREN = 15;

const notBlank = (max: number) => z.string().trim().min(1, 'Pflichtfeld / required').max(max);

const childFields = z.object({
  firstName: notBlank(60),
  birthDate: isoDate.refine((d) => d >= '1990-01-01', 'Geburtsdatum prüfen / check the birth date'),
  /**
   * Only what a provider needs: allergies, medication, assistance, who may pick the child up.
   * Health data (GDPR Art. 9): stored only with the guardian's consent, sent with them.
   */
  notes: z.string().trim().max(500).optional(),
  /** The guardian's explicit consent that the notes go to the providers of the child's booked offers; `false` withdraws it and deletes the notes. */
  notesConsent: z.boolean().optional(),
});
const hasConsentForNotes = (c: { notes?: string; notesConsent?: boolean }) => !c.notes || c.notesConsent === true;
const notesNeedConsent = { message: 'Hinweise nur mit Einwilligung / notes need consent', path: ['notesConsent'], params: { code: 'notes_need_consent' } };
export const childInput = childFields.refine(hasConsentForNotes, notesNeedConsent);
export const childPatch = childFields.partial().refine(hasConsentForNotes, notesNeedConsent);
/** A child as stored and answered: the consent as the time it was given, never as a flag someone could assume. */
export const childSchema = childFields.omit({ notesConsent: true }).extend({ id, notesConsentAt: isoDateTime.optional() });
export type ChildInput = z.infer<typeof childInput>;
export type ChildPatch = z.infer<typeof childPatch>;
export type Child = z.infer<typeof childSchema>;

export const guardianInput = z.object({
  name: notBlank(120),
  phone: z
    .string()
    .trim()
    .regex(/^[+0-9 ()/-]{5,30}$/, 'Telefonnummer prüfen / check the phone number'),
  postalCode: z.string().regex(/^\d{4,5}$/, 'Postleitzahl prüfen / check the postal code'),
});
export type GuardianInput = z.infer<typeof guardianInput>;

const householdSchema = z.object({
  id,
  guardian: guardianInput.partial(),
  /** Derived from the postal code; what municipal statistics count as residence. */
  municipalityId: id.optional(),
  children: z.array(childSchema),
});
export type Household = z.infer<typeof householdSchema>;

/** The household as the API answers it (`/family/household`, `/me`): with the account's address. */
export const householdAnswer = householdSchema.extend({ email: z.email() });
export type HouseholdAnswer = z.infer<typeof householdAnswer>;
