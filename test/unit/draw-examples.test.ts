import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../functions/domain/draw/canonical.js';
import { explainWish, type WishFacts } from '../../functions/domain/draw/explain.js';
import type { DrawOutcome, WishResult } from '../../functions/domain/draw/outcome.js';
import { gini } from '../../functions/domain/draw/report.js';
import { runDraw } from '../../functions/domain/draw/run-draw.js';
import type { DrawSnapshot } from '../../shared/schemas/draw-snapshot.js';
import { session, snapshotOf } from '../support/draw-instances.js';

/** Small programmes worked by hand: what docs/DRAW.md promises, one rule at a time. */

/** A randomness under which the families draw their tickets in the given order (searched, so deterministic). */
function randomnessFor(snapshot: DrawSnapshot, order: string[]): string {
  for (let i = 0; i < 5000; i++) {
    const outcome = runDraw(snapshot, `r${i}`);
    if (order.every((id, k) => outcome.tickets[id] === k + 1)) return `r${i}`;
  }
  throw new Error(`no randomness found for ${order.join(', ')}`);
}

const wish = (outcome: DrawOutcome, childId: string, unitKey: string): WishResult =>
  outcome.children.find((c) => c.childId === childId)!.wishes.find((w) => w.unitKey === unitKey)!;
const confirmed = (outcome: DrawOutcome, unitKey: string) => [...outcome.units.find((u) => u.key === unitKey)!.confirmed].sort();
const one = (id: string, wishes: string[], residence: string | null = null) => ({ id: `fam${id}`, residence, children: [{ id: `kid${id}`, wishes }] });

describe('seats by kind: the resident reserve', () => {
  // Reiten has 3 seats, 1 kept for Lindach. Tickets: Nora (elsewhere), Lena (Lindach), Noah (elsewhere), Luis (Lindach).
  const reiten = (reserveSemantics: 'minimum' | 'open_first') =>
    snapshotOf({
      units: [{ key: 'reiten/w1', seats: 3, reserved: 1, municipalityId: 'lindach' }],
      families: [one('nora0', ['reiten/w1']), one('lena0', ['reiten/w1'], 'lindach'), one('noah0', ['reiten/w1']), one('luis0', ['reiten/w1'], 'lindach')],
      settings: { reserveSemantics },
    });
  const order = ['famnora0', 'famlena0', 'famnoah0', 'famluis0'];

  it('reserve first (minimum): Lena takes the reserved seat, Noah the last open one, Luis finds both full', () => {
    const snapshot = reiten('minimum');
    const outcome = runDraw(snapshot, randomnessFor(snapshot, order));

    expect(confirmed(outcome, 'reiten/w1')).toEqual(['kidlena0', 'kidnoah0', 'kidnora0']);
    expect(wish(outcome, 'kidluis0', 'reiten/w1')).toMatchObject({
      outcome: 'waitlisted',
      waitlistPosition: 1,
      reason: { code: 'full', ticket: 4, tickets: 4, seats: 3, reservedToResidents: 1, municipalityId: 'lindach', lastTicket: 3 },
    });
    expect(outcome.report.reserve).toEqual({ seats: 1, usedByResidents: 1, released: 0 });
  });

  it('open first: Lena takes an open seat, so Noah finds the open seats full and Luis still gets the reserved one', () => {
    const snapshot = reiten('open_first');
    const outcome = runDraw(snapshot, randomnessFor(snapshot, order));

    expect(confirmed(outcome, 'reiten/w1')).toEqual(['kidlena0', 'kidluis0', 'kidnora0']);
    expect(wish(outcome, 'kidnoah0', 'reiten/w1').reason).toMatchObject({ code: 'full', reservedToResidents: 1, lastTicket: 2 });
  });

  it('releases a reserved seat nobody from the municipality took to everyone after round 1', () => {
    const snapshot = snapshotOf({
      units: [{ key: 'reiten/w1', seats: 2, reserved: 1, municipalityId: 'lindach' }],
      families: [one('nora0', ['reiten/w1']), one('noah0', ['reiten/w1'])],
      settings: { rescue: false },
    });
    const outcome = runDraw(snapshot, randomnessFor(snapshot, ['famnora0', 'famnoah0']));

    expect(wish(outcome, 'kidnora0', 'reiten/w1')).toMatchObject({ outcome: 'confirmed', round: 1 });
    expect(wish(outcome, 'kidnoah0', 'reiten/w1')).toMatchObject({ outcome: 'confirmed', round: 2 });
    expect(outcome.report.reserve).toEqual({ seats: 1, usedByResidents: 0, released: 1 });
  });
});

