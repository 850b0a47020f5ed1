import { describe, expect, it } from 'vitest';
import { buildSnapshot, pseudonym, reservedSeats } from '../../functions/domain/freeze.js';
import { snapshotHash } from '../../functions/domain/draw/run-draw.js';
import type { StoredProgramme, StoredWishes } from '../../functions/ports/programmes.js';
import { refusedWishes } from '../../functions/domain/wishes.js';
import { drawSnapshotSchema } from '../../shared/schemas/draw-snapshot.js';
import type { HouseholdAnswer } from '../../shared/schemas/household.js';
import type { CatalogOffer } from '../../shared/schemas/offer.js';

const programme: StoredProgramme = {
  id: 'sommer',
  title: 'Sommer',
  wishOpens: '2027-03-01T08:00:00+01:00',
  wishCloses: '2027-03-15T08:00:00+01:00',
  maxWishesPerChild: 3,
  rescue: true,
  travelBufferMinutes: 30,
  randomnessSource: 'Zusatzzahl',
  residentReserve: { kind: 'share', value: 0.3, semantics: 'minimum' },
  status: 'wishing',
  algorithm: 'regiokurs/draw/v1',
  pseudonymKey: 'k'.repeat(64),
  createdAt: '2027-02-01T00:00:00Z',
  updatedAt: '2027-02-01T00:00:00Z',
};

const day = (d: number, from: string, to: string) => ({
  id: `s${d}`,
  start: `2027-07-0${d}T${from}:00+02:00`,
  end: `2027-07-0${d}T${to}:00+02:00`,
  place: 'Halle',
});

/** A published lottery offer of the programme, for ages 6–10 from 5 July. */
const offer = (id: string, overrides: Partial<CatalogOffer> = {}): CatalogOffer => ({
  id,
  title: id,
  description: '',
  category: 'ferien',
  kind: 'event',
  status: 'published',
  municipalityId: 'lindach',
  providerId: 'p',
  bookingMode: 'lottery',
  programmeId: 'sommer',
  waitlist: true,
  ageRange: { min: 6, max: 10 },
  registrationOpens: '2027-03-15T08:00:00+01:00',
  registrationCloses: '2027-07-01T08:00:00+02:00',
  price: { amount: 0 },
  sessions: [day(5, '09:00', '12:00')],
  units: [{ id: 'u1', label: 'Gruppe', capacity: 10, confirmed: 0, waiting: 0 }],
  firstDay: '2027-07-05',
  lastDay: '2027-07-05',
  firstStart: '2027-07-05T09:00:00+02:00',
  ...overrides,
});

const household = (id: string, children: { id: string; birthDate: string }[], municipalityId?: string): HouseholdAnswer => ({
  id,
  email: `${id}@example.at`,
  guardian: {},
  municipalityId,
  children: children.map((c) => ({ ...c, firstName: c.id })),
});

const wishes = (householdId: string, children: StoredWishes['children'], together: StoredWishes['together'] = []): StoredWishes => ({
  programmeId: 'sommer',
  householdId,
  children,
  together,
  updatedAt: '2027-03-02T00:00:00Z',
});

