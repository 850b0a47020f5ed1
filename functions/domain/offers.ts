import { randomUUID } from 'node:crypto';
import { dayIn } from '../../shared/dates.js';
import { groupBy } from '../../shared/group-by.js';
import { firstSession } from '../../shared/sessions.js';
import type { User } from '../../shared/schemas/auth.js';
import type { Offer } from '../../shared/schemas/offer.js';
import { sessionUnitProblems, type OfferInput, type OfferPatch } from '../../shared/schemas/provider.js';
import { ruleText } from '../../shared/validation-messages.js';
import { isActive } from '../../shared/registration-status.js';
import type { Ports } from '../ports/index.js';
import type { OfferEditFailure, OfferSpan, StoredOffer } from '../ports/offers.js';
import { offerFacts, sendAfterWrite } from './booking-mails.js';
import { cancelRegistration, type CancellationPorts } from './cancellation.js';
import { soonestFirst } from './catalog.js';
import { ForbiddenError, InvalidInputError, InvalidStateError, NotFoundError } from './errors.js';
import { bilingualMail } from './mails/bilingual.js';
import { scheduleOfferWork } from './offer-schedule.js';
import { providerIdsOf } from './roles.js';
import { offerFreedPlaces } from './waitlist.js';

/** What the offer lifecycle needs: cancellation and the waitlist (for raised capacity), plus the region. */
export type OfferPorts = CancellationPorts & Pick<Ports, 'region' | 'timeZone' | 'dueWork' | 'programmes'>;

/** The first and last calendar day (in the region's zone) and the first start of an offer. */
export function offerSpan(offer: Pick<Offer, 'sessions'>, timeZone: string): OfferSpan {
  const firstStart = firstSession(offer).start;
  const lastEnd = offer.sessions
    .map((s) => s.end)
    .sort((a, b) => Date.parse(a) - Date.parse(b))
    .at(-1);
  if (!lastEnd) throw new Error('an offer has at least one session');
  return { firstStart, firstDay: dayIn(timeZone, firstStart), lastDay: dayIn(timeZone, lastEnd) };
}

/** The provider a new offer belongs to: the caller's own, never one named in the request. */
function ownProviderId(user: User): string {
  const [providerId] = providerIdsOf(user);
  if (!providerId) throw new ForbiddenError('Kein Anbieter / not a provider');
  return providerId;
}

/**
 * The offer, if it exists and belongs to one of the actor's providers; 404 otherwise. Another
 * provider's offer answers exactly as a missing one, so its ids cannot be probed (I6).
 */
export async function getOwnOffer(ports: Pick<OfferPorts, 'offers'>, actor: User, offerId: string): Promise<StoredOffer> {
  const offer = await ports.offers.getStoredOffer(offerId);
  if (!offer || !providerIdsOf(actor).includes(offer.providerId)) throw new NotFoundError('Angebot nicht gefunden / offer not found', 'id');
  return offer;
}

/** The actor's offers of every status (drafts included), soonest first. */
export async function listOwnOffers(ports: Pick<OfferPorts, 'offers'>, actor: User): Promise<StoredOffer[]> {
  const lists = await Promise.all(providerIdsOf(actor).map((id) => ports.offers.listProviderOffers(id)));
  return lists.flat().sort(soonestFirst);
}

/** Ids for the sessions and units entered without one. */
const withIds = <T extends { id?: string }>(entries: T[], prefix: string) =>
  entries.map((e) => ({ ...e, id: e.id ?? `${prefix}-${randomUUID().slice(0, 8)}` }));

/** Municipality and category must be the region's own; the schema cannot know them. */
async function checkRegionRefs(ports: Pick<OfferPorts, 'region'>, fields: Partial<Pick<Offer, 'municipalityId' | 'category'>>) {
  if (fields.municipalityId) {
    const municipalities = await ports.region.listMunicipalities();
    if (!municipalities.some((m) => m.id === fields.municipalityId)) {
      throw new InvalidInputError('Unbekannte Gemeinde / unknown municipality', 'municipalityId');
    }
  }
  if (fields.category) {
    const region = await ports.region.getRegion();
    if (region && !region.categories.some((c) => c.id === fields.category)) {
      throw new InvalidInputError('Unbekannte Kategorie / unknown category', 'category');
    }
  }
}

