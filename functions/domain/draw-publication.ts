import { createHash } from 'node:crypto';
import type { CatalogOffer } from '../../shared/schemas/offer.js';
import type { UnitCutoff } from '../../shared/schemas/programme.js';
import type { HouseholdAnswer } from '../../shared/schemas/household.js';
import type { Ports } from '../ports/index.js';
import type { DrawnFamilyOffer, StoredProgramme, StoredResult, StoredWishes } from '../ports/programmes.js';
import type { RegistrationItem } from '../ports/registrations.js';
import { pickLanguage } from '../../shared/validation-messages.js';
import { dashboardDimensions } from './dashboard.js';
import { explainWish } from './draw/explain.js';
import type { DrawOutcome } from './draw/outcome.js';
import { runDraw } from './draw/run-draw.js';
import { pseudonym } from './freeze.js';
import { sendAfterWrite } from './booking-mails.js';
import { bilingualMail } from './mails/bilingual.js';
import { scheduleProgrammeRetention } from './programme-retention.js';
import { programmeSnapshot } from './draw-requests.js';
import { programmeOffers } from './programmes.js';
import { retryBounded } from './retry.js';
import { offerFreedPlacesAfterWrite, type WaitlistPorts } from './waitlist.js';

export type DrawPorts = WaitlistPorts & Pick<Ports, 'programmes' | 'dueWork'>;

/** Offers written at once; one offer's families one after another, since they share its unit items. */
const OFFERS_AT_ONCE = 4;

/** The id of one drawn registration: the same on every run of the same draw (`inputHash‖randomness‖version`). */
const drawnId = (drawId: string, childId: string, unitKey: string) =>
  `d${createHash('sha256').update(`${drawId}|${childId}|${unitKey}`).digest('hex').slice(0, 31)}`;

type Person = { householdId: string; childId: string };

/** Back from pseudonyms to families and children, by computing every family's pseudonyms again. */
function realIds(programme: StoredProgramme, lists: StoredWishes[]) {
  const families = new Map<string, string>();
  const children = new Map<string, Person>();
  for (const list of lists) {
    families.set(pseudonym(programme, 'family', list.householdId), list.householdId);
    for (const c of list.children) children.set(pseudonym(programme, 'child', c.childId), { householdId: list.householdId, childId: c.childId });
  }
  return { families, children };
}

/** Registrations of one child in one offer per write: well inside DynamoDB's 100 items per transaction. */
const REGISTRATIONS_PER_WRITE = 20;

/**
 * What the draw's outcome means in the table: per child and offer one write (in chunks) of
 * registrations and counters. Children no longer in their household (deleted, or the family
 * erased since the freeze) get nothing; their seats go to the line after publication.
 */
function drawnWrites(
  outcome: DrawOutcome,
  people: Map<string, Person>,
  offers: Map<string, CatalogOffer>,
  households: Map<string, HouseholdAnswer | undefined>,
  createdAt: string,
): DrawnFamilyOffer[] {
  const drawId = createHash('sha256').update(`${outcome.inputHash}|${outcome.randomness}|${outcome.algorithm}`).digest('hex');
  const lineLength = new Map(outcome.units.map((u) => [u.key, u.waiting.length]));
  const writes = new Map<string, DrawnFamilyOffer>();
  for (const child of outcome.children) {
    const person = people.get(child.childId);
    if (!person || !households.get(person.householdId)?.children.some((c) => c.id === person.childId)) continue;
    const perOffer = new Map<string, number>();
    for (const wish of child.wishes) {
      if (wish.outcome === 'not_drawn') continue;
      const [offerId = '', unitId = ''] = wish.unitKey.split('/');
      const offer = offers.get(offerId);
      if (!offer) continue;
      const confirmed = wish.outcome === 'confirmed';
      const n = perOffer.get(`${offerId}#${wish.outcome}`) ?? 0;
      perOffer.set(`${offerId}#${wish.outcome}`, n + 1);
      const key = `${offerId}#${person.childId}#${wish.outcome}#${Math.floor(n / REGISTRATIONS_PER_WRITE)}`;
      const write = writes.get(key) ?? { offerId, householdId: person.householdId, registrations: [], units: [], children: [] };
      writes.set(key, write);
      const registration: RegistrationItem = {
        id: drawnId(drawId, person.childId, wish.unitKey),
        offerId,
        unitId,
        childId: person.childId,
        householdId: person.householdId,
        status: confirmed ? 'confirmed' : 'waitlisted',
        ticket: confirmed ? undefined : wish.waitlistPosition,
        createdAt,
        updatedAt: createdAt,
        offerTitle: offer.title,
        unitLabel: offer.units.find((u) => u.id === unitId)?.label ?? unitId,
        ...dashboardDimensions(households.get(person.householdId), person.childId, offer.firstDay),
      };
      write.registrations.push(registration);
      const unit = write.units.find((u) => u.unitId === unitId) ?? { unitId, confirm: 0, wait: 0, waitTail: lineLength.get(wish.unitKey) ?? 0 };
      if (!write.units.includes(unit)) write.units.push(unit);
      if (confirmed) unit.confirm++;
      else unit.wait++;
      const counted = write.children.find((c) => c.childId === person.childId) ?? { childId: person.childId, count: 0 };
      if (!write.children.includes(counted)) write.children.push(counted);
      counted.count++;
    }
  }
  // Places before lines: while an offer's units are written, a unit never shows a free seat and
  // a waiting child at once unless the seat is really free (the stream would offer it at once).
  return [...writes.values()].sort((a, b) => Number(b.units.some((u) => u.confirm > 0)) - Number(a.units.some((u) => u.confirm > 0)));
}

