import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Role, User } from '../../shared/schemas/auth.js';
import type { RoleAssignment } from '../../shared/schemas/admin.js';
import type { Municipality, Provider } from '../../shared/schemas/region.js';
import type { Ports } from '../ports/index.js';
import { InvalidInputError, InvalidStateError, NotFoundError } from './errors.js';
import { endAllSessions } from './sessions.js';

export type RegionAdminPorts = Pick<Ports, 'region' | 'users' | 'sessions' | 'clock'>;

export async function createMunicipality(ports: RegionAdminPorts, municipality: Municipality): Promise<Municipality> {
  if (!(await ports.region.createMunicipality(municipality))) {
    throw new InvalidStateError('Gemeinde gibt es schon / municipality exists', 'id');
  }
  return municipality;
}

export async function updateMunicipality(ports: RegionAdminPorts, municipality: Municipality): Promise<Municipality> {
  if (!(await ports.region.replaceMunicipality(municipality))) throw new NotFoundError('Gemeinde nicht gefunden / municipality not found', 'id');
  return municipality;
}

/** A provider belongs to one of the region's municipalities. */
async function checkProviderMunicipality(ports: RegionAdminPorts, provider: Provider) {
  const municipalities = await ports.region.listMunicipalities();
  if (!municipalities.some((m) => m.id === provider.municipalityId)) {
    throw new InvalidInputError('Unbekannte Gemeinde / unknown municipality', 'municipalityId');
  }
}

export async function createProvider(ports: RegionAdminPorts, provider: Provider): Promise<Provider> {
  await checkProviderMunicipality(ports, provider);
  if (!(await ports.region.createProvider(provider))) throw new InvalidStateError('Anbieter gibt es schon / provider exists', 'id');
  return provider;
}

export async function updateProvider(ports: RegionAdminPorts, provider: Provider): Promise<Provider> {
  await checkProviderMunicipality(ports, provider);
  if (!(await ports.region.replaceProvider(provider))) throw new NotFoundError('Anbieter nicht gefunden / provider not found', 'id');
  return provider;
}

/**
 * Gives the account with this address exactly these roles, creating the account (and, for a
 * family role, its household) if the address has none. Scoped roles must name existing entities.
 */
export async function assignRoles(ports: RegionAdminPorts, { email, roles }: RoleAssignment): Promise<User> {
  const [municipalities, providers] = await Promise.all([ports.region.listMunicipalities(), ports.region.listProviders()]);
  roles.forEach((role, i) => {
    const known =
      role.role === 'provider'
        ? providers.some((p) => p.id === role.providerId)
        : role.role !== 'municipality' || role.municipalityId === '*' || municipalities.some((m) => m.id === role.municipalityId);
    if (!known) throw new InvalidInputError('Unbekannter Anbieter oder Gemeinde / unknown provider or municipality', `roles.${i}`);
  });
  const existing = await ports.users.findUserIdByEmail(email);
  if (existing) {
    const before = (await ports.users.getUser(existing))?.roles ?? [];
    await ports.users.setRoles(existing, roles);
    // Roles are read on every request anyway; ending the sessions also ends what the holder had open.
    const kept = (role: Role) => roles.some((r) => isDeepStrictEqual(r, role));
    if (!before.every(kept)) await endAllSessions(ports, existing);
  } else {
    const id = randomUUID();
    const householdId = roles.some((r) => r.role === 'family') ? `hh-${id}` : undefined;
    // Another request may claim the address first; then that account gets the roles.
    const created = await ports.users.createUser({ id, email, roles, householdId }, ports.clock.now().toISOString());
    if (!created) return assignRoles(ports, { email, roles });
  }
  const userId = existing ?? (await ports.users.findUserIdByEmail(email));
  const user = userId && (await ports.users.getUser(userId));
  if (!user) throw new NotFoundError('Konto nicht gefunden / account not found', 'email');
  return user;
}