describe('the rescue', () => {
  // Jonas (first ticket) wants Klettern, else Töpfern; Mia wants only Klettern; one seat each.
  const snapshot = snapshotOf({
    units: [
      { key: 'klettern/w1', seats: 1 },
      { key: 'toepfern/w1', seats: 1 },
    ],
    families: [one('jonas0', ['klettern/w1', 'toepfern/w1']), one('mia00', ['klettern/w1'])],
  });
  const randomness = randomnessFor(snapshot, ['famjonas0', 'fammia00']);

  it('moves Jonas to his second wish so that Mia gets a place at all, and logs the move', () => {
    const outcome = runDraw(snapshot, randomness);

    expect(outcome.moves).toEqual([{ childId: 'kidjonas0', from: 'klettern/w1', fromRank: 1, to: 'toepfern/w1', toRank: 2, forChildId: 'kidmia00' }]);
    expect(wish(outcome, 'kidjonas0', 'klettern/w1')).toMatchObject({ outcome: 'waitlisted', waitlistPosition: 1, reason: { code: 'moved_away', toRank: 2 } });
    expect(wish(outcome, 'kidjonas0', 'toepfern/w1')).toMatchObject({ outcome: 'confirmed', round: 1, reason: { code: 'won', round: 1 } });
    expect(wish(outcome, 'kidmia00', 'klettern/w1')).toMatchObject({ outcome: 'confirmed', round: 1, reason: { code: 'won_rescue' } });
    expect(outcome.report).toMatchObject({ placed: 2, placeableMax: 2, rescueMoves: 1, rescueRankLoss: 1, zeroPlaceShare: 0 });
  });

  it('without rescue leaves Mia without a place', () => {
    const outcome = runDraw({ ...snapshot, settings: { ...snapshot.settings, rescue: false } }, randomness);

    expect(outcome.moves).toEqual([]);
    expect(outcome.report).toMatchObject({ placed: 1, placeableMax: 2, zeroPlaceShare: 0.5 });
  });

  it('follows a chain of moves, and on a tie moves the holder with the worse ticket', () => {
    // Chain: Anna holds A (wants B too), Ben holds B (wants C too), Cem wants only A.
    const chain = snapshotOf({
      units: ['a', 'b', 'c'].map((k) => ({ key: `kurs/${k}`, seats: 1 })),
      families: [one('anna0', ['kurs/a', 'kurs/b']), one('ben00', ['kurs/b', 'kurs/c']), one('cem00', ['kurs/a'])],
    });
    const chained = runDraw(chain, randomnessFor(chain, ['famanna0', 'famben00', 'famcem00']));
    expect(chained.moves.map((m) => `${m.childId} ${m.from}→${m.to}`).sort()).toEqual(['kidanna0 kurs/a→kurs/b', 'kidben00 kurs/b→kurs/c']);
    expect(chained.report.placed).toBe(3);

    // Tie: Anna and Ben both hold A (2 seats) and each has a free second wish; Cem wants only A.
    const tie = snapshotOf({
      units: [
        { key: 'kurs/a', seats: 2 },
        { key: 'kurs/b', seats: 1 },
        { key: 'kurs/c', seats: 1 },
      ],
      families: [one('anna0', ['kurs/a', 'kurs/b']), one('ben00', ['kurs/a', 'kurs/c']), one('cem00', ['kurs/a'])],
    });
    const tied = runDraw(tie, randomnessFor(tie, ['famanna0', 'famben00', 'famcem00']));
    expect(tied.moves).toEqual([{ childId: 'kidben00', from: 'kurs/a', fromRank: 1, to: 'kurs/c', toRank: 2, forChildId: 'kidcem00' }]);
  });

  it('moves the holder that loses the fewest ranks, whatever its ticket', () => {
    // Anna (worse ticket) would drop to her wish 3, Ben (better ticket) only to his wish 2.
    const snapshot = snapshotOf({
      units: [
        { key: 'kurs/a', seats: 2 },
        { key: 'kurs/b', seats: 1 },
        { key: 'kurs/c', seats: 1 },
        { key: 'kurs/x', seats: 0 },
      ],
      families: [one('ben00', ['kurs/a', 'kurs/c']), one('anna0', ['kurs/a', 'kurs/x', 'kurs/b']), one('cem00', ['kurs/a'])],
    });
    const outcome = runDraw(snapshot, randomnessFor(snapshot, ['famben00', 'famanna0', 'famcem00']));

    expect(outcome.moves).toEqual([{ childId: 'kidben00', from: 'kurs/a', fromRank: 1, to: 'kurs/c', toRank: 2, forChildId: 'kidcem00' }]);
    expect(outcome.report.rescueRankLoss).toBe(1);
  });
});