/**
 * The explanation in both languages. The wish is named by its offer, and by its unit where the
 * offer has several; a label written "Woche 1 / week 1" (as providers do) by its own half in each.
 */
function explained(
  wish: DrawOutcome['children'][number]['wishes'][number],
  child: string,
  offerTitle: string,
  unitLabel: string | undefined,
  municipality: (id: string) => string,
) {
  const say = (language: 'de' | 'en') =>
    explainWish(wish.reason, {
      child,
      unit: unitLabel === undefined ? offerTitle : `${offerTitle}, ${pickLanguage(unitLabel, language)}`,
      municipality,
      waitlistPosition: wish.waitlistPosition,
      rank: wish.rank,
    })[language];
  return { de: say('de'), en: say('en') };
}

/** Each family's result as it reads it: per child and wish the outcome and why, in German and English. */
function familyResults(
  programmeId: string,
  outcome: DrawOutcome,
  lookup: {
    families: Map<string, string>;
    people: Map<string, Person>;
    households: Map<string, HouseholdAnswer | undefined>;
    offers: Map<string, CatalogOffer>;
    municipality: (id: string) => string;
  },
  written: DrawnFamilyOffer[],
): StoredResult[] {
  const registrationOf = new Map(written.flatMap((w) => w.registrations.map((r) => [`${r.childId}/${r.offerId}/${r.unitId}`, r.id] as const)));
  const results = new Map<string, StoredResult>();
  // Offers of one title in several municipalities are told apart by the municipality.
  const titles = [...lookup.offers.values()].map((o) => o.title);
  const named = (offer: CatalogOffer) =>
    titles.filter((t) => t === offer.title).length > 1 ? `${offer.title} (${lookup.municipality(offer.municipalityId)})` : offer.title;
  for (const child of outcome.children) {
    const person = lookup.people.get(child.childId);
    const householdId = lookup.families.get(child.familyId);
    const firstName = householdId && lookup.households.get(householdId)?.children.find((c) => c.id === person?.childId)?.firstName;
    if (!person || !householdId || firstName === undefined) continue;
    const result = results.get(householdId) ?? {
      programmeId,
      householdId,
      ticket: outcome.tickets[child.familyId] ?? 0,
      tickets: outcome.ticketCount,
      children: [],
    };
    results.set(householdId, result);
    result.children.push({
      childId: person.childId,
      firstName,
      wishes: child.wishes.map((wish) => {
        const [offerId = '', unitId = ''] = wish.unitKey.split('/');
        const offer = lookup.offers.get(offerId);
        const unitLabel = offer?.units.find((u) => u.id === unitId)?.label ?? unitId;
        const offerTitle = offer ? named(offer) : offerId;
        const registrationId = registrationOf.get(`${person.childId}/${offerId}/${unitId}`);
        return {
          rank: wish.rank,
          offerId,
          unitId,
          offerTitle,
          unitLabel,
          // A write the table refused (a seat or line changed against the rules) is no place.
          outcome: wish.outcome !== 'not_drawn' && !registrationId ? 'not_drawn' : wish.outcome,
          round: wish.round,
          waitlistPosition: wish.waitlistPosition,
          registrationId,
          reason: explained(wish, firstName, offerTitle, (offer?.units.length ?? 2) > 1 ? unitLabel : undefined, lookup.municipality),
        };
      }),
    });
  }
  return [...results.values()];
}

