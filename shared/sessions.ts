import type { Offer } from './schemas/offer.js';

type Session = Offer['sessions'][number];

/** The session that starts first (instants compare as instants, whatever their offsets). */
export function firstSession(offer: { sessions: Session[] }): Session {
  const [first] = [...offer.sessions].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  if (!first) throw new Error('an offer has at least one session');
  return first;
}

/** Does a child of `unitId` attend `session`? A session of no unit is every unit's. */
export const attendsSession = (session: Pick<Session, 'unitId'>, unitId: string) => session.unitId === undefined || session.unitId === unitId;

/** The sessions the children of these units attend, in time order: the units' own and those of every unit. */
export function sessionsOfUnits<S extends Session>(offer: { sessions: S[] }, unitIds: Iterable<string>): S[] {
  const units = [...unitIds];
  return offer.sessions.filter((s) => units.some((unitId) => attendsSession(s, unitId))).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}
