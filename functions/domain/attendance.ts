import { ageOn, dayIn } from '../../shared/dates.js';
import type { User } from '../../shared/schemas/auth.js';
import type { AttendanceInput, AttendanceMark, Participant } from '../../shared/schemas/provider.js';
import { isActive } from '../../shared/registration-status.js';
import { sessionsOfUnits } from '../../shared/sessions.js';
import type { Ports } from '../ports/index.js';
import type { StoredOffer } from '../ports/offers.js';
import type { RegistrationItem } from '../ports/registrations.js';
import { InvalidInputError, NotFoundError } from './errors.js';
import { getOwnOffer } from './offers.js';
import { AGAIN, retryBounded } from './retry.js';

export type AttendancePorts = Pick<Ports, 'offers' | 'registrations' | 'attendance' | 'households' | 'clock' | 'timeZone' | 'retry'>;

type SheetSession = { id: string; day: string };

/**
 * The printable list, one group per unit: its confirmed children as rows, the sessions they
 * attend as columns. `sessions` are all of the offer's, in time order; `unitLabel` is given
 * when the offer has several units (the weeks of holiday care, course groups).
 */
export type AttendanceSheet = {
  title: string;
  sessions: SheetSession[];
  groups: {
    unitLabel?: string;
    sessions: SheetSession[];
    rows: { child: string; guardian: string; phone: string; marks: (AttendanceMark | undefined)[] }[];
  }[];
};

/** Confirmed first (in booking order), then places offered, then the waitlist in its order, unit by unit. */
function inListOrder(offer: StoredOffer, registrations: RegistrationItem[]): RegistrationItem[] {
  const unitOrder = new Map(offer.units.map((u, i) => [u.id, i]));
  const rank = (r: RegistrationItem) => ({ confirmed: 0, offered: 1 })[r.status as string] ?? 2;
  return registrations
    .filter((r) => isActive(r.status))
    .sort(
      (a, b) =>
        (unitOrder.get(a.unitId) ?? 0) - (unitOrder.get(b.unitId) ?? 0) ||
        rank(a) - rank(b) ||
        (a.ticket ?? 0) - (b.ticket ?? 0) ||
        a.createdAt.localeCompare(b.createdAt),
    );
}

/**
 * The offer's participants with exactly what the provider needs (I6): the child's first name
 * and age on the first day, the guardian's name and phone, the notes. No birth date, no e-mail.
 * The notes (health, who may pick up) only with the guardian's recorded consent (GDPR Art. 9;
 * notes stored before consent was asked for stay hidden) and only until the offer's last day
 * (region time): after it the provider needs them no longer (Art. 5(1)(c)).
 */
async function participantsOf(ports: AttendancePorts, offer: StoredOffer): Promise<Participant[]> {
  const registrations = inListOrder(offer, await ports.registrations.listByOffer(offer.id));
  const notesShown = dayIn(ports.timeZone, ports.clock.now()) <= offer.lastDay;
  const householdIds = [...new Set(registrations.map((r) => r.householdId))];
  const households = new Map(await Promise.all(householdIds.map(async (id) => [id, await ports.households.getHousehold(id)] as const)));
  const positions = new Map<string, number>();
  return registrations.map((r) => {
    const household = households.get(r.householdId);
    const child = household?.children.find((c) => c.id === r.childId);
    const position = r.status === 'waitlisted' ? (positions.get(r.unitId) ?? 0) + 1 : undefined;
    if (position) positions.set(r.unitId, position);
    return {
      registrationId: r.id,
      unitId: r.unitId,
      status: r.status as Participant['status'],
      ...(position && { waitlistPosition: position }),
      ...(r.status === 'offered' && { offerExpiresAt: r.offerExpiresAt }),
      child: { firstName: child?.firstName ?? '', age: child ? ageOn(child.birthDate, offer.firstDay) : 0 },
      guardian: { name: household?.guardian.name ?? '', phone: household?.guardian.phone ?? '' },
      ...(notesShown && child?.notes && child.notesConsentAt && { notes: child.notes }),
    };
  });
}

