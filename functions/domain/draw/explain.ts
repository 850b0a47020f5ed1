import type { WishReason } from './outcome.js';

export type WishFacts = {
  /** The child's first name. */
  child: string;
  /** Offer title and unit label, e.g. `Klettern, Woche 2`. */
  unit: string;
  /** The municipality's name for its id. */
  municipality: (id: string) => string;
  waitlistPosition?: number;
  /** The wish's rank in the list the family entered (1 = first wish). */
  rank: number;
};

type Text = { de: string; en: string };

function explainFull(reason: Extract<WishReason, { code: 'full' }>, f: WishFacts): Text {
  const town = f.municipality(reason.municipalityId);
  const head = {
    de: `Wunsch ${f.rank} „${f.unit}“ war voll, als ${f.child} an der Reihe war (Losnummer ${reason.ticket} von ${reason.tickets}).`,
    en: `Wish ${f.rank} “${f.unit}” was full when it was ${f.child}’s turn (ticket ${reason.ticket} of ${reason.tickets}).`,
  };
  if (reason.seats === 0) return { de: `${head.de} Es gab dort keine Plätze.`, en: `${head.en} It had no places.` };
  const others = reason.seats - reason.reservedToResidents;
  const earlier = reason.lastTicket !== null && reason.lastTicket <= reason.ticket;
  const last =
    reason.lastTicket === null
      ? null
      : earlier
        ? { de: `frühere Losnummern (zuletzt ${reason.lastTicket})`, en: `earlier tickets (the last ${reason.lastTicket})` }
        : // A later ticket holds a seat only from a later round or a rescue move, after this child had its turn (and, in later rounds, a place that clashed or a cap).
          {
            de: `andere Kinder, zum Teil erst in späteren Runden (Losnummern bis ${reason.lastTicket})`,
            en: `other children, some only in later rounds (tickets up to ${reason.lastTicket})`,
          };
  const reserved = { de: `an Kinder aus ${town} (reserviert)`, en: `to children from ${town} (reserved)` };
  const open = last && { de: `an ${last.de}`, en: `to ${last.en}` };
  if (reason.reservedToResidents === 0 && open)
    return { de: `${head.de} Alle ${reason.seats} Plätze gingen ${open.de}.`, en: `${head.en} All ${reason.seats} places went ${open.en}.` };
  if (others === 0 || !open)
    return { de: `${head.de} Alle ${reason.seats} Plätze gingen ${reserved.de}.`, en: `${head.en} All ${reason.seats} places went ${reserved.en}.` };
  return {
    de: `${head.de} Von ${reason.seats} Plätzen gingen ${reason.reservedToResidents} ${reserved.de}, ${others} ${open.de}.`,
    en: `${head.en} Of ${reason.seats} places, ${reason.reservedToResidents} went ${reserved.en}, ${others} ${open.en}.`,
  };
}

function explainRemoved(why: string, f: WishFacts): Text {
  switch (why) {
    case 'age':
      return {
        de: `Wunsch ${f.rank} „${f.unit}“ passt nicht zum Alter von ${f.child} und wurde vor der Verlosung herausgenommen.`,
        en: `Wish ${f.rank} “${f.unit}” does not fit ${f.child}’s age and was taken out before the draw.`,
      };
    case 'offer_cancelled':
      return { de: `Wunsch ${f.rank} „${f.unit}“ entfällt: Das Angebot wurde abgesagt.`, en: `Wish ${f.rank} “${f.unit}” is void: the offer was cancelled.` };
    case 'unit_gone':
      return {
        de: `Wunsch ${f.rank} „${f.unit}“ entfällt: Diesen Termin gibt es nicht mehr.`,
        en: `Wish ${f.rank} “${f.unit}” is void: this date no longer exists.`,
      };
    default:
      return {
        de: `Wunsch ${f.rank} „${f.unit}“ wurde vor der Verlosung herausgenommen (Grund: ${why}).`,
        en: `Wish ${f.rank} “${f.unit}” was taken out before the draw (reason: ${why}).`,
      };
  }
}

function explainReason(reason: WishReason, f: WishFacts): Text {
  switch (reason.code) {
    case 'won':
      return {
        de: `${f.child} hat einen Platz in „${f.unit}“ (Wunsch ${f.rank}), Runde ${reason.round}.`,
        en: `${f.child} has a place in “${f.unit}” (wish ${f.rank}), round ${reason.round}.`,
      };
    case 'won_rescue':
      return {
        de: `${f.child} hat einen Platz in „${f.unit}“ (Wunsch ${f.rank}), Runde 1: Ein anderes Kind wurde dafür auf einen seiner anderen Wünsche gesetzt.`,
        en: `${f.child} has a place in “${f.unit}” (wish ${f.rank}), round 1: another child was moved to one of its other wishes to make room.`,
      };
    case 'moved_away':
      return {
        de: `${f.child} wurde von Wunsch ${f.rank} auf Wunsch ${reason.toRank} gesetzt, damit ein anderes Kind überhaupt einen Platz bekommt.`,
        en: `${f.child} was moved from wish ${f.rank} to wish ${reason.toRank} so that another child gets a place at all.`,
      };
    case 'full':
      return explainFull(reason, f);
    case 'overlaps':
      return {
        de: `Wunsch ${f.rank} „${f.unit}“ findet gleichzeitig mit Wunsch ${reason.withRank} statt.`,
        en: `Wish ${f.rank} “${f.unit}” takes place at the same time as wish ${reason.withRank}.`,
      };
    case 'place_cap':
      return {
        de: `${f.child} hat schon so viele Plätze, wie ein Kind in diesem Ferienprogramm bekommen kann.`,
        en: `${f.child} already has as many places as one child can get in this holiday programme.`,
      };
    case 'care_week_cap':
      return {
        de: `Die Familie hat schon so viele Betreuungswochen, wie eine Familie in diesem Ferienprogramm bekommen kann.`,
        en: `The family already has as many weeks of holiday care as one family can get in this holiday programme.`,
      };
    case 'bundle_incomplete':
      return {
        de: `Wunsch ${f.rank} „${f.unit}“: Die Geschwister wollten nur zusammen hin, und es gab nicht für alle zusammen Plätze.`,
        en: `Wish ${f.rank} “${f.unit}”: the siblings wanted to go only together, and there were not places for all of them.`,
      };
    case 'removed':
      return explainRemoved(reason.why, f);
  }
}

/** Why a wish ended as it did, in plain German and English, as the family reads it. */
export function explainWish(reason: WishReason, facts: WishFacts): Text {
  const text = explainReason(reason, facts);
  if (facts.waitlistPosition === undefined) return text;
  return { de: `${text.de} Warteliste: Platz ${facts.waitlistPosition}.`, en: `${text.en} Waiting list: place ${facts.waitlistPosition}.` };
}
