import { TZDate } from '@date-fns/tz';
import type { Offer } from '../../shared/schemas/offer.js';
import type { WishesInput } from '../../shared/schemas/programme.js';
import { createProgramme, updateProgramme } from '../domain/programmes.js';
import { fitsAge } from '../domain/wishes.js';
import type { Ports } from '../ports/index.js';
import { addDays, DEMO_WISH_CLOSES_IN, demoProgrammeId } from './offers.js';
import { demoMunicipalities } from './region.js';

/** Demo families who wish in the programme: enough for a draw with full units, waitlists and a rescue. */
const WISHING_FAMILIES = 50;
const FIRST_NAMES = ['Mia', 'Noah', 'Emma', 'Paul', 'Hannah', 'Felix', 'Lea', 'Elias', 'Sophie', 'Luis', 'Marie', 'Ben', 'Anna', 'Jakob', 'Lina', 'David'];

/** A small deterministic generator (LCG), so every seed run makes the same families and wishes. */
function numbers(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    // The high bits: an LCG's low bits repeat with a short period (the lowest alternates).
    return Math.floor((state / 2 ** 31) * n);
  };
}

/** The families who wish, each with one to three children of school age and a postal code of the region (or not). */
function demoWishingFamilies(today: string) {
  const next = numbers(20270);
  const postalCodes = [...demoMunicipalities.flatMap((m) => m.postalCodes), '5020'];
  return Array.from({ length: WISHING_FAMILIES }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    const children = Array.from({ length: 1 + (next(10) < 3 ? 1 : 0) + (next(10) < 1 ? 1 : 0) }, (_, c) => ({
      id: `demo-wish-child-${n}-${c + 1}`,
      firstName: FIRST_NAMES[next(FIRST_NAMES.length)] ?? 'Kim',
      birthDate: addDays(today, -Math.round((6 + next(7) + 0.5) * 365.25)),
    }));
    return {
      id: `demo-wish-family-${n}`,
      email: `wunsch.familie${n}@example.at`,
      guardian: { name: `Familie Wunsch ${n}`, phone: `+43 660 55500${n}`, postalCode: postalCodes[next(postalCodes.length)] ?? '4801' },
      children,
      /** Up to six wishes per child among the units its age allows, in a shuffled order. */
      wishes: (offers: Offer[]): WishesInput => {
        const chosen = children.map((child) => {
          const allowed = offers.flatMap((o) =>
            fitsAge({ ageRange: o.ageRange, firstDay: o.sessions[0]?.start.slice(0, 10) ?? today }, child.birthDate)
              ? o.units.map((u) => ({ offerId: o.id, unitId: u.id }))
              : [],
          );
          const shuffled = allowed.map((w) => ({ w, k: next(1000) })).sort((a, b) => a.k - b.k);
          return { childId: child.id, wishes: shuffled.slice(0, 1 + next(6)).map((x) => x.w) };
        });
        const [first, second] = chosen;
        const shared = first && second && first.wishes.find((w) => second.wishes.some((v) => v.offerId === w.offerId));
        return {
          children: chosen,
          together:
            first && second && shared ? [{ offerId: shared.offerId, childIds: [first.childId, second.childId], mode: next(2) ? 'prefer' : 'all_or_none' }] : [],
        };
      },
    };
  });
}

type SeedPorts = Pick<Ports, 'programmes' | 'offers' | 'users' | 'households' | 'dueWork' | 'clock' | 'timeZone'>;

/**
 * The demo holiday programme "Sommer <year>" with the summer's lottery offers, its wish window
 * open now, and fifty families' wishes in it, so that the dev clock shows a whole draw. Created
 * only once: a second seed run finds it and changes nothing.
 */
export async function seedDemoProgramme(ports: SeedPorts, today: string, offers: Offer[]): Promise<void> {
  const id = demoProgrammeId(today);
  if (await ports.programmes.getProgramme(id)) return;
  const [y, m, d] = addDays(today, DEMO_WISH_CLOSES_IN).split('-').map(Number) as [number, number, number];
  const wishCloses = new TZDate(y, m - 1, d, 8, 0, 0, ports.timeZone).toISOString().replace('.000', '');
  await createProgramme(
    ports,
    {
      title: `Sommer ${id.slice(-4)}`,
      description: 'Das Ferienprogramm der Kleinregion: Ferienbetreuung, Klettern, Reiten, Forschen und Theater. Plätze werden fair verlost.',
      wishOpens: new Date(ports.clock.now().getTime() - 3 * 86_400_000).toISOString(),
      wishCloses,
      maxWishesPerChild: 10,
      residentReserve: { kind: 'share', value: 0.3, semantics: 'minimum' },
      rescue: true,
      travelBufferMinutes: 30,
      randomnessSource:
        'Die Zusatzzahl der Lotto-Ziehung nach dem Ende der Wunschfrist, von der Regionskoordination eingegeben / ' +
        'the bonus number of the lottery drawing after the wish window closes, entered by the region’s coordination',
    },
    id,
  );
  await updateProgramme(ports, id, { status: 'wishing' });
  const inProgramme = offers.filter((o) => o.programmeId === id);
  const now = ports.clock.now().toISOString();
  for (const family of demoWishingFamilies(today)) {
    const householdId = `hh-${family.id}`;
    if (!(await ports.users.createUser({ id: family.id, email: family.email, roles: [{ role: 'family' }], householdId }, now))) continue;
    const residence = demoMunicipalities.find((mu) => mu.postalCodes.includes(family.guardian.postalCode));
    await ports.households.updateGuardian(householdId, family.guardian, residence?.id);
    for (const child of family.children) await ports.households.addChild(householdId, child, now);
    await ports.programmes.putWishes({ programmeId: id, householdId, updatedAt: now, ...family.wishes(inProgramme) });
  }
}
