import * as z from 'zod';
import { id } from './common.js';
import { householdAnswer } from './household.js';

export const email = z
  .email('Bitte eine gültige E-Mail-Adresse angeben / please enter a valid e-mail address')
  .max(254)
  .transform((s) => s.trim().toLowerCase());

export const requestCodeBody = z.object({ email });
export const createSessionBody = z.object({
  email,
  code: z.string().regex(/^\d{6}$/, 'Der Code hat 6 Ziffern / the code has 6 digits'),
});

/**
 * What a user may do. `provider` and `municipality` are scoped: a provider's staff see only
 * their own offers; a coordinator sees one municipality, or the whole region with `'*'`.
 */
export const roleSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('family') }),
  z.object({ role: z.literal('provider'), providerId: id }),
  z.object({ role: z.literal('municipality'), municipalityId: z.union([id, z.literal('*')]) }),
  z.object({ role: z.literal('admin') }),
]);
export type Role = z.infer<typeof roleSchema>;
export type RoleName = Role['role'];

/** Who may call a route: anyone, any signed-in user, or holders of one of the named roles (functions/api/access.ts guards by it, shared/contract names it). */
export type Audience = 'anyone' | 'signed-in' | RoleName[];

export const userSchema = z.object({
  id,
  email: z.email(),
  roles: z.array(roleSchema),
  householdId: id.optional(),
});
export type User = z.infer<typeof userSchema>;

export const sessionAnswer = z.object({ token: z.string(), user: userSchema });

/** `GET /me`: the signed-in user and, for a family, its household. */
export const meSchema = userSchema.extend({ household: householdAnswer.optional() });
export type Me = z.infer<typeof meSchema>;