describe('siblings bound on an offer', () => {
  const siblings = (mode: 'all_or_none' | 'prefer', seats: [number, number]) =>
    snapshotOf({
      units: [
        { key: 'camp/w1', seats: seats[0] },
        { key: 'camp/w2', seats: seats[1] },
      ],
      families: [
        {
          id: 'famhuber0',
          children: [
            { id: 'kidhuber1', wishes: ['camp/w1', 'camp/w2'] },
            { id: 'kidhuber2', wishes: ['camp/w1', 'camp/w2'] },
          ],
          together: [{ offerId: 'camp', childIds: ['kidhuber1', 'kidhuber2'], mode }],
        },
      ],
    });

  it('together or none: both go to week 2, since week 1 has one seat only', () => {
    const outcome = runDraw(siblings('all_or_none', [1, 2]), 'R');

    expect(confirmed(outcome, 'camp/w2')).toEqual(['kidhuber1', 'kidhuber2']);
    expect(wish(outcome, 'kidhuber1', 'camp/w1').reason).toEqual({ code: 'bundle_incomplete' });
    expect(outcome.report.bundles).toEqual({ allOrNone: 1, split: 0, prefer: 0, preferKept: 0 });
  });

  it('together or none: picks the week with the best sum of the siblings ranks', () => {
    const snapshot = snapshotOf({
      // Three groups at the same time: the siblings can only have one.
      units: ['w1', 'w2', 'w3'].map((w) => ({ key: `camp/${w}`, seats: 5, sessions: [session(0, 9, 3)] })),
      families: [
        {
          id: 'famhuber0',
          children: [
            { id: 'kidhuber1', wishes: ['camp/w2', 'camp/w1'] },
            { id: 'kidhuber2', wishes: ['camp/w1', 'camp/w3', 'camp/w2'] },
          ],
          together: [{ offerId: 'camp', childIds: ['kidhuber1', 'kidhuber2'], mode: 'all_or_none' }],
        },
      ],
    });

    for (const randomness of ['R', 'S', 'T', 'U']) {
      const outcome = runDraw(snapshot, randomness);
      expect(outcome.units.map((u) => [u.key, u.confirmed.length])).toEqual([
        ['camp/w1', 2],
        ['camp/w2', 0],
        ['camp/w3', 0],
      ]);
    }
  });

  it('together or none: nobody goes when no week has two seats, though each has one', () => {
    const outcome = runDraw(siblings('all_or_none', [1, 1]), 'R');

    expect(outcome.units.flatMap((u) => u.confirmed)).toEqual([]);
    expect(outcome.report.wastedSeats).toBe(0);
  });

  it('prefer together: apart when there is no other way', () => {
    const outcome = runDraw(siblings('prefer', [1, 1]), 'R');

    expect(outcome.units.map((u) => u.confirmed.length)).toEqual([1, 1]);
    expect(outcome.report.bundles).toEqual({ allOrNone: 0, split: 0, prefer: 1, preferKept: 0 });
  });
});

