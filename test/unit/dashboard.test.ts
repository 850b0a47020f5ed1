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
    expect([0, 1, 2, 3, 17].map(suppress)).toEqual(['<3', '<3', '<3', 3, 17]);
  });

  it('bands ages and finds the Monday of a week', () => {
    expect([0, 2, 3, 5, 6, 9, 10, 13, 14, 17].map(ageBand)).toEqual(['0-2', '0-2', '3-5', '3-5', '6-9', '6-9', '10-13', '10-13', '14+', '14+']);
    expect([mondayOf('2026-07-06'), mondayOf('2026-07-08'), mondayOf('2026-07-12'), mondayOf('2027-01-01')]).toEqual([
      '2026-07-06',
      '2026-07-06',
      '2026-07-06',
      '2026-12-28',
    ]);
  });

  it('keeps a coordinator to their municipality; the region sees any', () => {
    expect(dashboardScope(user('lindach'))).toBe('lindach');
    expect(dashboardScope(user('lindach'), 'lindach')).toBe('lindach');
    expect(() => dashboardScope(user('lindach'), 'kirchau')).toThrow(ForbiddenError);
    expect(() => dashboardScope({ ...user(), roles: [{ role: 'admin' }] })).toThrow(ForbiddenError);
    expect(dashboardScope(user('*'))).toBe('*');
    expect(dashboardScope(user('*'), 'kirchau')).toBe('kirchau');
  });

  it('counts distinct children and families across offers, and cross-municipal use', async () => {
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
    const d = aggregateDashboard(facts, { municipality: '*', from: '2026-07-01', to: '2026-07-31' });
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