/** Runs `work` over `items`, `limit` at a time. */
async function inBatches<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(limit, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

/**
 * The due job after the randomness is entered: the draw over the stored snapshot, then its
 * registrations, waitlist entries and counters (each family's write in one offer is one
 * transaction, its ids from the draw, so a repeat skips what is written), the results, the
 * offers turned first come, first served, and last the programme `published` in one
 * conditional write; then one e-mail per family. Safe to repeat at every step.
 */
export async function publishDraw(ports: DrawPorts, programmeId: string): Promise<void> {
  const programme = await ports.programmes.getProgramme(programmeId);
  if (!programme) return;
  if (programme.status === 'published') return finishPublication(ports, programme);
  if (programme.status !== 'drawing' || !programme.randomness) return;

  const snapshot = await programmeSnapshot(ports, programmeId);
  const outcome = runDraw(snapshot, programme.randomness);
  if (outcome.inputHash !== programme.inputHash) throw new Error(`snapshot of ${programmeId} does not match its commitment`);

  const lists = await ports.programmes.listWishes(programmeId);
  const { families, children: people } = realIds(programme, lists);
  const offerIds = [...new Set(snapshot.units.map((u) => u.offerId))];
  const offers = new Map((await Promise.all(offerIds.map((id) => ports.offers.getOffer(id)))).flatMap((o) => (o ? [[o.id, o] as const] : [])));
  const households = new Map(await Promise.all(lists.map(async (l) => [l.householdId, await ports.households.getHousehold(l.householdId)] as const)));
  const municipalities = new Map((await ports.region.listMunicipalities()).map((m) => [m.id, m.name]));

  const writes = drawnWrites(outcome, people, offers, households, programme.drawStartedAt ?? programme.updatedAt);
  const written: DrawnFamilyOffer[] = [];
  await inBatches(offerIds, OFFERS_AT_ONCE, async (offerId) => {
    for (const write of writes.filter((w) => w.offerId === offerId)) {
      const outcome = await retryBounded(() => ports.programmes.writeDrawn(write), { ...ports.retry, attempts: 10 });
      // Refused (a child deleted meanwhile, a seat gone against the rules): no place, said so in
      // the result; its seat goes to the line. The draw never stops halfway for one family.
      if (outcome === 'written' || outcome === 'before') written.push(write);
      else console.warn(JSON.stringify({ level: 'warn', message: 'draw write refused', programmeId, offerId, outcome }));
    }
  });

  const lookup = { families, people, households, offers, municipality: (id: string) => municipalities.get(id) ?? id };
  // A result stays as first written: a second run (a lease that ran out) does not undo a mailed mark.
  for (const result of familyResults(programmeId, outcome, lookup, written)) await ports.programmes.putResult(programmeId, result);
  const now = ports.clock.now().toISOString();
  const lateOffers = (await programmeOffers(ports, programmeId)).map((o) => o.id);
  for (const offerId of new Set([...offers.keys(), ...lateOffers])) await ports.programmes.openForFirstCome(offerId, now);
  for (const unit of snapshot.units) {
    await ports.dueWork.schedule({ kind: 'offer-places', subject: unit.key.replace('/', '#'), dueAt: now });
  }

  const published: StoredProgramme = {
    ...programme,
    status: 'published',
    seed: outcome.seed,
    outputHash: outcome.outputHash,
    cutoffs: cutoffsOf(outcome),
    report: outcome.report,
    publishedAt: now,
    updatedAt: now,
  };
  if (!(await ports.programmes.replaceProgramme(published, programme.updatedAt))) return publishDraw(ports, programmeId);
  // Seats the draw left free while children wait (a child deleted since the freeze, a refused
  // write) are offered to the line now; the `offer-places` items above cover a crash before this.
  for (const unit of snapshot.units) {
    const [offerId = '', unitId = ''] = unit.key.split('/');
    await offerFreedPlacesAfterWrite(ports, offerId, unitId);
  }
  await finishPublication(ports, published);
}

/** After the flip, and again on any repeat: the erasure at the objection period's end is filed, every family e-mailed once. */
async function finishPublication(ports: DrawPorts, programme: StoredProgramme) {
  if (programme.publishedAt) await scheduleProgrammeRetention(ports, programme.id, programme.publishedAt);
  await mailResults(ports, programme);
}

const cutoffsOf = (outcome: DrawOutcome): UnitCutoff[] =>
  outcome.cutoffs.map(({ key, ...cutoff }) => {
    const [offerId = '', unitId = ''] = key.split('/');
    return { offerId, unitId, ...cutoff };
  });

/**
 * One e-mail per family with its result. Each is claimed before it is sent, so two runs never
 * mail a family twice (a crash between claim and send costs that mail; the result page has it).
 * A mail that fails is logged and the others still go.
 */
async function mailResults(ports: DrawPorts, programme: StoredProgramme) {
  for (const result of await ports.programmes.listResults(programme.id)) {
    if (result.mailedAt) continue;
    if (!(await ports.programmes.markResultMailed(programme.id, result.householdId, ports.clock.now().toISOString()))) continue;
    const household = await ports.households.getHousehold(result.householdId);
    if (!household?.email) continue;
    await sendAfterWrite(
      ports,
      bilingualMail(household.email, 'drawResult', {
        programmeTitle: programme.title,
        ticket: result.ticket,
        tickets: result.tickets,
        children: result.children.map((c) => ({ firstName: c.firstName, lines: c.wishes.map((w) => w.reason) })),
        link: `${ports.publicUrl}/programmes/${programme.id}/result`,
      }),
    );
  }
}
