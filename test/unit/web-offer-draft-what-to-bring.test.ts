import { describe, expect, it } from 'vitest';
import type { Offer } from '../../shared/schemas/offer';
import { offerInput } from '../../shared/schemas/provider';
import { toDraft, valuesOf } from '../../web/src/pages/provider/offer-draft';

describe('what to bring in the offer editor', () => {
  const offer: Offer = {
    id: 'o-1',
    title: 'Schwimmkurs',
    description: '',
    category: 'bewegung',
    kind: 'course',
    status: 'published',
    municipalityId: 'lindach',
    providerId: 'p-1',
    whatToBring: 'Badesachen, Handtuch',
    bookingMode: 'fcfs',
    waitlist: true,
    ageRange: { min: 4, max: 8 },
    registrationOpens: '2026-06-01T08:00:00+02:00',
    registrationCloses: '2026-06-30T20:00:00+02:00',
    price: { amount: 40 },
    sessions: [{ id: 's-1', start: '2026-07-06T16:00:00+02:00', end: '2026-07-06T17:00:00+02:00', place: 'Hallenbad' }],
    units: [{ id: 'u-1', label: 'Gruppe', capacity: 8, confirmed: 0, waiting: 0 }],
  };

  it('sends back what the offer holds', () => {
    // Act
    const draft = offerInput.parse(toDraft(valuesOf(offer, 'Europe/Vienna'), 'Europe/Vienna'));

    // Assess
    expect(draft.whatToBring).toBe('Badesachen, Handtuch');
  });

  it('sends nothing for an empty or blank field', () => {
    // Prepare
    const values = valuesOf(offer, 'Europe/Vienna');

    // Act
    const draft = toDraft({ ...values, whatToBring: '  ' }, 'Europe/Vienna');

    // Assess
    expect(draft.whatToBring).toBeUndefined();
    expect(toDraft(valuesOf(undefined, 'Europe/Vienna'), 'Europe/Vienna').whatToBring).toBeUndefined();
  });
});