describe('rounds, ranks and reasons', () => {
  it('runs round 2 in reverse ticket order', () => {
    const snapshot = snapshotOf({
      units: ['a', 'b', 'c'].map((k, day) => ({ key: `kurs/${k}`, seats: 1, sessions: [session(day, 9, 2)] })),
      families: [one('anna0', ['kurs/a', 'kurs/b', 'kurs/c']), one('ben00', ['kurs/a', 'kurs/b', 'kurs/c'])],
    });
    const outcome = runDraw(snapshot, randomnessFor(snapshot, ['famanna0', 'famben00']));

    expect(confirmed(outcome, 'kurs/a')).toEqual(['kidanna0']);
    expect(wish(outcome, 'kidben00', 'kurs/b')).toMatchObject({ outcome: 'confirmed', round: 1 });
    expect(wish(outcome, 'kidben00', 'kurs/c')).toMatchObject({ outcome: 'confirmed', round: 2 });
    expect(outcome.report.placesPerChild).toMatchObject({ mean: 1.5, distribution: { '0': 0, '1': 1, '2': 1, '3+': 0 } });
  });

  it('keeps the ranks the family entered, names removed wishes and clashes, and honours the travel buffer', () => {
    const snapshot = snapshotOf({
      units: [
        { key: 'klettern/w2', seats: 5, sessions: [session(0, 9, 3)] },
        // Full as well, but the clash is the reason that holds whatever the seats.
        { key: 'reiten/w2', seats: 0, sessions: [session(0, 12, 2)], waitlist: false },
        { key: 'tanzen/w2', seats: 5, sessions: [session(0, 16, 2)] },
      ],
      families: [{ id: 'famlena0', children: [{ id: 'kidlena0', wishes: ['klettern/w2', 'reiten/w2', 'tanzen/w2'] }] }],
      removed: [{ childId: 'kidlena0', unitKey: 'malen/w2', rank: 2, reason: 'age' }],
      settings: { travelBufferMinutes: 30 },
    });
    const outcome = runDraw(snapshot, 'R');

    expect(outcome.children[0]!.wishes).toEqual([
      { unitKey: 'klettern/w2', rank: 1, outcome: 'confirmed', round: 1, reason: { code: 'won', round: 1 } },
      { unitKey: 'malen/w2', rank: 2, outcome: 'not_drawn', reason: { code: 'removed', why: 'age' } },
      { unitKey: 'reiten/w2', rank: 3, outcome: 'not_drawn', reason: { code: 'overlaps', withRank: 1 } },
      { unitKey: 'tanzen/w2', rank: 4, outcome: 'confirmed', round: 2, reason: { code: 'won', round: 2 } },
    ]);
    expect(outcome.report.removedWishes).toEqual({ age: 1 });
  });

  it('stops at the place cap and the care-week cap', () => {
    const weeks = ['w1', 'w2', 'w3'].map((w, day) => ({ key: `hort/${w}`, seats: 3, careWeek: true, sessions: [session(day, 8, 8)] }));
    const snapshot = snapshotOf({
      units: weeks,
      families: [
        {
          id: 'famhuber0',
          children: [
            { id: 'kidhuber1', wishes: ['hort/w1', 'hort/w2', 'hort/w3'] },
            { id: 'kidhuber2', wishes: ['hort/w1'] },
          ],
        },
      ],
      settings: { maxPlacesPerChild: 2, maxCareWeeksPerFamily: 2 },
    });
    const outcome = runDraw(snapshot, 'R');
    const places = outcome.children.flatMap((c) => c.wishes.filter((w) => w.outcome === 'confirmed'));
    const refused = outcome.children.flatMap((c) => c.wishes.filter((w) => w.outcome !== 'confirmed').map((w) => w.reason.code));

    expect(places).toHaveLength(2);
    expect(refused.length).toBeGreaterThan(0);
    for (const code of refused) expect(['place_cap', 'care_week_cap']).toContain(code);
  });

  it('suppresses report cells with fewer than 3 children', () => {
    const snapshot = snapshotOf({
      units: [{ key: 'kurs/a', seats: 3 }],
      families: [
        one('anna0', ['kurs/a'], 'lindach'),
        one('ben00', ['kurs/a'], 'lindach'),
        one('cem00', ['kurs/a'], 'lindach'),
        one('dora0', ['kurs/a'], 'moosried'),
      ],
    });
    const groups = runDraw(snapshot, 'R').report.groups;

    expect(groups.find((g) => g.dimension === 'municipality' && g.value === 'lindach')).toMatchObject({ children: 3 });
    expect(groups.find((g) => g.dimension === 'municipality' && g.value === 'moosried')).toEqual({
      dimension: 'municipality',
      value: 'moosried',
      children: null,
      zeroPlaceShare: null,
      meanPlaces: null,
      firstWishShare: null,
      topThreeShare: null,
    });
    expect(groups.find((g) => g.dimension === 'all')).toMatchObject({ children: 4, zeroPlaceShare: 0.25, firstWishShare: 0.75 });
  });
});

