import { createResource, createSignal } from 'solid-js';
import { api, type AttendanceMark, type OfferPatch } from '../api/client';

/** The provider's own offers; status changes show at once and roll back if refused. */
export function createProviderOffers() {
  const [offers, { mutate, refetch }] = createResource(api.providerOffers);
  return {
    offers,
    refetch,
    /** Publishes or cancels; the list shows the server's answer once it is there. */
    async setStatus(id: string, status: NonNullable<OfferPatch['status']>) {
      const before = offers();
      mutate(before?.map((o) => (o.id === id ? { ...o, status } : o)));
      try {
        const saved = await api.updateOffer(id, { status });
        mutate((list) => list?.map((o) => (o.id === id ? saved : o)));
      } catch (error) {
        mutate(before);
        throw error;
      }
    },
  };
}

/** Participants of one offer, confirmed and waiting. */
export function createParticipants(offerId: () => string) {
  const [participants, { refetch }] = createResource(offerId, api.participants);
  return { participants, refetch };
}

/** One session's attendance, marked one tap at a time: shown at once, rolled back if refused. */
export function createAttendance(offerId: () => string, sessionId: () => string) {
  const [marks, { mutate }] = createResource(
    () => (sessionId() ? { offerId: offerId(), sessionId: sessionId() } : undefined),
    (key) => api.attendance(key.offerId, key.sessionId),
  );
  const [error, setError] = createSignal<unknown>();
  return {
    marks,
    error,
    async mark(registrationId: string, value: AttendanceMark) {
      const before = marks();
      setError(undefined);
      mutate({ ...before, [registrationId]: value });
      try {
        await api.setAttendance(offerId(), sessionId(), { [registrationId]: value });
      } catch (err) {
        mutate(before);
        setError(err);
      }
    },
  };
}
