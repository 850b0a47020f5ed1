import { describe, expect, it } from 'vitest';
import { priceSchema, type Offer } from '../../shared/schemas/offer';
import { offerInput, offerPatch } from '../../shared/schemas/provider';
import { toDraft, valuesOf } from '../../web/src/pages/provider/offer-draft';

const zone = 'Europe/Vienna';

/** A saved offer with every optional field set, as `GET /provider/offers/{id}` answers it. */
const offer: Offer = {
  id: 'o-1',
  title: 'Eltern-Kind-Turnen',
  description: 'Klettern, balancieren, rollen.',
  category: 'bewegung',
  kind: 'course',
  status: 'published',
  municipalityId: 'lindach',
  providerId: 'sportunion-lindach',
  providerName: 'Sportunion Lindach',
  address: 'Schulstraße 1',
  accessibility: 'Stufenloser Zugang',
  bookingMode: 'fcfs',
  waitlist: true,
  ageRange: { min: 1, max: 3 },
  registrationOpens: '2026-06-01T08:00:00+02:00',
  registrationCloses: '2026-06-30T20:00:00+02:00',
  price: { amount: 40, reduced: 25 },
  sessions: [{ id: 's-1', start: '2026-07-06T16:00:00+02:00', end: '2026-07-06T17:00:00+02:00', place: 'Turnsaal' }],
  units: [{ id: 'u-1', label: 'Gruppe', capacity: 12, confirmed: 4, waiting: 0 }],
};

/** What the editor may send of that offer: every field a new offer has. */
const { id: _id, status: _status, providerId: _p, providerName: _n, ...editable } = offer;
const expected = { ...editable, units: [{ id: 'u-1', label: 'Gruppe', capacity: 12 }] };

describe('the draft of the offer editor', () => {
  it('sends back every field of a saved offer it did not change, the reduced price included', () => {
    // Prepare
    const values = valuesOf(offer, zone);

    // Act
    const draft = offerInput.parse(toDraft(values, zone));

    // Assess
    expect(draft).toEqual(expected);
    expect(offerPatch.parse(draft).price).toEqual({ amount: 40, reduced: 25 });
  });

  it('names every field of the schemas, so a PATCH never leaves one to chance', () => {
    // Prepare
    const values = valuesOf(undefined, zone);

    // Act
    const draft = toDraft(values, zone);

    // Assess
    expect(Object.keys(draft).sort()).toEqual(Object.keys(offerInput.shape).sort());
    expect(Object.keys(draft.price).sort()).toEqual(Object.keys(priceSchema.shape).sort());
  });

  it('keeps a changed reduced price', () => {
    // Prepare
    const values = valuesOf(offer, zone);

    // Act
    const changed = toDraft({ ...values, price: { amount: '40', reduced: '20.5' } }, zone);

    // Assess
    expect(changed.price).toEqual({ amount: 40, reduced: 20.5 });
  });

  it('drops a cleared reduced price', () => {
    // Prepare
    const values = valuesOf(offer, zone);

    // Act
    const cleared = toDraft({ ...values, price: { amount: '40', reduced: ' ' } }, zone);

    // Assess
    expect(cleared.price).toEqual({ amount: 40, reduced: undefined });
    expect(offerInput.parse(cleared).price).toEqual({ amount: 40 });
  });
});
