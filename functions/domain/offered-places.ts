import type { User } from '../../shared/schemas/auth.js';
import type { Registration } from '../../shared/schemas/registration.js';
import type { Ports } from '../ports/index.js';
import type { RegistrationItem } from '../ports/registrations.js';
import { publicRegistration } from './booking.js';
import { tellAccepted } from './booking-mails.js';
import { InvalidStateError, NotFoundError } from './errors.js';
import { bilingualMail } from './mails/bilingual.js';
import { timedWorkSettings } from './region-settings.js';
import { AGAIN, retryBounded } from './retry.js';
import { holdUntil, offerFreedPlaces, offerFreedPlacesAfterWrite, tellFamilies, type WaitlistPorts } from './waitlist.js';

export type OfferedPlacePorts = WaitlistPorts & Pick<Ports, 'dueWork'>;

const HOUR_MS = 60 * 60 * 1000;

const gone = () =>
  new InvalidStateError(
    'Dieser Platz ist nicht mehr für Sie reserviert: die Frist ist abgelaufen oder er wurde schon beantwortet / this place is no longer held for you: the deadline passed or it was answered',
    'id',
  );

/** The family's own registration, or "not found": others' registrations are none of its business (I6). */
async function ownRegistration(ports: Pick<Ports, 'registrations'>, actor: User, registrationId: string): Promise<RegistrationItem> {
  const registration = await ports.registrations.getRegistration(registrationId);
  if (!registration || actor.householdId === undefined || registration.householdId !== actor.householdId) {
    throw new NotFoundError('Anmeldung nicht gefunden / registration not found', 'id');
  }
  return registration;
}

/** The registrations offered together with `registration`, as they are now (it included). */
async function offeredGroup(ports: Pick<Ports, 'registrations'>, registration: RegistrationItem): Promise<RegistrationItem[]> {
  const ids = registration.offerGroup ?? [registration.id];
  const group = await Promise.all(ids.map((id) => (id === registration.id ? registration : ports.registrations.getRegistration(id))));
  return group.filter((r): r is RegistrationItem => r?.status === 'offered' && r.householdId === registration.householdId);
}

/** The group's registrations as the API answers them, read afresh. */
async function answerFor(ports: Pick<Ports, 'registrations' | 'waitlists'>, ids: string[]): Promise<Registration[]> {
  const now = await Promise.all(ids.map((id) => ports.registrations.getRegistration(id)));
  return Promise.all(now.flatMap((r) => (r ? [publicRegistration(ports, r)] : [])));
}

/**
 * The family takes the places offered to it: every child offered together is confirmed at once,
 * before the deadline (an expiry and an accept racing end in exactly one of them). At a last
 * call a waiting registration can be accepted too: the first family to do so gets the free
 * places. Accepting again answers the same.
 */
export async function acceptPlace(ports: OfferedPlacePorts, actor: User, registrationId: string): Promise<Registration[]> {
  const registration = await ownRegistration(ports, actor, registrationId);
  if (registration.status === 'waitlisted') return acceptLastCall(ports, registration);
  const ids = registration.offerGroup ?? [registration.id];
  if (registration.status === 'confirmed') return answerFor(ports, [registration.id]);
  if (registration.status !== 'offered') throw gone();
  const group = await offeredGroup(ports, registration);
  if (await ports.registrations.acceptOffered(group, ports.clock.now().toISOString())) {
    await tellAcceptedOffer(ports, group);
  } else {
    // Accepted meanwhile (a repeated request): that one told the family.
    const now = await ports.registrations.getRegistration(registration.id);
    if (now?.status !== 'confirmed') throw gone();
  }
  return answerFor(ports, ids);
}

/** The confirmation of accepted places, with the sessions attached. */
async function tellAcceptedOffer(ports: OfferedPlacePorts, group: RegistrationItem[]): Promise<void> {
  const offer = group[0] && (await ports.offers.getOffer(group[0].offerId));
  if (offer) await tellAccepted(ports, offer, group);
}

