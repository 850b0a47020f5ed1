import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdUntil, owedFamilies } from '../../functions/domain/waitlist.js';
import type { WaitlistEntry } from '../../functions/ports/registrations.js';

const HOUR_MS = 60 * 60 * 1000;

/** A line built from families in ticket order: a string is a household's child, null a child booked without household. */
function lineOf(...households: (string | null)[]): WaitlistEntry[] {
  return households.map((householdId, i) => ({ registrationId: `r${i + 1}`, ticket: i + 1, ...(householdId !== null && { householdId }) }));
}

/** The owed families as their registration ids, for readable expectations. */
const ids = (families: WaitlistEntry[][]) => families.map((f) => f.map((e) => e.registrationId));

describe('owedFamilies: who is owed the free places', () => {
  /** A unit large enough for every family in these lines. */
  const CAPACITY = 10;

  it('gives places to families in line order, each with all its children', () => {
    // Prepare: Gruber (two children), Huber (one), Maier (two).
    const line = lineOf('gruber', 'gruber', 'huber', 'maier', 'maier');

    // Act
    const owed = owedFamilies(line, 5, CAPACITY);

    // Assess
    expect(ids(owed)).toEqual([['r1', 'r2'], ['r3'], ['r4', 'r5']]);
  });

  it('keeps a family whole even when its children stand apart in the line, at the place of its first child', () => {
    // Prepare: Gruber's second child was put on the line after Huber's.
    const line = lineOf('gruber', 'huber', 'gruber');

    // Act
    const owed = owedFamilies(line, 3, CAPACITY);

    // Assess
    expect(ids(owed)).toEqual([['r1', 'r3'], ['r2']]);
  });

  it('offers nothing when no place is free or nobody waits', () => {
    // Act, Assess
    expect(owedFamilies(lineOf('gruber', 'huber'), 0, CAPACITY)).toEqual([]);
    expect(owedFamilies([], 3, CAPACITY)).toEqual([]);
  });

  it('never offers more children than places are free: the family behind the last that fits waits', () => {
    // Prepare: one place, then two.
    const line = lineOf('gruber', 'huber', 'maier');

    // Act
    const one = owedFamilies(line, 1, CAPACITY);
    const two = owedFamilies(line, 2, CAPACITY);

    // Assess
    expect(ids(one)).toEqual([['r1']]);
    expect(ids(two)).toEqual([['r1'], ['r2']]);
  });

  it('lets a family at the head that does not fit yet wait there: nobody behind it gets the places meanwhile', () => {
    // Prepare: the Grubers wait first with three children; two places are free; single children stand behind them.
    const line = lineOf('gruber', 'gruber', 'gruber', 'huber', 'maier', 'berger');

    // Act
    const two = owedFamilies(line, 2, CAPACITY);
    const three = owedFamilies(line, 3, CAPACITY);

    // Assess: with two places nobody is offered any; with three the Grubers get all of them.
    expect(two).toEqual([]);
    expect(ids(three)).toEqual([['r1', 'r2', 'r3']]);
  });

  it('stops at the first family after the placed ones that does not fit: nobody behind it overtakes it', () => {
    // Prepare: three places; Huber (one) fits, the Maiers (three) then do not, Berger (one) would.
    const line = lineOf('huber', 'maier', 'maier', 'maier', 'berger');

    // Act
    const owed = owedFamilies(line, 3, CAPACITY);

    // Assess: only Huber; Berger does not jump ahead of the Maiers.
    expect(ids(owed)).toEqual([['r1']]);
  });

  it('passes over only a family with more children than the unit has places at all, wherever it stands', () => {
    // Prepare: a unit of two places, both free; the Grubers wait with three children, first and again between others.
    const line = lineOf('gruber', 'gruber', 'huber', 'gruber', 'maier', 'berger');

    // Act
    const owed = owedFamilies(line, 2, 2);

    // Assess: the Grubers could never fit; Huber and Maier get the places, Berger waits.
    expect(ids(owed)).toEqual([['r3'], ['r5']]);
  });

  it('treats each entry without a household as a family of one', () => {
    // Prepare: three children booked without household, one of them between a family's children.
    const line = lineOf(null, 'gruber', null, 'gruber', null);

    // Act
    const owed = owedFamilies(line, 5, CAPACITY);

    // Assess
    expect(ids(owed)).toEqual([['r1'], ['r2', 'r4'], ['r3'], ['r5']]);
  });

  describe('property: for any line, free places and capacity', () => {
    /** Up to 12 entries from up to 5 households (children may stand apart) and children without household. */
    const lines = fc
      .array(
        fc.option(
          fc.integer({ min: 0, max: 4 }).map((h) => `h${h}`),
          { freq: 3 },
        ),
        { maxLength: 12 },
      )
      .map((households) => lineOf(...households));
    const cases = fc.record({ line: lines, capacity: fc.integer({ min: 1, max: 6 }), share: fc.double({ min: 0, max: 1, noNaN: true }) });

    it('owes whole families in line order, never more children than free, none that could never fit, and nobody past one that waits', () => {
      fc.assert(
        fc.property(cases, ({ line, capacity, share }) => {
          // Prepare
          const free = Math.floor(share * (capacity + 1)) % (capacity + 1);
          const familyOf = (e: WaitlistEntry) => e.householdId ?? e.registrationId;
          const families = [...new Set(line.map(familyOf))].map((family) => line.filter((e) => familyOf(e) === family));
          const couldFit = families.filter((f) => f.length <= capacity);

          // Act
          const owed = owedFamilies(line, free, capacity);

          // Assess
          const given = owed.flat().length;
          // Never more children than free places.
          expect(given).toBeLessThanOrEqual(free);
          // The owed families are the first families that could ever fit, whole, in line order...
          expect(owed).toEqual(couldFit.slice(0, owed.length));
          // ...and the next such family (if any) does not fit into what is left: it waits, and nobody behind it is owed.
          const waiting = couldFit[owed.length];
          if (waiting) expect(waiting.length).toBeGreaterThan(free - given);
        }),
        { numRuns: 1000 },
      );
    });
  });
});

