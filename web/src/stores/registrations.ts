import { createResource } from 'solid-js';
import { api, type FamilyRegistration, type Registration } from '../api/client';
import { sectionBookings } from '../lib/registrations';

/**
 * The family's registrations. Cancelling shows at once and rolls back if refused; answering an
 * offered place (accept, decline, more time) reloads the list, since the server decides what it
 * changes (siblings offered together change with it, a refused one may have expired meanwhile).
 */
export function createRegistrations() {
  const [registrations, { mutate, refetch }] = createResource(api.myRegistrations);
  /** The action, then the list as the server now holds it, whether the action worked or not. */
  const thenReload = async (action: Promise<Registration[]>) => {
    try {
      return await action;
    } finally {
      // A failed reload shows as the list's own error (with a retry); the action's outcome stays.
      await Promise.resolve(refetch()).catch(() => undefined);
    }
  };
  return {
    registrations,
    refetch,
    /** One card per offer in the page's three sections, as of now: what is over moves down. */
    sections: () => sectionBookings(registrations() ?? [], new Date()),
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
    accept: (id: string) => thenReload(api.acceptOffer(id)),
    decline: (id: string) => thenReload(api.declineOffer(id)),
    extend: (id: string) => thenReload(api.extendOffer(id)),
  };
}