/**
 * A lottery offer's places are drawn in a holiday programme, so it names one that still takes
 * offers: joining after the freeze would leave it out of the draw. Checked when the offer
 * joins, not on every later edit of its words.
 */
async function checkProgrammeRef(
  ports: Pick<OfferPorts, 'programmes'>,
  offer: Pick<Offer, 'bookingMode' | 'programmeId'> & Partial<Pick<Offer, 'status'>>,
  before?: Offer,
) {
  if (offer.bookingMode !== 'lottery') return;
  const joins = !before || before.bookingMode !== offer.bookingMode || before.programmeId !== offer.programmeId;
  const goesLive = before?.status === 'draft' && offer.status === 'published';
  if (!joins && !goesLive) return;
  const programme = offer.programmeId ? await ports.programmes.getProgramme(offer.programmeId) : undefined;
  if (!programme) {
    throw new InvalidInputError(
      'Verlosung nur in einem Ferienprogramm: bitte eines wählen / a lottery needs a holiday programme: please choose one',
      'programmeId',
    );
  }
  if (programme.status !== 'draft' && programme.status !== 'wishing') {
    throw new InvalidInputError('Dieses Ferienprogramm nimmt keine Angebote mehr / this programme takes no more offers', 'programmeId');
  }
  // Bookings and lines taken first come, first served would collide with the draw's places and tickets.
  if (before && joins && before.units.some((u) => u.confirmed > 0 || u.waiting > 0)) {
    throw new InvalidStateError('Schon gebucht: die Plätze können nicht mehr verlost werden / already booked: its places cannot be drawn', 'bookingMode');
  }
}

/**
 * Between the freeze and the draw's publication the draw counts on the offer's units and seats as
 * frozen: cancelling the offer, removing a unit or lowering a capacity, or leaving the
 * programme, waits until the draw is published (then the usual rules apply).
 */
async function checkDrawnSeats(ports: Pick<OfferPorts, 'programmes'>, before: Offer, after: Offer) {
  if (!before.programmeId || before.bookingMode !== 'lottery') return;
  const programme = await ports.programmes.getProgramme(before.programmeId);
  if (programme?.status !== 'frozen' && programme?.status !== 'drawing') return;
  const seatsKept = before.units.every((u) => (after.units.find((a) => a.id === u.id)?.capacity ?? -1) >= u.capacity);
  if (after.status === 'cancelled' || !seatsKept || after.programmeId !== before.programmeId || after.bookingMode !== before.bookingMode) {
    throw new InvalidStateError(
      'Die Verlosung läuft: Plätze, Gruppen und Absage erst nach der Veröffentlichung ändern / the draw is on: change places, groups or cancel once it is published',
      'units',
    );
  }
}

/** Sessions and units of the offer as saved fit together (the schema checks only inputs that carry both lists). */
function checkSessionUnits(offer: Offer) {
  const [problem] = sessionUnitProblems(offer.sessions, offer.units);
  if (problem) throw new InvalidInputError(ruleText(problem.code), problem.path.join('.'));
}

/** Creates a draft of the caller's provider; it reaches the catalog only once published. */
export async function createDraftOffer(ports: OfferPorts, actor: User, input: OfferInput): Promise<StoredOffer> {
  const providerId = ownProviderId(actor);
  await checkRegionRefs(ports, input);
  await checkProgrammeRef(ports, input);
  const provider = await ports.region.getProvider(providerId);
  const offer: Offer = {
    ...input,
    id: `o-${randomUUID()}`,
    status: 'draft',
    providerId,
    providerName: provider?.name,
    sessions: withIds(input.sessions, 's'),
    units: withIds(input.units, 'u').map((u) => ({ ...u, confirmed: 0, waiting: 0 })),
  };
  checkSessionUnits(offer);
  await ports.offers.createOffer(offer, offerSpan(offer, ports.timeZone), ports.clock.now().toISOString());
  return getOwnOffer(ports, actor, offer.id);
}

/** Which status changes an offer allows: a cancelled offer stays cancelled; nothing goes back to draft. */
function nextStatus(current: Offer['status'], requested: OfferPatch['status']): Offer['status'] {
  if (current === 'cancelled') throw new InvalidStateError('Angebot ist abgesagt / offer is cancelled', 'status');
  return requested ?? current;
}

