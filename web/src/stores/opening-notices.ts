import { createResource } from 'solid-js';
import { api, type OpeningNotice } from '../api/client';

/**
 * The family's requests to be e-mailed when an offer's registration opens. `enabled` is false
 * for visitors and other roles: they have none, and the API would refuse them.
 */
export function createOpeningNotices(enabled: () => boolean) {
  const [notices, { mutate, refetch }] = createResource(() => enabled() || undefined, api.openingNotices);
  return {
    notices,
    refetch,
    isSet: (offerId: string) => (notices() ?? []).some((n) => n.offerId === offerId),
    /** Asks for the e-mail (idempotent); the list shows it once the server has it. */
    async add(notice: OpeningNotice) {
      await api.addOpeningNotice(notice.offerId);
      mutate((list) => [...(list ?? []).filter((n) => n.offerId !== notice.offerId), notice]);
    },
    async remove(offerId: string) {
      await api.removeOpeningNotice(offerId);
      mutate((list) => (list ?? []).filter((n) => n.offerId !== offerId));
    },
  };
}
