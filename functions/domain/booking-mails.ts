import type { HouseholdAnswer } from '../../shared/schemas/household.js';
import type { Offer } from '../../shared/schemas/offer.js';
import { firstSession, sessionsOfUnits } from '../../shared/sessions.js';
import type { Ports } from '../ports/index.js';
import type { RegistrationItem } from '../ports/registrations.js';
import type { Mail } from '../ports/world.js';
import { bilingualMail } from './mails/bilingual.js';
import type { OfferFacts } from './mails/kinds.js';

export type BookingMailPorts = Pick<Ports, 'households' | 'offers' | 'region' | 'mailer' | 'timeZone' | 'publicUrl'>;

/**
 * The offer's facts every booking-related e-mail names: the first date and place and how many
 * dates of the family's units (week 2 of holiday care starts later than week 1), the provider's
 * contact, `link`.
 */
export async function offerFacts(ports: Pick<Ports, 'region' | 'timeZone'>, offer: Offer, unitIds: string[], link: string): Promise<OfferFacts> {
  const sessions = sessionsOfUnits(offer, unitIds);
  const first = sessions[0] ?? firstSession(offer);
  // The contact line may be a second old: a rush's e-mails read the provider once, not once per family.
  const provider = await ports.region.getProvider(offer.providerId, true);
  return {
    offerTitle: offer.title,
    firstStart: first.start,
    sessionCount: sessions.length,
    timeZone: ports.timeZone,
    place: first.place,
    contact: { name: provider?.name ?? '', email: provider?.email, phone: provider?.phone, website: provider?.website },
    link,
  };
}

/**
 * Sends an e-mail that follows a committed write. The write is the answer: a failed e-mail must
 * not turn it into an error the client retries (a retried booking is a replay and mails nothing,
 * a cancellation or an accept repeated changes nothing), so the failure is only logged, without
 * the address.
 */
export async function sendAfterWrite(ports: Pick<Ports, 'mailer'>, mail: Mail): Promise<void> {
  await ports.mailer.send(mail).catch((error: unknown) => {
    console.error(
      JSON.stringify({ event: 'mail.failed', subject: mail.subject, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
    );
  });
}

export const namesOf = (household: HouseholdAnswer | undefined) =>
  household && { email: household.email, firstName: (childId: string) => household.children.find((c) => c.id === childId)?.firstName ?? '' };
const firstNamesOf = async (ports: Pick<Ports, 'households'>, householdId: string) => namesOf(await ports.households.getHousehold(householdId));

export const unitLabelOf = (offer: Offer, unitId: string) => offer.units.find((u) => u.id === unitId)?.label ?? unitId;

/** The family is told its registration was cancelled (also when the provider cancelled it). */
export async function tellCancelled(ports: BookingMailPorts, offer: Offer, registration: RegistrationItem, byProvider: boolean): Promise<void> {
  const household = await firstNamesOf(ports, registration.householdId);
  if (!household) return;
  const facts = await offerFacts(ports, offer, [registration.unitId], `${ports.publicUrl}/bookings`);
  const children = [household.firstName(registration.childId)];
  await sendAfterWrite(ports, bilingualMail(household.email, 'registrationCancelled', { ...facts, children, unitLabel: registration.unitLabel, byProvider }));
}

/** The family accepted places offered to it (or won a last call): confirmed, with the sessions attached. */
export async function tellAccepted(ports: BookingMailPorts, offer: Offer, registrations: RegistrationItem[]): Promise<void> {
  const [first] = registrations;
  const household = first && (await firstNamesOf(ports, first.householdId));
  if (!first || !household) return;
  const unitIds = registrations.map((r) => r.unitId);
  const facts = await offerFacts(ports, offer, unitIds, `${ports.publicUrl}/bookings#reg-${first.id}`);
  const children = registrations.map((r) => household.firstName(r.childId));
  const mail = bilingualMail(household.email, 'placeAccepted', { ...facts, children, unitLabel: first.unitLabel });
  await sendAfterWrite(ports, { ...mail, calendar: { offerId: offer.id, unitIds } });
}
