import { describe, expect, it } from 'vitest';
import type { Offer } from '../../shared/schemas/offer';
import { offerDraftSchema, toDraft, valuesOf } from '../../web/src/pages/provider/offer-draft';

const zone = 'Europe/Vienna';

/** A saved lottery offer of the programme `sommer-2027`, as `GET /provider/offers/{id}` answers it. */
const offer: Offer = {
  id: 'o-2',
  title: 'Ferienbetreuung Sommer',
  description: 'Eine Woche Spiel und Natur.',
  category: 'ferien',
  kind: 'holiday_care',
  status: 'draft',
  municipalityId: 'lindach',
  providerId: 'hilfswerk-sonnental',
  bookingMode: 'lottery',
  programmeId: 'sommer-2027',
  waitlist: true,
  ageRange: { min: 6, max: 12 },
  registrationOpens: '2027-03-01T08:00:00+01:00',
  registrationCloses: '2027-06-30T20:00:00+02:00',
  price: { amount: 90 },
  sessions: [{ id: 's-1', start: '2027-07-05T08:00:00+02:00', end: '2027-07-05T16:00:00+02:00', place: 'Volksschule' }],
  units: [{ id: 'u-1', label: 'Woche 1', capacity: 20, confirmed: 0, waiting: 0 }],
};

describe('the programme of a lottery offer in the editor', () => {
  it('keeps the saved programme of a lottery offer', () => {
    // Prepare
    const values = valuesOf(offer, zone);

    // Act
    const draft = offerDraftSchema.parse(toDraft(values, zone));

    // Assess
    expect(values.programmeId).toBe('sommer-2027');
    expect(draft.programmeId).toBe('sommer-2027');
  });

  it('refuses a lottery offer without a programme, at the programme field', () => {
    // Prepare
    const values = { ...valuesOf(offer, zone), programmeId: '' };

    // Act
    const result = offerDraftSchema.safeParse(toDraft(values, zone));

    // Assess
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['programmeId']);
  });

  it('names no programme once the offer is first come, first served', () => {
    // Prepare
    const values = { ...valuesOf(offer, zone), bookingMode: 'fcfs' as const };

    // Act
    const draft = offerDraftSchema.parse(toDraft(values, zone));

    // Assess
    expect(draft.programmeId).toBeUndefined();
  });

  it('starts a new offer without a programme', () => {
    // Act
    const values = valuesOf(undefined, zone);

    // Assess
    expect(values.programmeId).toBe('');
    expect(toDraft(values, zone).programmeId).toBeUndefined();
  });
});
