import { describe, expect, it } from 'vitest';
import type { FamilyRegistration } from '../../shared/schemas/registration';
import { canAccept, canExtend, cardId, childNames, groupRegistrations, offeredTogether, registrationIdOfHash } from '../../web/src/lib/registrations';

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
  ...overrides,
});

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

describe('the lists of the bookings page', () => {
  it('puts offered places on top, the soonest deadline first, and counts them out of the current ones', () => {
    // Prepare
    const list = [
      reg('confirmed'),
      reg('late', { status: 'offered', offerExpiresAt: '2026-06-05T12:00:00Z' }),
      reg('waiting', { status: 'waitlisted', waitlistPosition: 1 }),
      reg('soon', { status: 'offered', offerExpiresAt: '2026-06-04T14:00:00+02:00' }),
      reg('declined', { status: 'declined' }),
      reg('expired', { status: 'expired' }),
    ];

    // Act
    const groups = groupRegistrations(list);

    // Assess
    expect(groups.offered.map((r) => r.id)).toEqual(['soon', 'late']);
    expect(groups.active.map((r) => r.id).sort()).toEqual(['confirmed', 'waiting']);
    expect(groups.past.map((r) => r.id).sort()).toEqual(['declined', 'expired']);
  });

  it('orders current ones newest first', () => {
    // Prepare
    const list = [reg('old', { createdAt: '2026-05-01T08:00:00Z' }), reg('new', { createdAt: '2026-06-01T08:00:00Z' })];

    // Act
    const { active } = groupRegistrations(list);

    // Assess
    expect(active.map((r) => r.id)).toEqual(['new', 'old']);
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
