import { describe, expect, it } from 'vitest';
import { aggregateDashboard, ageBand, dashboardScope, mondayOf, suppress, type OfferFacts } from '../../functions/domain/dashboard.js';
import { ForbiddenError } from '../../functions/domain/errors.js';
import type { User } from '../../shared/schemas/auth.js';

const user = (...municipalityIds: string[]): User => ({
  id: 'u',
  email: 'k@example.at',
  roles: municipalityIds.map((municipalityId) => ({ role: 'municipality' as const, municipalityId })),
});

const offer = (id: string, municipalityId: string, capacity: number, confirmed: number, waiting: number): OfferFacts['offer'] => ({
  id,
  title: id,
  description: '',
  category: 'bewegung',
  kind: 'course',
  status: 'published',
  municipalityId,
  providerId: 'p',
  bookingMode: 'fcfs',
  waitlist: true,
  ageRange: { min: 0, max: 17 },
  registrationOpens: '2026-06-01T08:00:00+02:00',
  registrationCloses: '2026-06-30T08:00:00+02:00',
  price: { amount: 0 },
  sessions: [{ id: 's1', start: '2026-07-08T09:00:00+02:00', end: '2026-07-08T10:00:00+02:00', place: 'Saal' }],
  units: [{ id: 'u1', label: 'G', capacity, confirmed, waiting }],
  firstDay: '2026-07-08',
  lastDay: '2026-07-08',
  firstStart: '2026-07-08T09:00:00+02:00',
});

describe('dashboard rules', () => {
  it('suppresses counts below 3', () => {
    // Act
    const shown = [0, 1, 2, 3, 17].map(suppress);

    // Assess
    expect(shown).toEqual(['<3', '<3', '<3', 3, 17]);
  });

  it('bands ages', () => {
    // Act
    const bands = [0, 2, 3, 5, 6, 9, 10, 13, 14, 17].map(ageBand);

    // Assess
    expect(bands).toEqual(['0-2', '0-2', '3-5', '3-5', '6-9', '6-9', '10-13', '10-13', '14+', '14+']);
  });

  it('finds the Monday of a week', () => {
    // Act: a Monday, a Wednesday, a Sunday, and a Friday whose Monday is in the year before.
    const mondays = ['2026-07-06', '2026-07-08', '2026-07-12', '2027-01-01'].map(mondayOf);

    // Assess
    expect(mondays).toEqual(['2026-07-06', '2026-07-06', '2026-07-06', '2026-12-28']);
  });

  describe('keeps a coordinator to their municipality; the region sees any', () => {
    it.each<[string, string, User, string | undefined]>([
      ['a coordinator of Lindach naming none', 'lindach', user('lindach'), undefined],
      ['a coordinator of Lindach naming Lindach', 'lindach', user('lindach'), 'lindach'],
      ['the region naming none', '*', user('*'), undefined],
      ['the region naming Kirchau', 'kirchau', user('*'), 'kirchau'],
    ])('gives %s the scope %s', (_name, expected, who, asked) => {
      // Act
      const scope = dashboardScope(who, asked);

      // Assess
      expect(scope).toBe(expected);
    });

    it.each<[string, User, string | undefined]>([
      ['a coordinator naming another municipality', user('lindach'), 'kirchau'],
      ['an admin, who is no coordinator', { ...user(), roles: [{ role: 'admin' }] }, undefined],
    ])('refuses %s', (_name, who, asked) => {
      // Act
      const scoping = () => dashboardScope(who, asked);

      // Assess
      expect(scoping).toThrow(ForbiddenError);
    });
  });

  it('counts distinct children and families across offers, and cross-municipal use', async () => {
    // Prepare: four children of three families; the Kirchau offer has three of the children, two of the families.
    const children = ['a', 'b', 'c', 'd'].map((id, i) => ({ residence: i < 3 ? 'lindach' : 'kirchau', id }));
    const families = [
      { residence: 'lindach', id: 'h1' },
      { residence: 'lindach', id: 'h2' },
      { residence: 'kirchau', id: 'h3' },
    ];
    const stats = (kids: typeof children, fams: typeof families, attendance: Record<string, number>) => ({
      confirmedByBand: { '3-5': kids.length },
      waitingByBand: { '6-9': 1 },
      children: kids,
      families: fams,
      attendance,
    });
    const facts: OfferFacts[] = [
      { offer: offer('o1', 'lindach', 10, 4, 1), stats: stats(children, families, { present: 6, absent: 2, excused: 1 }) },
      { offer: offer('o2', 'kirchau', 5, 3, 0), stats: stats(children.slice(0, 3), families.slice(0, 2), {}) },
    ];

    // Act
    const d = aggregateDashboard(facts, { municipality: '*', from: '2026-07-01', to: '2026-07-31' });

    // Assess
    expect(d.totals).toEqual({ offers: 2, places: 15, confirmed: 7, waiting: '<3', fillRate: 0.467, children: 4, families: 3, attendanceRate: 0.75 });
    expect(d.byAgeBand.filter((b) => b.confirmed !== '<3' || b.waiting !== '<3')).toEqual([{ band: '3-5', confirmed: 7, waiting: '<3' }]);
    expect(d.byResidence).toEqual([
      { residence: 'kirchau', children: '<3', families: '<3' },
      { residence: 'lindach', children: 3, families: '<3' },
    ]);
    expect(d.matrix).toEqual([
      { residence: 'kirchau', location: 'lindach', children: '<3' },
      { residence: 'lindach', location: 'kirchau', children: 3 },
      { residence: 'lindach', location: 'lindach', children: 3 },
    ]);
    expect(d.weekly).toEqual([{ week: '2026-07-06', offers: 2, places: 15, confirmed: 7, waiting: '<3', fillRate: 0.467 }]);
  });
});
