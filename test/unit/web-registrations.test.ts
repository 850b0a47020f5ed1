import { describe, expect, it } from 'vitest';
import type { BookedOfferFacts, FamilyRegistration } from '../../shared/schemas/registration';
import {
  bookedOffers,
  canAccept,
  canExtend,
  cardId,
  childNames,
  namesUnits,
  offeredTogether,
  ownSessionsOfUnit,
  placesOf,
  registrationIdOfHash,
  sectionBookings,
} from '../../web/src/lib/registrations';

type Session = BookedOfferFacts['sessions'][number];

/** A morning session on `day` (Vienna's summer time); `unitId` for one that belongs to one unit only. */
const session = (id: string, day: string, unitId?: string, place = 'Turnsaal'): Session => ({
  id,
  start: `${day}T09:00:00+02:00`,
  end: `${day}T12:00:00+02:00`,
  place,
  ...(unitId && { unitId }),
});

/** An offer's facts as the API adds them to a registration: one unit unless given. */
const facts = (sessions: Session[], units = [{ id: 'u-1', label: 'Gruppe' }]): BookedOfferFacts => ({
  status: 'published',
  price: { amount: 40 },
  sessions,
  units,
});

/** A family's registration as `GET /family/registrations` answers it, with what a test changes. */
const reg = (id: string, overrides: Partial<FamilyRegistration> = {}): FamilyRegistration => ({
  id,
  offerId: 'o-1',
  unitId: 'u-1',
  childId: `c-${id}`,
  status: 'confirmed',
  createdAt: '2026-06-01T08:00:00+02:00',
  offerTitle: 'Schwimmkurs',
  unitLabel: 'Gruppe',
  childFirstName: `Kind ${id}`,
  offer: facts([session('s1', '2026-07-06')]),
  ...overrides,
});

/** The page's "now": mid-June 2026. */
const NOW = new Date('2026-06-15T10:00:00+02:00');
const ids = (offers: { offerId: string }[]) => offers.map((o) => o.offerId);

describe('the links of e-mails to one booking', () => {
  it('names a card by its registration and reads it back from the hash', () => {
    // Act
    const hash = `#${cardId('r-42')}`;

    // Assess
    expect(hash).toBe('#reg-r-42');
    expect(registrationIdOfHash(hash)).toBe('r-42');
  });

  it.each(['', '#', '#main', '#reg-', 'reg'])('finds no registration in the hash %j', (hash) => {
    // Act
    const id = registrationIdOfHash(hash);

    // Assess
    expect(id).toBeUndefined();
  });
});

