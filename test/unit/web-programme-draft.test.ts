import { describe, expect, it } from 'vitest';
import { programmeInput, type Programme } from '../../shared/schemas/programme';
import { programmeValuesOf, toProgrammeInput } from '../../web/src/pages/admin/programme-draft';

const zone = 'Europe/Vienna';

/** A draft programme with every optional setting, as `GET /admin/programmes` lists it. */
const programme: Programme = {
  id: 'sommer-2027',
  title: 'Sommer 2027',
  description: 'Ferienbetreuung und Kurse der ganzen Region.',
  status: 'draft',
  algorithm: 'regiokurs/draw/v1',
  wishOpens: '2027-05-01T08:00:00+02:00',
  wishCloses: '2027-05-31T20:00:00+02:00',
  maxWishesPerChild: 8,
  maxPlacesPerChild: 3,
  maxCareWeeksPerFamily: 6,
  residentReserve: { kind: 'share', value: 0.3, semantics: 'open_first' },
  rescue: false,
  travelBufferMinutes: 30,
  randomnessSource: 'Lotto 6 aus 45 vom 4. Juni',
};

describe('the settings form of a holiday programme', () => {
  it('sends back every setting of a saved programme it did not change', () => {
    // Prepare
    const values = programmeValuesOf(programme, zone);

    // Act
    const input = programmeInput.parse(toProgrammeInput(values, zone));

    // Assess
    const { id: _id, status: _status, algorithm: _algorithm, ...settings } = programme;
    expect(input).toEqual(settings);
  });

  it('starts a new programme with the defaults and no resident reserve', () => {
    // Prepare
    const values = {
      ...programmeValuesOf(undefined, zone),
      title: 'Herbst 2027',
      wishOpens: '2027-09-01T08:00',
      wishCloses: '2027-09-15T20:00',
      randomnessSource: 'Lotto',
    };

    // Act
    const input = programmeInput.parse(toProgrammeInput(values, zone));

    // Assess
    expect(input).toMatchObject({ maxWishesPerChild: 10, rescue: true, travelBufferMinutes: 0, wishOpens: '2027-09-01T08:00:00+02:00' });
    expect(input.residentReserve).toBeUndefined();
    expect(input.maxPlacesPerChild).toBeUndefined();
  });

  it('puts a wish window that closes before it opens at the closing field', () => {
    // Prepare
    const values = { ...programmeValuesOf(programme, zone), wishCloses: '2027-04-30T08:00' };

    // Act
    const result = programmeInput.safeParse(toProgrammeInput(values, zone));

    // Assess
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['wishCloses']);
  });
});
