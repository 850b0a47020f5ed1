import type { User } from '../../shared/schemas/auth.js';
import { isActive } from '../../shared/registration-status.js';
import type { CatalogOffer } from '../../shared/schemas/offer.js';
import type { BookedOfferFacts, FamilyRegistration } from '../../shared/schemas/registration.js';
import type { Ports } from '../ports/index.js';
import { publicRegistration } from './booking.js';
import { cancelRegistration, type CancellationPorts } from './cancellation.js';
import { revokeFamilyFeed } from './family-feed.js';
import { householdIdOf } from './household.js';
import { AGAIN, retryBounded } from './retry.js';
import { endAllSessions } from './sessions.js';

/** The family's rights over its data: see it, take it along, have it erased. */
export type FamilyDataPorts = CancellationPorts & Pick<Ports, 'idempotency' | 'programmes' | 'sessions' | 'mailOutbox' | 'familyFeeds'>;

/** The household's registrations, newest first, waiting ones with their current position. */
async function listFamilyRegistrations(ports: Pick<Ports, 'registrations' | 'waitlists' | 'households'>, householdId: string): Promise<FamilyRegistration[]> {
  const [items, household] = await Promise.all([ports.registrations.listByHousehold(householdId), ports.households.getHousehold(householdId)]);
  const names = new Map(household?.children.map((c) => [c.id, c.firstName]));
  // A waiting family may take a place at a unit's last call: its page shows the accept button then.
  const waitingUnits = [...new Set(items.filter((r) => r.status === 'waitlisted').map((r) => `${r.offerId}/${r.unitId}`))];
  const lastCalls = new Set(
    (
      await Promise.all(waitingUnits.map(async (key) => ((await ports.waitlists.getUnit(...(key.split('/') as [string, string])))?.lastCall ? [key] : [])))
    ).flat(),
  );
  return Promise.all(
    items.map(async (r) => ({
      ...(await publicRegistration(ports, r)),
      offerTitle: r.offerTitle,
      unitLabel: r.unitLabel,
      childFirstName: names.get(r.childId),
      ...(r.status === 'waitlisted' && lastCalls.has(`${r.offerId}/${r.unitId}`) && { lastCall: true }),
    })),
  );
}

/** The part of an offer a family plans a booking with. */
const bookedOfferFacts = ({ status, address, price, sessions, units }: CatalogOffer): BookedOfferFacts => ({
  status,
  address,
  price,
  sessions,
  units: units.map(({ id, label }) => ({ id, label })),
});

/**
 * The household's registrations as `listFamilyRegistrations` answers them, each with its offer's
 * dates, place and price as they are now: what the bookings page shows. One read per offer, not
 * per registration: siblings booked together share it.
 */
export async function listFamilyBookings(
  ports: Pick<Ports, 'registrations' | 'waitlists' | 'households' | 'offers'>,
  householdId: string,
): Promise<FamilyRegistration[]> {
  const registrations = await listFamilyRegistrations(ports, householdId);
  const offerIds = [...new Set(registrations.map((r) => r.offerId))];
  const offers = new Map(await Promise.all(offerIds.map(async (id) => [id, await ports.offers.getOffer(id)] as const)));
  return registrations.map((r) => {
    const offer = offers.get(r.offerId);
    return offer ? { ...r, offer: bookedOfferFacts(offer) } : r;
  });
}

/** Everything stored about the family: account, household with children, every registration. */
export async function exportFamilyData(ports: Pick<Ports, 'registrations' | 'waitlists' | 'households' | 'clock'>, user: User) {
  const householdId = householdIdOf(user);
  const [household, registrations] = await Promise.all([ports.households.getHousehold(householdId), listFamilyRegistrations(ports, householdId)]);
  return {
    exportedAt: ports.clock.now().toISOString(),
    account: { id: user.id, email: user.email, roles: user.roles },
    household,
    registrations,
  };
}

/**
 * Erases the family: its active registrations are cancelled the normal way (waiting families
 * move up), then children, household, account and e-mail claim are deleted, then the stored
 * answers of its requests; registrations stay only as anonymous counts. A booking that slips in
 * meanwhile is cancelled on the next round. Every session of the account ends.
 */
export async function eraseFamily(ports: FamilyDataPorts, user: User): Promise<void> {
  const householdId = householdIdOf(user);
  await retryBounded(async () => {
    const registrations = await ports.registrations.listByHousehold(householdId);
    for (const r of registrations.filter((r) => isActive(r.status))) await cancelRegistration(ports, user, r.id, { tell: false });
    // The private calendar feed names the children's bookings: its address dies before the household.
    await revokeFamilyFeed(ports, householdId);
    const household = await ports.households.getHousehold(householdId);
    const erased = await ports.households.eraseHousehold({
      id: householdId,
      userId: user.id,
      email: user.email,
      childIds: household?.children.map((c) => c.id) ?? [],
    });
    if (!erased) return AGAIN;
    // The children are gone, so no booking can come in now. Both steps are safe to repeat, so
    // they share the attempt: a conflict here retries them rather than leaving names behind.
    await ports.idempotency.deleteUserRecords(user.id);
    await ports.registrations.anonymiseHousehold(householdId);
    // Wish lists and draw results name the children: they go too (the snapshot holds only pseudonyms).
    await ports.programmes.deleteFamilyEntries(
      householdId,
      (await ports.programmes.listProgrammes()).map((p) => p.id),
    );
    // The account is gone, so no session of it works any more; their records go too, and so
    // does mail to the family not yet delivered.
    await endAllSessions(ports, user.id);
    await ports.mailOutbox.forgetRecipient(user.email);
    return undefined;
  }, ports.retry);
}