describe('explainWish', () => {
  const facts = (extra: Partial<WishFacts> = {}): WishFacts => ({
    child: 'Lena',
    unit: 'Klettern, Woche 2',
    rank: 1,
    municipality: (id) => (id === 'lindach' ? 'Lindach' : id),
    ...extra,
  });

  it('says where a child has a place', () => {
    expect(explainWish({ code: 'won', round: 1 }, facts())).toEqual({
      de: 'Lena hat einen Platz in „Klettern, Woche 2“ (Wunsch 1), Runde 1.',
      en: 'Lena has a place in “Klettern, Woche 2” (wish 1), round 1.',
    });
  });

  it('says who got the seats of a full unit', () => {
    const reason = { code: 'full', ticket: 312, tickets: 812, seats: 10, reservedToResidents: 6, municipalityId: 'lindach', lastTicket: 288 } as const;
    expect(explainWish(reason, facts({ unit: 'Reiten' }))).toEqual({
      de: 'Wunsch 1 „Reiten“ war voll, als Lena an der Reihe war (Losnummer 312 von 812). Von 10 Plätzen gingen 6 an Kinder aus Lindach (reserviert), 4 an frühere Losnummern (zuletzt 288).',
      en: 'Wish 1 “Reiten” was full when it was Lena’s turn (ticket 312 of 812). Of 10 places, 6 went to children from Lindach (reserved), 4 to earlier tickets (the last 288).',
    });
    expect(explainWish({ ...reason, reservedToResidents: 0 }, facts({ unit: 'Reiten' })).de).toContain(
      'Alle 10 Plätze gingen an frühere Losnummern (zuletzt 288).',
    );
    expect(explainWish({ ...reason, reservedToResidents: 10, lastTicket: null }, facts({ unit: 'Reiten' })).de).toContain(
      'Alle 10 Plätze gingen an Kinder aus Lindach (reserviert).',
    );
    // A later ticket holding a seat got it in a later round: said so, not left to look unfair.
    expect(explainWish({ ...reason, lastTicket: 400 }, facts({ unit: 'Reiten' }))).toMatchObject({
      de: expect.stringContaining('4 an andere Kinder, zum Teil erst in späteren Runden (Losnummern bis 400).'),
      en: expect.stringContaining('4 to other children, some only in later rounds (tickets up to 400).'),
    });
  });

  it('names a clash, a rescue move and the waiting list', () => {
    expect(explainWish({ code: 'overlaps', withRank: 1 }, facts({ rank: 3, unit: 'Reiten' })).de).toBe(
      'Wunsch 3 „Reiten“ findet gleichzeitig mit Wunsch 1 statt.',
    );
    expect(explainWish({ code: 'moved_away', toRank: 2 }, facts({ child: 'Jonas', waitlistPosition: 3 }))).toEqual({
      de: 'Jonas wurde von Wunsch 1 auf Wunsch 2 gesetzt, damit ein anderes Kind überhaupt einen Platz bekommt. Warteliste: Platz 3.',
      en: 'Jonas was moved from wish 1 to wish 2 so that another child gets a place at all. Waiting list: place 3.',
    });
  });

  it('explains removed wishes by their reason, with a fallback for unknown ones', () => {
    expect(explainWish({ code: 'removed', why: 'age' }, facts()).de).toBe(
      'Wunsch 1 „Klettern, Woche 2“ passt nicht zum Alter von Lena und wurde vor der Verlosung herausgenommen.',
    );
    expect(explainWish({ code: 'removed', why: 'offer_cancelled' }, facts()).en).toBe('Wish 1 “Klettern, Woche 2” is void: the offer was cancelled.');
    expect(explainWish({ code: 'removed', why: 'unit_gone' }, facts()).de).toContain('Diesen Termin gibt es nicht mehr');
    expect(explainWish({ code: 'removed', why: 'duplicate' }, facts()).de).toContain('(Grund: duplicate)');
  });
});

describe('canonical JSON and Gini', () => {
  it('sorts keys recursively and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 'x' }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"e":"x","f":1}]},"b":1}');
  });

  it('is 0 for equal places and grows with inequality', () => {
    expect(gini([1, 1, 1])).toBe(0);
    expect(gini([0, 0, 3])).toBeCloseTo(2 / 3);
    expect(gini([0, 0, 0])).toBe(0);
  });
});