describe('the cards of the bookings page', () => {
  it('makes one card per offer, with every child registered for it', () => {
    // Prepare: Mia in two offers, Ben in one of them.
    const list = [
      reg('mia-swim', { childFirstName: 'Mia' }),
      reg('mia-dance', { offerId: 'o-2', offerTitle: 'Tanzen', childFirstName: 'Mia' }),
      reg('ben-swim', { childFirstName: 'Ben', status: 'waitlisted', waitlistPosition: 1 }),
    ];

    // Act
    const offers = bookedOffers(list);

    // Assess
    expect(offers.map((o) => [o.offerId, o.offerTitle, o.registrations.map((r) => r.id)])).toEqual([
      ['o-1', 'Schwimmkurs', ['ben-swim', 'mia-swim']],
      ['o-2', 'Tanzen', ['mia-dance']],
    ]);
  });

  it('orders what is ahead by first date, the soonest first, whatever the order of booking', () => {
    // Prepare: the latest offer booked first, the soonest last.
    const list = [
      reg('late', { offerId: 'late', offer: facts([session('s1', '2026-09-01')]), createdAt: '2026-06-01T08:00:00Z' }),
      reg('soon', { offerId: 'soon', offer: facts([session('s1', '2026-06-20')]), createdAt: '2026-06-03T08:00:00Z' }),
      reg('mid', { offerId: 'mid', offer: facts([session('s1', '2026-07-10'), session('s2', '2026-06-25')]), createdAt: '2026-06-02T08:00:00Z' }),
    ];

    // Act
    const { current, offered, past } = sectionBookings(list, NOW);

    // Assess: the first date of "mid" is its earlier session, whatever the order of its sessions.
    expect(ids(current)).toEqual(['soon', 'mid', 'late']);
    expect(current[1]?.sessions.map((s) => s.id)).toEqual(['s2', 's1']);
    expect([offered, past]).toEqual([[], []]);
  });

  it('keeps a running course current and moves what is over down, the most recent first', () => {
    // Prepare
    const list = [
      reg('running', { offerId: 'running', offer: facts([session('s1', '2026-06-01'), session('s2', '2026-06-29')]) }),
      reg('may', { offerId: 'may', offer: facts([session('s1', '2026-05-04')]) }),
      reg('june', { offerId: 'june', offer: facts([session('s1', '2026-06-08')]) }),
    ];

    // Act
    const { current, past } = sectionBookings(list, NOW);

    // Assess
    expect(ids(current)).toEqual(['running']);
    expect(ids(past)).toEqual(['june', 'may']);
  });

  it('puts an offer with a place waiting for an answer on top, the whole card, and one with nothing active down', () => {
    // Prepare: Mia confirmed and Ben offered a place in one offer; a cancelled one still ahead.
    const list = [
      reg('mia', { childFirstName: 'Mia', offer: facts([session('s1', '2026-08-01')]) }),
      reg('ben', { childFirstName: 'Ben', status: 'offered', offerExpiresAt: '2026-06-17T10:00:00+02:00', offer: facts([session('s1', '2026-08-01')]) }),
      reg('cancelled', { offerId: 'cancelled', status: 'cancelled', offer: facts([session('s1', '2026-07-01')]) }),
      reg('kept', { offerId: 'kept', offer: facts([session('s1', '2026-07-01')]) }),
    ];

    // Act
    const { offered, current, past } = sectionBookings(list, NOW);

    // Assess
    expect(offered.map((o) => [o.offerId, o.registrations.map((r) => r.id)])).toEqual([['o-1', ['ben', 'mia']]]);
    expect(ids(current)).toEqual(['kept']);
    expect(ids(past)).toEqual(['cancelled']);
  });

  it('lists an offer that is gone after those with dates, named by its title', () => {
    // Prepare
    const list = [reg('gone', { offerId: 'gone', offerTitle: 'Alt', offer: undefined }), reg('dated')];

    // Act
    const { current } = sectionBookings(list, NOW);

    // Assess
    expect(ids(current)).toEqual(['o-1', 'gone']);
    expect(current[1]?.sessions).toEqual([]);
  });
});

describe('the dates of a card', () => {
  // Holiday care of two weeks: each week's days belong to it; the parents' evening to both.
  const weeks = facts(
    [session('w1', '2026-07-06', 'week-1'), session('w2', '2026-07-13', 'week-2'), session('evening', '2026-07-03')],
    [
      { id: 'week-1', label: 'Woche 1 / week 1' },
      { id: 'week-2', label: 'Woche 2 / week 2' },
    ],
  );

  it('are the sessions of the booked units, and those every unit meets at, in time order', () => {
    // Prepare: Lena in week 2 only.
    const list = [reg('lena', { unitId: 'week-2', offer: weeks })];

    // Act
    const [card] = bookedOffers(list);

    // Assess
    expect(card?.sessions.map((s) => s.id)).toEqual(['evening', 'w2']);
  });

  it('leave out a unit given up while another is still booked, and keep them all once nothing is', () => {
    // Prepare
    const cancelledWeek = reg('lena-1', { unitId: 'week-1', status: 'cancelled', offer: weeks });
    const keptWeek = reg('lena-2', { unitId: 'week-2', offer: weeks });

    // Act
    const [oneWeek] = bookedOffers([cancelledWeek, keptWeek]);
    const [none] = bookedOffers([cancelledWeek, { ...keptWeek, status: 'cancelled' }]);

    // Assess
    expect(oneWeek?.sessions.map((s) => s.id)).toEqual(['evening', 'w2']);
    expect(none?.sessions.map((s) => s.id)).toEqual(['evening', 'w1', 'w2']);
  });

  it('name each line’s unit and its own days only where the offer has several units', () => {
    // Prepare: Lena in both weeks, Jonas in week 1; and a course of one group.
    const [card] = bookedOffers([
      reg('lena-2', { unitId: 'week-2', childFirstName: 'Lena', offer: weeks }),
      reg('lena-1', { unitId: 'week-1', childFirstName: 'Lena', offer: weeks }),
      reg('jonas-1', { unitId: 'week-1', childFirstName: 'Jonas', offer: weeks }),
    ]);
    const [course] = bookedOffers([reg('mia')]);

    // Assess: the weeks in the provider's order, then by child; each week's days; the course needs neither.
    expect(card?.registrations.map((r) => r.id)).toEqual(['jonas-1', 'lena-1', 'lena-2']);
    expect(namesUnits(card as NonNullable<typeof card>)).toBe(true);
    expect(ownSessionsOfUnit(card as NonNullable<typeof card>, 'week-2')?.map((s) => s.id)).toEqual(['evening', 'w2']);
    expect(namesUnits(course as NonNullable<typeof course>)).toBe(false);
    expect(ownSessionsOfUnit(course as NonNullable<typeof course>, 'u-1')).toBeUndefined();
  });

  it('name no unit’s own days when they are the card’s, nor when units share every session', () => {
    // Prepare: Lena in week 1 only; two parallel groups that meet at the same sessions.
    const [oneWeek] = bookedOffers([reg('lena-1', { unitId: 'week-1', offer: weeks })]);
    const groups = facts(
      [session('s1', '2026-07-06'), session('s2', '2026-07-13')],
      [
        { id: 'morning', label: 'Vormittag' },
        { id: 'afternoon', label: 'Nachmittag' },
      ],
    );
    const [parallel] = bookedOffers([reg('a', { unitId: 'morning', offer: groups }), reg('b', { unitId: 'afternoon', offer: groups })]);

    // Assess
    expect(ownSessionsOfUnit(oneWeek as NonNullable<typeof oneWeek>, 'week-1')).toBeUndefined();
    expect(namesUnits(parallel as NonNullable<typeof parallel>)).toBe(true);
    expect(ownSessionsOfUnit(parallel as NonNullable<typeof parallel>, 'morning')).toBeUndefined();
  });

  it('name each place once', () => {
    // Act
    const places = placesOf([session('a', '2026-07-06'), session('b', '2026-07-07', undefined, 'Freibad'), session('c', '2026-07-08')]);

    // Assess
    expect(places).toEqual(['Turnsaal', 'Freibad']);
  });
});

