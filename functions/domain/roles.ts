import type { User } from '../../shared/schemas/auth.js';

/** The providers a user works for; empty for anyone else. */
export const providerIdsOf = (user: User): string[] => user.roles.flatMap((r) => (r.role === 'provider' ? [r.providerId] : []));
