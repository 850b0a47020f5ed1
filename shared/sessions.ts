import type { Offer } from './schemas/offer.js';

type Session = Offer['sessions'][number];

/** The session that starts first (instants compare as instants, whatever their offsets). */
export function firstSession(offer: { sessions: Session[] }): Session {
  const [first] = [...offer.sessions].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  if (!first) throw new Error('an offer has at least one session');
  return first;
}
