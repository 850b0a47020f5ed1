import { createResource, createSignal } from 'solid-js';
import { api, type Attendance, type Offer, type OfferPatch } from '../api/client';

/** The provider's own offers; status changes show at once and roll back if refused. */
export function createProviderOffers() {
  const [offers, { mutate, refetch }] = createResource(api.providerOffers);
  return {
    offers,
    refetch,
    async update(id: string, patch: OfferPatch) {
      const before = offers();
      mutate(before?.map((o): Offer => (o.id === id ? ({ ...o, ...patch } as Offer) : o)));
      try {
        const saved = await api.updateOffer(id, patch);
        mutate((list) => list?.map((o) => (o.id === id ? saved : o)));
      } catch (error) {
        mutate(before);
        throw error;
      }
    },
  };
}

/** Participants of one offer and their attendance, marked one tap at a time. */
export function createParticipants(offerId: () => string) {
  const [participants, { mutate, refetch }] = createResource(offerId, api.participants);
  const [error, setError] = createSignal<unknown>();
  return {
    participants,
    refetch,
    error,
    async mark(sessionId: string, registrationId: string, value: Attendance) {
      const before = participants();
      setError(undefined);
      mutate(before?.map((p) => (p.registrationId === registrationId ? { ...p, attendance: { ...p.attendance, [sessionId]: value } } : p)));
      try {
        await api.setAttendance(offerId(), sessionId, { [registrationId]: value });
      } catch (err) {
        mutate(before);
        setError(err);
      }
    },
  };
}
