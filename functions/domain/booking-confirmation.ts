import type { Registration } from '../../shared/schemas/registration.js';
import type { BookedMail } from '../ports/registrations.js';
import { bilingualMail } from './mails/bilingual.js';
import { namesOf, offerFacts, sendAfterWrite, unitLabelOf, type BookingMailPorts } from './booking-mails.js';
import { sessionsIcs } from './sessions-ics.js';

/**
 * The e-mail a committed booking request filed (`BookedMail`): each child with its place or the
 * position in line the booking was told; the sessions attached for confirmed places. Nothing to
 * send once the household or the offer is gone (erased meanwhile).
 */
export async function tellBooked(ports: BookingMailPorts, booked: BookedMail): Promise<void> {
  // The offer as of the last second, as the booking decided on it: a rush's e-mails read it once a second, not once per family.
  const [household, offer] = await Promise.all([
    ports.households.getHousehold(booked.householdId).then(namesOf),
    ports.offers.getBookableOffer(booked.offerId),
  ]);
  if (!household || !offer) return;
  const { registrations } = booked;
  const place = (r: Registration) => ({ child: household.firstName(r.childId), unitLabel: unitLabelOf(offer, r.unitId) });
  const confirmed = registrations.filter((r) => r.status === 'confirmed').map(place);
  const waitlisted = registrations.filter((r) => r.status === 'waitlisted').map((r) => ({ ...place(r), position: r.waitlistPosition }));
  const facts = await offerFacts(
    ports,
    offer,
    registrations.map((r) => r.unitId),
    `${ports.publicUrl}/bookings`,
  );
  const mail = bilingualMail(household.email, 'booked', { ...facts, confirmed, waitlisted });
  const confirmedUnits = registrations.filter((r) => r.status === 'confirmed').map((r) => r.unitId);
  await sendAfterWrite(ports, confirmedUnits.length > 0 ? { ...mail, ics: sessionsIcs(offer, confirmedUnits, ports.publicUrl) } : mail);
}
