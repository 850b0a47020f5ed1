import { createHmac } from 'node:crypto';
import { ageOn } from '../../shared/dates.js';
import { sessionsOfUnits } from '../../shared/sessions.js';
import type { DrawSnapshot, UnitKey } from '../../shared/schemas/draw-snapshot.js';
import type { HouseholdAnswer } from '../../shared/schemas/household.js';
import type { CatalogOffer } from '../../shared/schemas/offer.js';
import { DRAW_ALGORITHM, type ResidentReserve } from '../../shared/schemas/programme.js';
import type { Ports } from '../ports/index.js';
import type { StoredProgramme, StoredWishes } from '../ports/programmes.js';
import { ageBand } from './dashboard.js';
import { snapshotHash } from './draw/run-draw.js';
import { programmeOffers } from './programmes.js';
import { fitsAge } from './wishes.js';

/**
 * A family's or child's id in the snapshot: an HMAC under the programme's secret, so the
 * snapshot can be handed out for a re-run without saying who wished what, and the draw's
 * publication finds the family again by computing the same.
 */
export const pseudonym = (programme: Pick<StoredProgramme, 'pseudonymKey'>, kind: 'family' | 'child', id: string) =>
  createHmac('sha256', programme.pseudonymKey).update(`${kind}:${id}`).digest('hex').slice(0, 24);

const unitKeyOf = (offerId: string, unitId: string): UnitKey => `${offerId}/${unitId}`;

/** Reserved seats of a unit with `seats` places: a share rounded down, or a count never above the seats. */
export const reservedSeats = (reserve: ResidentReserve | undefined, seats: number) =>
  !reserve ? 0 : reserve.kind === 'share' ? Math.floor(Math.min(reserve.value, 1) * seats) : Math.min(Math.floor(reserve.value), seats);

type FamilyInput = { wishes: StoredWishes; household: HouseholdAnswer | undefined };

/**
 * The draw's whole input, canonical: the programme's settings, its units with their free seats,
 * and every family's wishes over pseudonymous ids, sorted. Wishes that can no longer be allowed
 * (the child's age, a unit gone) are taken out with a reason the family is shown.
 */
export function buildSnapshot(programme: StoredProgramme, offers: CatalogOffer[], families: FamilyInput[]): DrawSnapshot {
  const programmeOffers = offers.filter((o) => o.status === 'published' && o.programmeId === programme.id);
  const offerById = new Map(programmeOffers.map((o) => [o.id, o]));
  const firstDay = programmeOffers.map((o) => o.firstDay).sort()[0] ?? programme.wishCloses.slice(0, 10);
  const units = programmeOffers
    .flatMap((offer) => {
      return offer.units.map((u) => {
        const seats = Math.max(0, u.capacity - u.confirmed);
        return {
          key: unitKeyOf(offer.id, u.id),
          offerId: offer.id,
          municipalityId: offer.municipalityId,
          seats,
          reserved: reservedSeats(programme.residentReserve, seats),
          waitlist: offer.waitlist,
          careWeek: offer.kind === 'holiday_care',
          sessions: sessionsOfUnits(offer, [u.id]).map((s) => ({ start: Date.parse(s.start), end: Date.parse(s.end) })),
        };
      });
    })
    .sort((a, b) => a.key.localeCompare(b.key));
  const unitKeys = new Set(units.map((u) => u.key));
  const removed: DrawSnapshot['removed'] = [];

  const snapshotFamilies = families.flatMap(({ wishes, household }) => {
    if (!household) return [];
    const childIds = new Map<string, string>();
    const children = wishes.children.flatMap((entry) => {
      const child = household.children.find((c) => c.id === entry.childId);
      if (!child) return [];
      const id = pseudonym(programme, 'child', child.id);
      childIds.set(child.id, id);
      const allowed: UnitKey[] = [];
      entry.wishes.slice(0, programme.maxWishesPerChild).forEach((wish, i) => {
        const key = unitKeyOf(wish.offerId, wish.unitId);
        const offer = offerById.get(wish.offerId);
        const reason = !offer
          ? 'offer_cancelled'
          : !unitKeys.has(key)
            ? 'unit_gone'
            : !fitsAge(offer, child.birthDate)
              ? 'age'
              : allowed.includes(key)
                ? 'duplicate'
                : undefined;
        if (reason) removed.push({ childId: id, unitKey: key, rank: i + 1, reason });
        else allowed.push(key);
      });
      return [{ id, ageBand: ageBand(ageOn(child.birthDate, firstDay)), wishes: allowed }];
    });
    if (children.length === 0) return [];
    const together = wishes.together.flatMap((bundle) => {
      const ids = bundle.childIds.flatMap((c) => childIds.get(c) ?? []).sort();
      return ids.length >= 2 && offerById.has(bundle.offerId) ? [{ offerId: bundle.offerId, childIds: ids, mode: bundle.mode }] : [];
    });
    together.sort((a, b) => a.offerId.localeCompare(b.offerId) || (a.childIds[0] ?? '').localeCompare(b.childIds[0] ?? ''));
    return [
      {
        id: pseudonym(programme, 'family', household.id),
        residence: household.municipalityId ?? null,
        children: children.sort((a, b) => a.id.localeCompare(b.id)),
        together,
      },
    ];
  });

  return {
    algorithm: DRAW_ALGORITHM,
    programmeId: programme.id,
    settings: {
      maxPlacesPerChild: programme.maxPlacesPerChild ?? null,
      maxCareWeeksPerFamily: programme.maxCareWeeksPerFamily ?? null,
      rescue: programme.rescue,
      travelBufferMinutes: programme.travelBufferMinutes,
      reserveSemantics: programme.residentReserve?.semantics ?? 'minimum',
    },
    units,
    families: snapshotFamilies.sort((a, b) => a.id.localeCompare(b.id)),
    removed: removed.sort((a, b) => a.childId.localeCompare(b.childId) || a.rank - b.rank),
  };
}

