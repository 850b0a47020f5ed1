import * as z from 'zod';
import { id, isoDate } from './common.js';

/** More children than this in one household is a typing accident, not a family. */
export const MAX_CHILDREN = 15;

const notBlank = (max: number) => z.string().trim().min(1, 'Pflichtfeld / required').max(max);

export const childInput = z.object({
  firstName: notBlank(60),
  birthDate: isoDate.refine((d) => d >= '1990-01-01', 'Geburtsdatum prüfen / check the birth date'),
  /** Only what a provider needs: allergies, who may pick the child up. */
  notes: z.string().trim().max(500).optional(),
});
export const childPatch = childInput.partial();
export const childSchema = childInput.extend({ id });
export type ChildInput = z.infer<typeof childInput>;
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
