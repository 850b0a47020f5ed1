import { dayIn } from '../../shared/dates.js';
import { scheduleOfferWork } from '../domain/offer-schedule.js';
import { offerSpan } from '../domain/offers.js';
import type { Ports } from '../ports/index.js';
import { addDays, demoOffers } from './offers.js';
import { seedDemoProgramme } from './programme.js';
import { demoAccounts, demoHouseholds, demoMunicipalities, demoProviders, demoRegion } from './region.js';

/**
 * Seeds the demo region. Every write is create-if-absent, so a second run changes nothing,
 * not even the counters of offers that families have booked since.
 */
export async function seedDemoRegion({
  clock,
  timeZone,
  ...repos
}: Pick<Ports, 'region' | 'users' | 'households' | 'offers' | 'dueWork' | 'programmes' | 'clock' | 'timeZone'>): Promise<void> {
  const now = clock.now().toISOString();
  const today = dayIn(demoRegion.timeZone, clock.now());
  await repos.region.createRegion(demoRegion);
  await Promise.all(demoMunicipalities.map((m) => repos.region.createMunicipality(m)));
  await Promise.all(demoProviders.map((p) => repos.region.createProvider(p)));

  for (const account of demoAccounts) {
    const householdId = account.household ? `hh-${account.id}` : undefined;
    const created = await repos.users.createUser({ id: account.id, email: account.email, roles: account.roles, householdId }, now);
    const household = demoHouseholds[account.id];
    if (!created || !householdId || !household) continue;
    const residence = demoMunicipalities.find((m) => m.postalCodes.includes(household.guardian.postalCode));
    await repos.households.updateGuardian(householdId, household.guardian, residence?.id);
    for (const { age, ...child } of household.children) {
      // The demo guardians consented to their notes (as the family page asks before saving them).
      const consent = child.notes ? { notesConsentAt: now } : {};
      await repos.households.addChild(householdId, { ...child, ...consent, birthDate: addDays(today, -Math.round((age + 0.5) * 365.25)) }, now);
    }
  }

  const offers = demoOffers(today, demoRegion.timeZone);
  for (const offer of offers) {
    if (await repos.offers.createOffer(offer, offerSpan(offer, demoRegion.timeZone), now)) await scheduleOfferWork({ ...repos, clock }, offer);
  }
  await seedDemoProgramme({ ...repos, clock, timeZone }, today, offers);
}