/** Participants of an own offer: confirmed and waiting, in list order. */
export async function listParticipants(ports: AttendancePorts, actor: User, offerId: string): Promise<Participant[]> {
  return participantsOf(ports, await getOwnOffer(ports, actor, offerId));
}

const sessionOf = (offer: StoredOffer, sessionId: string) => {
  const session = offer.sessions.find((s) => s.id === sessionId);
  if (!session) throw new NotFoundError('Termin nicht gefunden / session not found', 'sessionId');
  return session;
};

const asMap = (records: { registrationId: string; mark: AttendanceMark }[]): AttendanceInput =>
  Object.fromEntries(records.map((r) => [r.registrationId, r.mark]));

/** The marks of one session of an own offer, `{registrationId: mark}`. */
export async function getSessionAttendance(ports: AttendancePorts, actor: User, offerId: string, sessionId: string) {
  const offer = await getOwnOffer(ports, actor, offerId);
  sessionOf(offer, sessionId);
  return asMap(await ports.attendance.listMarks(offer.id, sessionId));
}

/**
 * Sets marks for confirmed participants of one session. Sending the same marks again changes
 * nothing (only differing marks are written), so a phone may resend after a lost answer.
 */
export async function recordAttendance(
  ports: AttendancePorts,
  actor: User,
  offerId: string,
  sessionId: string,
  marks: AttendanceInput,
): Promise<AttendanceInput> {
  const offer = await getOwnOffer(ports, actor, offerId);
  const session = sessionOf(offer, sessionId);
  // Only the children of the units that meet at this session are on its roll.
  const onRoll = (r: RegistrationItem) => r.status === 'confirmed' && (session.unitId === undefined || r.unitId === session.unitId);
  const confirmed = new Set((await ports.registrations.listByOffer(offer.id)).filter(onRoll).map((r) => r.id));
  const stranger = Object.keys(marks).find((id) => !confirmed.has(id));
  if (stranger) throw new InvalidInputError('Keine bestätigte Anmeldung dieses Angebots / not a confirmed participant', stranger);
  return retryBounded(async () => {
    const current = asMap(await ports.attendance.listMarks(offer.id, sessionId));
    const changes = Object.entries(marks)
      .filter(([id, mark]) => current[id] !== mark)
      .map(([registrationId, mark]) => ({ sessionId, registrationId, mark, from: current[registrationId] }));
    const saved = await ports.attendance.saveMarks(offer.id, changes, ports.clock.now().toISOString());
    return saved ? { ...current, ...marks } : AGAIN;
  }, ports.retry);
}

/** The attendance list of an own offer: per unit its confirmed children and its session days, in the region's zone. */
export async function buildAttendanceSheet(ports: AttendancePorts, actor: User, offerId: string): Promise<AttendanceSheet> {
  const offer = await getOwnOffer(ports, actor, offerId);
  const [participants, marks] = await Promise.all([participantsOf(ports, offer), ports.attendance.listMarks(offer.id)]);
  const markOf = new Map(marks.map((m) => [`${m.sessionId}#${m.registrationId}`, m.mark]));
  const asColumn = (s: StoredOffer['sessions'][number]) => ({ id: s.id, day: dayIn(ports.timeZone, s.start) });
  return {
    title: offer.title,
    sessions: sessionsOfUnits(
      offer,
      offer.units.map((u) => u.id),
    ).map(asColumn),
    groups: offer.units.map((unit) => {
      const sessions = sessionsOfUnits(offer, [unit.id]);
      return {
        ...(offer.units.length > 1 && { unitLabel: unit.label }),
        sessions: sessions.map(asColumn),
        rows: participants
          .filter((p) => p.status === 'confirmed' && p.unitId === unit.id)
          .map((p) => ({
            child: p.child.firstName,
            guardian: p.guardian.name,
            phone: p.guardian.phone,
            marks: sessions.map((s) => markOf.get(`${s.id}#${p.registrationId}`)),
          })),
      };
    }),
  };
}