describe('the registrations in a card', () => {
  it('put what holds now before what no longer does, for a child booked again', () => {
    // Prepare
    const old = reg('old', { childFirstName: 'Mia', status: 'cancelled', createdAt: '2026-05-01T08:00:00Z' });
    const again = reg('again', { childFirstName: 'Mia', createdAt: '2026-06-01T08:00:00Z' });

    // Act
    const [card] = bookedOffers([old, again]);

    // Assess
    expect(card?.registrations.map((r) => r.id)).toEqual(['again', 'old']);
  });

  it('name the unit of an offer that is gone by the units its registrations are in', () => {
    // Prepare
    const [card] = bookedOffers([reg('a', { offer: undefined }), reg('b', { unitId: 'u-2', offer: undefined })]);

    // Assess
    expect(namesUnits(card as NonNullable<typeof card>)).toBe(true);
  });
});

describe('an offered place', () => {
  it('names the siblings offered on the same unit, who are answered with it', () => {
    // Prepare
    const mia = reg('mia', { status: 'offered', childFirstName: 'Mia' });
    const ben = reg('ben', { status: 'offered', childFirstName: 'Ben' });
    const otherUnit = reg('emil', { status: 'offered', unitId: 'u-2', childFirstName: 'Emil' });
    const waiting = reg('lea', { status: 'waitlisted', childFirstName: 'Lea' });

    // Act
    const together = offeredTogether([mia, ben, otherUnit, waiting], mia);

    // Assess
    expect(childNames(together)).toBe('Ben');
    expect(offeredTogether([mia, ben], waiting)).toEqual([]);
  });

  it('may be extended once, and only while offered', () => {
    // Assess
    expect(canExtend(reg('a', { status: 'offered' }))).toBe(true);
    expect(canExtend(reg('b', { status: 'offered', offerExtended: false }))).toBe(true);
    expect(canExtend(reg('c', { status: 'offered', offerExtended: true }))).toBe(false);
    expect(canExtend(reg('d', { status: 'waitlisted', lastCall: true }))).toBe(false);
  });

  it('is accepted when offered, or when waiting on a last call', () => {
    // Assess
    expect(canAccept(reg('a', { status: 'offered' }))).toBe(true);
    expect(canAccept(reg('b', { status: 'waitlisted', lastCall: true }))).toBe(true);
    expect(canAccept(reg('c', { status: 'waitlisted' }))).toBe(false);
    expect(canAccept(reg('d', { status: 'confirmed' }))).toBe(false);
  });

  it('names each child once and skips removed ones', () => {
    // Act
    const names = childNames([reg('a', { childFirstName: 'Mia' }), reg('b', { childFirstName: undefined }), reg('c', { childFirstName: 'Mia' })]);

    // Assess
    expect(names).toBe('Mia');
  });
});
