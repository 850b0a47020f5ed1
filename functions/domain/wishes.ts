import { ageOn } from '../../shared/dates.js';
import type { Child } from '../../shared/schemas/household.js';
import type { CatalogOffer } from '../../shared/schemas/offer.js';
import type { WishesAnswer, WishesInput } from '../../shared/schemas/programme.js';
import type { FieldError } from '../../shared/validation-messages.js';
import type { Ports } from '../ports/index.js';
import type { StoredProgramme } from '../ports/programmes.js';
import { InvalidStateError, NotFoundError, RefusedInputError } from './errors.js';
import { programmeOffers, storedProgramme } from './programmes.js';

type WishPorts = Pick<Ports, 'programmes' | 'offers' | 'households' | 'clock' | 'timeZone'>;

/** A wish's refusal: where it is in the list, a stable code, and why in both languages. */
type Refusal = { path: string; code: string; message: string };

const refusal = (path: string, code: string, message: string): Refusal => ({ path, code, message });

/** Whether a child of `birthDate` is in the offer's age range on its first day (the booking's rule). */
export const fitsAge = (offer: Pick<CatalogOffer, 'ageRange' | 'firstDay'>, birthDate: string) => {
  const age = ageOn(birthDate, offer.firstDay);
  return age >= offer.ageRange.min && age <= offer.ageRange.max;
};

/**
 * Every reason the wish list cannot be taken as it is, known at entry: a child not of this
 * household, more wishes than allowed, a unit outside the programme, a wish twice, a child too
 * young or too old on the offer's first day, and bundles of siblings that do not fit.
 */
export function refusedWishes(input: WishesInput, programme: Pick<StoredProgramme, 'maxWishesPerChild'>, offers: CatalogOffer[], children: Child[]): Refusal[] {
  const refusals: Refusal[] = [];
  const offerById = new Map(offers.map((o) => [o.id, o]));
  const childById = new Map(children.map((c) => [c.id, c]));
  input.children.forEach((entry, c) => {
    const child = childById.get(entry.childId);
    if (!child) {
      refusals.push(refusal(`children.${c}.childId`, 'wish_unknown_child', 'Kind nicht in Ihrer Familie / child not in your household'));
      return;
    }
    if (entry.wishes.length > programme.maxWishesPerChild) {
      refusals.push(
        refusal(
          `children.${c}.wishes`,
          'wish_cap',
          `Höchstens ${programme.maxWishesPerChild} Wünsche je Kind / at most ${programme.maxWishesPerChild} wishes per child`,
        ),
      );
    }
    const seen = new Set<string>();
    entry.wishes.forEach((wish, w) => {
      const path = `children.${c}.wishes.${w}`;
      const offer = offerById.get(wish.offerId);
      const unit = offer?.units.find((u) => u.id === wish.unitId);
      if (!offer || !unit) {
        refusals.push(refusal(path, 'wish_unknown', 'Gehört nicht zu diesem Ferienprogramm / not part of this programme'));
        return;
      }
      const key = `${wish.offerId}/${wish.unitId}`;
      if (seen.has(key)) refusals.push(refusal(path, 'wish_duplicate', `„${offer.title}, ${unit.label}“ steht schon auf der Liste / already on the list`));
      seen.add(key);
      if (!fitsAge(offer, child.birthDate)) {
        refusals.push(
          refusal(
            path,
            'wish_age',
            `${child.firstName} ist am ersten Tag von „${offer.title}“ nicht zwischen ${offer.ageRange.min} und ${offer.ageRange.max} Jahre alt / ` +
              `${child.firstName} is not between ${offer.ageRange.min} and ${offer.ageRange.max} on the first day of "${offer.title}"`,
          ),
        );
      }
    });
  });
  const bundled = new Set<string>();
  input.together.forEach((bundle, b) => {
    const path = `together.${b}`;
    if (!offerById.has(bundle.offerId)) {
      refusals.push(refusal(`${path}.offerId`, 'together_unknown_offer', 'Gehört nicht zu diesem Ferienprogramm / not part of this programme'));
      return;
    }
    if (new Set(bundle.childIds).size < bundle.childIds.length) {
      refusals.push(refusal(`${path}.childIds`, 'together_duplicate', 'Ein Kind doppelt genannt / a child named twice'));
    }
    for (const childId of bundle.childIds) {
      const wishesThere = input.children.find((e) => e.childId === childId)?.wishes.some((w) => w.offerId === bundle.offerId);
      if (!childById.has(childId) || !wishesThere) {
        refusals.push(
          refusal(
            `${path}.childIds`,
            'together_no_wish',
            'Jedes Geschwisterkind braucht einen Wunsch bei diesem Angebot / each sibling needs a wish for this offer',
          ),
        );
        break;
      }
      const slot = `${bundle.offerId}/${childId}`;
      if (bundled.has(slot))
        refusals.push(refusal(`${path}.childIds`, 'together_twice', 'Ein Kind nur in einer Gruppe je Angebot / a child in one bundle per offer'));
      bundled.add(slot);
    }
  });
  return refusals;
}

const isOpen = (programme: StoredProgramme, now: Date) =>
  programme.status === 'wishing' && now.getTime() >= Date.parse(programme.wishOpens) && now.getTime() < Date.parse(programme.wishCloses);

async function wishingProgramme(ports: WishPorts, programmeId: string) {
  const programme = await storedProgramme(ports, programmeId);
  if (programme.status === 'draft') throw new NotFoundError('Ferienprogramm nicht gefunden / programme not found');
  return programme;
}

/** The family's wish list (empty before the first save), and whether it can still be changed. */
export async function familyWishes(ports: WishPorts, householdId: string, programmeId: string): Promise<WishesAnswer> {
  const programme = await wishingProgramme(ports, programmeId);
  const stored = await ports.programmes.getWishes(programmeId, householdId);
  return {
    programmeId,
    children: stored?.children ?? [],
    together: stored?.together ?? [],
    updatedAt: stored?.updatedAt,
    editable: isOpen(programme, ports.clock.now()),
  };
}

/**
 * Replaces the family's whole wish list, only while the window is open. A list with any wish
 * that cannot be allowed is refused as a whole, with every reason (I7: nothing changes).
 */
export async function saveWishes(ports: WishPorts, householdId: string, programmeId: string, input: WishesInput): Promise<WishesAnswer> {
  const programme = await wishingProgramme(ports, programmeId);
  const now = ports.clock.now();
  if (!isOpen(programme, now)) {
    throw new InvalidStateError('Die Wunschfrist ist nicht offen / the wish window is not open');
  }
  const [offers, household] = await Promise.all([programmeOffers(ports, programmeId), ports.households.getHousehold(householdId)]);
  const refusals = refusedWishes(input, programme, offers, household?.children ?? []);
  if (refusals.length > 0) {
    throw new RefusedInputError('Diese Wünsche gehen so nicht / these wishes cannot be taken', refusals satisfies FieldError[]);
  }
  const stored = {
    programmeId,
    householdId,
    // Children without wishes and bundles of them say nothing: kept out, so the snapshot is the same however they were sent.
    children: input.children.filter((c) => c.wishes.length > 0),
    together: input.together,
    updatedAt: now.toISOString(),
  };
  if (!(await ports.programmes.putWishes(stored))) {
    throw new InvalidStateError('Die Wunschfrist ist nicht offen / the wish window is not open');
  }
  return { programmeId, children: stored.children, together: stored.together, updatedAt: stored.updatedAt, editable: true };
}
