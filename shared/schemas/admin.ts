import * as z from 'zod';
import { email, roleSchema } from './auth.js';
import { municipalitySchema, providerSchema } from './region.js';

/** An update names the entity in the path; the body holds everything else. */
export const municipalityUpdate = municipalitySchema.omit({ id: true });
export const providerUpdate = providerSchema.omit({ id: true });

/** Sets all roles of the account with this address; an unknown address gets a new account. */
export const roleAssignment = z.object({ email, roles: z.array(roleSchema).max(20) });
export type RoleAssignment = z.infer<typeof roleAssignment>;
