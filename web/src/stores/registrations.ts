import { createResource } from 'solid-js';
import { isActive } from '../../../shared/registration-status';
import { api, type FamilyRegistration } from '../api/client';

/** The family's registrations; cancelling shows at once and rolls back if refused. */
export function createRegistrations() {
  const [registrations, { mutate }] = createResource(api.myRegistrations);
  const sorted = () => [...(registrations() ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return {
    registrations,
    active: () => sorted().filter((r) => isActive(r.status)),
    past: () => sorted().filter((r) => !isActive(r.status)),
    async cancel(id: string) {
      const before = registrations();
      mutate(before?.map((r): FamilyRegistration => (r.id === id ? { ...r, status: 'cancelled', waitlistPosition: undefined } : r)));
      try {
        await api.cancelRegistration(id);
      } catch (error) {
        mutate(before);
        throw error;
      }
    },
  };
}
