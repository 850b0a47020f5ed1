import * as z from 'zod';
import { id } from './common.js';

/** A website a family may open: http(s) only, never a `javascript:` or `data:` address. */
const webAddress = z.url({ protocol: /^https?$/ });

export const municipalitySchema = z.object({
  id,
  name: z.string().min(1).max(120),
  /** Postal codes that count as living in this municipality (used for residence statistics). */
  postalCodes: z.array(z.string().regex(/^\d{4,5}$/)).default([]),
  website: webAddress.optional(),
});
export type Municipality = z.infer<typeof municipalitySchema>;

export const providerSchema = z.object({
  id,
  name: z.string().min(1).max(160),
  kind: z.enum(['association', 'welfare', 'municipal', 'other']),
  municipalityId: id,
  email: z.email().optional(),
  phone: z.string().max(40).optional(),
  website: webAddress.optional(),
});
export type Provider = z.infer<typeof providerSchema>;

const categorySchema = z.object({
  id,
  name: z.object({ de: z.string(), en: z.string() }),
});

/** The region's rules for timed work; a region stored without them gets these defaults. */
export const timedWorkSettingsSchema = z.object({
  /** How long a freed place is held for the family it is offered to. */
  offerHoldHours: z
    .number()
    .int()
    .min(2)
    .max(14 * 24)
    .default(48),
  /** How many days before a child's first session the reminder goes out. */
  reminderDaysBefore: z.number().int().min(1).max(14).default(2),
  /** How long after an offer's last session its registrations and marks are kept (GDPR Art. 5(1)(e)). */
  retentionMonths: z.number().int().min(1).max(120).default(13),
});
export type TimedWorkSettings = z.infer<typeof timedWorkSettingsSchema>;

/** A licence by its name and the address of its text. */
export const openDataLicenceSchema = z.object({ name: z.string().min(1).max(120), url: webAddress });
export type OpenDataLicence = z.infer<typeof openDataLicenceSchema>;

/** Who runs the region's platform: the controller the privacy statement names, the address feedback reaches. */
const regionContactSchema = z.object({
  name: z.string().min(1).max(160),
  email: z.email(),
  address: z.string().max(300).optional(),
  phone: z.string().max(40).optional(),
});

export const regionSchema = z.object({
  name: z.string().min(1),
  contact: regionContactSchema.optional(),
  timeZone: z.enum(['Europe/Vienna', 'Europe/Berlin']),
  categories: z.array(categorySchema),
  timedWork: timedWorkSettingsSchema.optional(),
  /** The licence of the open-data document (`GET /api/open-data/offers.json`); absent: CC BY 4.0. */
  openDataLicence: openDataLicenceSchema.optional(),
});
export type Region = z.infer<typeof regionSchema>;