/**
 * The offer as a patch leaves it: given fields replace the old ones, units keep their counters,
 * new sessions and units get ids. Pure; the transaction checks that the counters still allow it.
 */
function applyPatch(before: Offer, patch: OfferPatch): Offer {
  const { status, allowOverbooking: _flag, sessions, units, ...fields } = patch;
  const counters = new Map(before.units.map((u) => [u.id, u]));
  return {
    ...before,
    ...fields,
    status: nextStatus(before.status, status),
    sessions: sessions ? withIds(sessions, 's') : before.sessions,
    units: units
      ? withIds(units, 'u').map((u) => ({ ...u, confirmed: counters.get(u.id)?.confirmed ?? 0, waiting: counters.get(u.id)?.waiting ?? 0 }))
      : before.units,
  };
}

/** The domain's error for the first refused condition of an edit. */
function editError(failure: OfferEditFailure, after: Offer): Error {
  const unitIndex = (unitId: string) => after.units.findIndex((u) => u.id === unitId);
  switch (failure.kind) {
    case 'below-confirmed':
      return new InvalidStateError(
        'Kapazität unter den bestätigten Anmeldungen; mit allowOverbooking bewusst überbuchen / capacity below confirmed registrations; set allowOverbooking to overbook on purpose',
        `units.${unitIndex(failure.unitId)}.capacity`,
      );
    case 'unit-in-use':
      return new InvalidStateError('Einheit hat Anmeldungen / unit has registrations', 'units');
    case 'changed':
      return new InvalidStateError('Angebot wurde inzwischen geändert; bitte neu laden / offer changed meanwhile; reload');
  }
}

/**
 * Edits an own offer, publishes or cancels it. Cancelling takes it out of the catalog at once
 * (no new bookings), then cancels every registration through the booking engine and tells
 * each family, German first. Raised capacity promotes waiting families.
 */
export async function updateOwnOffer(ports: OfferPorts, actor: User, offerId: string, patch: OfferPatch): Promise<StoredOffer> {
  const before = await getOwnOffer(ports, actor, offerId);
  await checkRegionRefs(ports, patch);
  const after = applyPatch(before, patch);
  checkSessionUnits(after);
  await checkProgrammeRef(ports, after, before);
  await checkDrawnSeats(ports, before, after);
  const failures = await ports.offers.updateOffer({
    before,
    after,
    span: offerSpan(after, ports.timeZone),
    now: ports.clock.now().toISOString(),
    allowOverbooking: patch.allowOverbooking ?? false,
  });
  const [failure] = failures;
  if (failure) throw editError(failures.find((f) => f.kind !== 'changed') ?? failure, after);
  await scheduleOfferWork(ports, after);
  if (after.status === 'cancelled' && before.status !== 'cancelled') await cancelOfferRegistrations(ports, actor, after);
  // Places added while families wait go to them, in line order, through the booking engine (I3).
  for (const unit of after.units) {
    const old = before.units.find((u) => u.id === unit.id);
    if (after.status !== 'cancelled' && old && unit.capacity > old.capacity) await offerFreedPlaces(ports, offerId, unit.id);
  }
  return getOwnOffer(ports, actor, offerId);
}

/**
 * Waiting registrations go first, so that no freed place is offered to a family (and mailed)
 * only to be cancelled a moment later.
 */
async function cancelOfferRegistrations(ports: OfferPorts, actor: User, offer: Offer): Promise<void> {
  const active = (await ports.registrations.listByOffer(offer.id)).filter((r) => isActive(r.status));
  const ordered = [...active.filter((r) => r.status === 'waitlisted'), ...active.filter((r) => r.status !== 'waitlisted')];
  for (const registration of ordered) await cancelRegistration(ports, actor, registration.id, { tell: false });
  for (const [householdId, own] of groupBy(active, (r) => r.householdId)) {
    const household = await ports.households.getHousehold(householdId);
    if (!household) continue;
    const facts = await offerFacts(
      ports,
      offer,
      own.map((r) => r.unitId),
      `${ports.publicUrl}/bookings`,
    );
    const children = own.map((r) => household.children.find((c) => c.id === r.childId)?.firstName ?? '');
    await sendAfterWrite(
      ports,
      bilingualMail(household.email, 'offerCancelled', { ...facts, children: [...new Set(children)].sort((a, b) => a.localeCompare(b, 'de')) }),
    );
  }
}
