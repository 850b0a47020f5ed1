import * as z from 'zod';
import { id } from './common.js';

export const municipalitySchema = z.object({
  id,
  name: z.string().min(1).max(120),
  /** Postal codes that count as living in this municipality (used for residence statistics). */
  postalCodes: z.array(z.string().regex(/^\d{4,5}$/)).default([]),
  website: z.url().optional(),
});
export type Municipality = z.infer<typeof municipalitySchema>;

export const providerSchema = z.object({
  id,
  name: z.string().min(1).max(160),
  kind: z.enum(['association', 'welfare', 'municipal', 'other']),
  municipalityId: id,
  email: z.email().optional(),
  phone: z.string().max(40).optional(),
});
export type Provider = z.infer<typeof providerSchema>;

const categorySchema = z.object({
  id,
  name: z.object({ de: z.string(), en: z.string() }),
});

const regionSchema = z.object({
  name: z.string().min(1),
  timeZone: z.enum(['Europe/Vienna', 'Europe/Berlin']),
  categories: z.array(categorySchema),
});
export type Region = z.infer<typeof regionSchema>;