/** At a last call: the family's children waiting on the unit take the free places, if enough are left. */
async function acceptLastCall(ports: OfferedPlacePorts, registration: RegistrationItem): Promise<Registration[]> {
  const { offerId, unitId } = registration;
  const [unit, offer, { offerHoldHours }] = await Promise.all([
    ports.waitlists.getUnit(offerId, unitId),
    ports.offers.getOffer(offerId),
    timedWorkSettings(ports),
  ]);
  // A last call holds only while the start is too near for a hold (the sessions may have moved since).
  const stillLastCall = offer !== undefined && holdUntil(ports.clock.now(), offer.firstStart, offerHoldHours) === undefined;
  if (!unit?.lastCall || !stillLastCall) {
    throw new InvalidStateError(
      'Noch ist kein Platz für Sie frei; wir schreiben Ihnen, sobald einer frei wird / no place for you yet; we will write when one frees up',
      'id',
    );
  }
  const waiting = (await ports.registrations.listByHousehold(registration.householdId)).filter(
    (r) => r.offerId === offerId && r.unitId === unitId && r.status === 'waitlisted' && r.ticket !== undefined,
  );
  const entries = waiting.map((r) => ({ registrationId: r.id, ticket: r.ticket ?? 0, householdId: r.householdId }));
  const granted = await ports.waitlists.grantPlaces(offerId, unitId, entries, { status: 'confirmed' }, ports.clock.now().toISOString());
  if (!granted) throw new InvalidStateError('Der Platz ist leider schon vergeben / sorry, the place has already gone', 'id');
  await tellAccepted(ports, offer, waiting);
  return answerFor(
    ports,
    entries.map((e) => e.registrationId),
  );
}

/** The family turns the offered places down; they go to the next family in line at once. */
export async function declinePlace(ports: OfferedPlacePorts, actor: User, registrationId: string): Promise<Registration[]> {
  const registration = await ownRegistration(ports, actor, registrationId);
  const ids = registration.offerGroup ?? [registration.id];
  if (registration.status === 'declined') return answerFor(ports, [registration.id]);
  if (registration.status !== 'offered') throw gone();
  const group = await offeredGroup(ports, registration);
  if (!(await ports.registrations.releaseOffered(group, 'declined', ports.clock.now().toISOString()))) throw gone();
  await offerFreedPlacesAfterWrite(ports, registration.offerId, registration.unitId);
  return answerFor(ports, ids);
}

/**
 * Gives the family more time, once (WCAG 2.2.1): the deadline moves by the region's hold,
 * never past the offer's start.
 */
export async function extendPlace(ports: OfferedPlacePorts, actor: User, registrationId: string): Promise<Registration[]> {
  const registration = await ownRegistration(ports, actor, registrationId);
  if (registration.status !== 'offered' || !registration.offerExpiresAt) throw gone();
  if (registration.offerExtended) throw new InvalidStateError('Die Frist wurde schon einmal verlängert / the deadline was extended already', 'id');
  const offer = await ports.offers.getOffer(registration.offerId);
  if (!offer) throw gone();
  const { offerHoldHours } = await timedWorkSettings(ports);
  const current = Date.parse(registration.offerExpiresAt);
  const later = Math.min(current + offerHoldHours * HOUR_MS, Date.parse(offer.firstStart));
  if (later <= current)
    throw new InvalidStateError('Die Frist endet schon mit dem Beginn des Angebots / the deadline already ends when the offer starts', 'id');
  const group = await offeredGroup(ports, registration);
  if (!(await ports.registrations.extendOffered(group, new Date(later).toISOString(), ports.clock.now().toISOString()))) throw gone();
  return answerFor(ports, registration.offerGroup ?? [registration.id]);
}

/**
 * The deadline job of a group offered together (filed under its first registration): what is
 * still offered past the deadline expires, the family is told, and the places go to the next
 * in line. A deadline that moved (an extension) is filed again; an answered offer needs nothing.
 */
export async function expireOfferedPlaces(ports: OfferedPlacePorts, leadId: string): Promise<void> {
  const expired = await retryBounded(async () => {
    const lead = await ports.registrations.getRegistration(leadId);
    if (!lead) return undefined;
    const group = await Promise.all((lead.offerGroup ?? [lead.id]).map((id) => ports.registrations.getRegistration(id)));
    const offered = group.filter((r): r is RegistrationItem => r?.status === 'offered');
    const now = ports.clock.now();
    const [first] = offered;
    if (!first?.offerExpiresAt) return undefined;
    if (Date.parse(first.offerExpiresAt) > now.getTime()) {
      await ports.dueWork.schedule({ kind: 'offer-expiry', subject: leadId, dueAt: first.offerExpiresAt });
      return undefined;
    }
    return (await ports.registrations.releaseOffered(offered, 'expired', now.toISOString())) ? offered : AGAIN;
  }, ports.retry);
  const [first] = expired ?? [];
  if (!expired || !first) return;
  await tellFamilies(
    ports,
    expired.map((r) => r.id),
    (to, facts) => bilingualMail(to, 'placeExpired', facts),
  );
  await offerFreedPlaces(ports, first.offerId, first.unitId);
}