describe('the frozen snapshot', () => {
  const care = offer('care', {
    kind: 'holiday_care',
    // An opening afternoon for both weeks, then each week's own days.
    sessions: [
      day(4, '14:00', '16:00'),
      { ...day(5, '08:00', '16:00'), unitId: 'w1' },
      { ...day(6, '08:00', '16:00'), unitId: 'w1' },
      { ...day(7, '08:00', '16:00'), unitId: 'w2' },
      { ...day(8, '08:00', '16:00'), unitId: 'w2' },
    ],
    units: [
      { id: 'w1', label: 'Woche 1', capacity: 10, confirmed: 0, waiting: 0 },
      { id: 'w2', label: 'Woche 2', capacity: 7, confirmed: 0, waiting: 0 },
    ],
  });
  const riding = offer('riding', { municipalityId: 'kirchau', ageRange: { min: 8, max: 12 } });
  const families = [
    {
      household: household(
        'h1',
        [
          { id: 'anna', birthDate: '2020-01-10' },
          { id: 'ben', birthDate: '2018-05-01' },
        ],
        'lindach',
      ),
      wishes: wishes(
        'h1',
        [
          {
            childId: 'anna',
            wishes: [
              { offerId: 'riding', unitId: 'u1' },
              { offerId: 'care', unitId: 'w1' },
              { offerId: 'gone', unitId: 'u1' },
            ],
          },
          {
            childId: 'ben',
            wishes: [
              { offerId: 'care', unitId: 'w1' },
              { offerId: 'riding', unitId: 'u1' },
            ],
          },
        ],
        [{ offerId: 'care', childIds: ['ben', 'anna'], mode: 'all_or_none' }],
      ),
    },
    {
      household: household('h2', [{ id: 'cem', birthDate: '2019-02-02' }]),
      wishes: wishes('h2', [{ childId: 'cem', wishes: [{ offerId: 'care', unitId: 'w2' }] }]),
    },
  ];

  it('holds pseudonyms only, sorted, with the wishes that can no longer be allowed taken out and why', () => {
    const snapshot = buildSnapshot(programme, [riding, care], families);

    expect(drawSnapshotSchema.parse(snapshot)).toEqual(snapshot);
    const text = JSON.stringify(snapshot);
    for (const real of ['h1', 'h2', 'anna', 'ben', 'cem', 'lindach@']) expect(text).not.toContain(`"${real}"`);
    expect(snapshot.families.map((f) => f.id)).toEqual([...snapshot.families.map((f) => f.id)].sort());
    const anna = pseudonym(programme, 'child', 'anna');
    const family = snapshot.families.find((f) => f.id === pseudonym(programme, 'family', 'h1'));
    expect(family?.residence).toBe('lindach');
    // Anna is 7 on 5 July 2027: too young for riding (8–12); the unit of an offer no longer in the programme is gone.
    expect(family?.children.find((c) => c.id === anna)?.wishes).toEqual(['care/w1']);
    expect(snapshot.removed.filter((r) => r.childId === anna)).toEqual([
      { childId: anna, unitKey: 'riding/u1', rank: 1, reason: 'age' },
      { childId: anna, unitKey: 'gone/u1', rank: 3, reason: 'offer_cancelled' },
    ]);
    expect(family?.together).toEqual([{ offerId: 'care', childIds: [anna, pseudonym(programme, 'child', 'ben')].sort(), mode: 'all_or_none' }]);
  });

  it('gives each week of a holiday care its own days and the days of both, and keeps the residents’ share of the seats', () => {
    const snapshot = buildSnapshot(programme, [riding, care], families);

    const [w1, w2] = snapshot.units.filter((u) => u.offerId === 'care');
    expect(w1?.sessions.map((s) => new Date(s.start).getUTCDate())).toEqual([4, 5, 6]);
    expect(w2?.sessions.map((s) => new Date(s.start).getUTCDate())).toEqual([4, 7, 8]);
    expect([w1?.reserved, w2?.reserved]).toEqual([3, 2]);
    expect(w1?.careWeek).toBe(true);
    expect(snapshot.units.find((u) => u.key === 'riding/u1')).toMatchObject({ municipalityId: 'kirchau', careWeek: false, seats: 10 });
  });

  it('is the same snapshot and hash whatever order the lists and offers come in', () => {
    const one = buildSnapshot(programme, [riding, care], families);
    const other = buildSnapshot(programme, [care, riding], [...families].reverse());

    expect(other).toEqual(one);
    expect(snapshotHash(other)).toBe(snapshotHash(one));
    expect(snapshotHash(buildSnapshot({ ...programme, pseudonymKey: 'x'.repeat(64) }, [riding, care], families))).not.toBe(snapshotHash(one));
  });

  it('reserves a share rounded down or a count never above the seats', () => {
    expect(reservedSeats(undefined, 10)).toBe(0);
    expect(reservedSeats({ kind: 'share', value: 0.25, semantics: 'minimum' }, 10)).toBe(2);
    expect(reservedSeats({ kind: 'count', value: 4, semantics: 'minimum' }, 3)).toBe(3);
  });
});

describe('the wish rules at entry', () => {
  const riding = offer('riding', { ageRange: { min: 8, max: 12 } });
  const children = [{ id: 'anna', firstName: 'Anna', birthDate: '2020-01-10' }];

  it('names every wish that cannot be allowed, and nothing for an allowed list', () => {
    const ok = refusedWishes(
      { children: [{ childId: 'anna', wishes: [{ offerId: 'care', unitId: 'u1' }] }], together: [] },
      programme,
      [offer('care'), riding],
      children,
    );
    const bad = refusedWishes(
      {
        children: [
          {
            childId: 'anna',
            wishes: [
              { offerId: 'riding', unitId: 'u1' },
              { offerId: 'care', unitId: 'u9' },
              { offerId: 'care', unitId: 'u1' },
              { offerId: 'care', unitId: 'u1' },
            ],
          },
          { childId: 'stranger', wishes: [] },
        ],
        together: [{ offerId: 'care', childIds: ['anna', 'stranger'], mode: 'prefer' }],
      },
      programme,
      [offer('care'), riding],
      children,
    );

    expect(ok).toEqual([]);
    expect(bad.map((r) => `${r.path} ${r.code}`)).toEqual([
      'children.0.wishes wish_cap',
      'children.0.wishes.0 wish_age',
      'children.0.wishes.1 wish_unknown',
      'children.0.wishes.3 wish_duplicate',
      'children.1.childId wish_unknown_child',
      'together.0.childIds together_no_wish',
    ]);
    expect(bad[1]?.message).toBe(
      'Anna ist am ersten Tag von „riding“ nicht zwischen 8 und 12 Jahre alt / Anna is not between 8 and 12 on the first day of "riding"',
    );
  });
});