export type FreezePorts = Pick<Ports, 'programmes' | 'offers' | 'households' | 'dueWork' | 'clock' | 'timeZone'>;

/**
 * The due job at the close of the wish window: every family's list into the snapshot, its
 * hash (the commitment) on the programme, before anyone knows the randomness. Safe to repeat:
 * a programme shut but without its hash is finished; one with its hash is left alone; a close
 * moved later is waited for.
 */
export async function freezeProgramme(ports: FreezePorts, programmeId: string): Promise<void> {
  let programme = await ports.programmes.getProgramme(programmeId);
  const now = ports.clock.now();
  if (programme?.status === 'wishing') {
    if (now.getTime() < Date.parse(programme.wishCloses)) {
      await ports.dueWork.schedule({ kind: 'programme-freeze', subject: programmeId, dueAt: new Date(programme.wishCloses).toISOString() });
      return;
    }
    // The window shuts first: a list saved from now on is refused, so every list saved before is
    // in the read below (strongly consistent), none slips in after it.
    const shut: StoredProgramme = { ...programme, status: 'frozen', frozenAt: now.toISOString(), updatedAt: now.toISOString() };
    if (!(await ports.programmes.replaceProgramme(shut, programme.updatedAt))) return freezeProgramme(ports, programmeId);
    programme = shut;
  }
  if (programme?.status !== 'frozen' || programme.inputHash) return;
  const [catalogued, lists] = await Promise.all([programmeOffers(ports, programmeId), ports.programmes.listWishes(programmeId)]);
  // The catalog may lag an edit by a moment; the seats are read from the offers themselves.
  const offers = (await Promise.all(catalogued.map((o) => ports.offers.getOffer(o.id)))).flatMap((o) => (o ? [o] : []));
  const families = await Promise.all(lists.map(async (wishes) => ({ wishes, household: await ports.households.getHousehold(wishes.householdId) })));
  const snapshot = buildSnapshot(programme, offers, families);
  await ports.programmes.putSnapshot(programmeId, JSON.stringify(snapshot));
  const committed: StoredProgramme = { ...programme, inputHash: snapshotHash(snapshot), updatedAt: ports.clock.now().toISOString() };
  // A repeat after a lost answer builds the same snapshot: the same lists, the same hash.
  await ports.programmes.replaceProgramme(committed, programme.updatedAt);
}