describe('holdUntil: how long a freed place is held for the family it is offered to', () => {
  const now = new Date('2026-05-04T08:00:00.000Z');
  const inHours = (hours: number) => new Date(now.getTime() + hours * HOUR_MS).toISOString();

  it("holds the place for the region's hold when the offer starts later", () => {
    // Act
    const until = holdUntil(now, inHours(24 * 7), 48);

    // Assess
    expect(until).toBe(inHours(48));
  });

  it('holds it only until the offer starts when that comes first', () => {
    // Act
    const until = holdUntil(now, inHours(10), 48);

    // Assess
    expect(until).toBe(inHours(10));
  });

  it('holds it for exactly two hours, the shortest hold, and not for less', () => {
    // Act
    const startsInTwoHours = holdUntil(now, inHours(2), 48);
    const startsJustUnderTwoHours = holdUntil(now, new Date(now.getTime() + 2 * HOUR_MS - 1).toISOString(), 48);
    const holdOfTwoHours = holdUntil(now, inHours(24 * 7), 2);
    const holdOfOneHour = holdUntil(now, inHours(24 * 7), 1);

    // Assess
    expect(startsInTwoHours).toBe(inHours(2));
    expect(startsJustUnderTwoHours).toBeUndefined();
    expect(holdOfTwoHours).toBe(inHours(2));
    expect(holdOfOneHour).toBeUndefined();
  });

  it('holds nothing once the offer has started or the region holds no time', () => {
    // Act, Assess
    expect(holdUntil(now, inHours(-1), 48)).toBeUndefined();
    expect(holdUntil(now, now.toISOString(), 48)).toBeUndefined();
    expect(holdUntil(now, inHours(24 * 7), 0)).toBeUndefined();
  });

  it('reads a start given with an offset as the same instant', () => {
    // Act: 18:00 in Vienna (summer time) is 16:00 UTC, eight hours from now.
    const until = holdUntil(now, '2026-05-04T18:00:00+02:00', 48);

    // Assess
    expect(until).toBe(inHours(8));
  });
});
