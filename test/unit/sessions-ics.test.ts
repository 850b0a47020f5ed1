import { describe, expect, it } from 'vitest';
import { buildCalendarFeed } from '../../functions/domain/calendar-feed.js';
import { sessionsIcs } from '../../functions/domain/sessions-ics.js';
import type { Offer } from '../../shared/schemas/offer.js';
import { parseIcsEvents } from '../support/ics.js';

/** A course of three sessions, the second across the change to summer time in Vienna (29 March 2026). */
const offer: Offer = {
  id: 'o-schwimmen',
  title: 'Schwimmkurs, Anfänger',
  description: 'Wassergewöhnung; Badehaube nicht vergessen',
  category: 'bewegung',
  kind: 'course',
  status: 'published',
  municipalityId: 'lindach',
  providerId: 'sportunion-lindach',
  address: 'Hallenbad Lindach, Badgasse 3',
  bookingMode: 'fcfs',
  waitlist: true,
  ageRange: { min: 5, max: 8 },
  registrationOpens: '2026-02-01T08:00:00+01:00',
  registrationCloses: '2026-03-15T20:00:00+01:00',
  price: { amount: 45 },
  sessions: [
    { id: 's1', start: '2026-03-21T09:00:00+01:00', end: '2026-03-21T10:00:00+01:00', place: 'Hallenbad' },
    { id: 's2', start: '2026-03-28T09:00:00+01:00', end: '2026-03-28T10:00:00+01:00', place: 'Hallenbad' },
    { id: 's3', start: '2026-04-04T09:00:00+02:00', end: '2026-04-04T10:00:00+02:00', place: 'Hallenbad' },
  ],
  units: [{ id: 'u1', label: 'Gruppe', capacity: 8, confirmed: 0, waiting: 0 }],
};

describe('sessionsIcs', () => {
  it('has one event per session that a real parser reads at the session’s instants, with title, place and link', () => {
    // Act
    const events = parseIcsEvents(sessionsIcs(offer, ['u1'], 'https://regiokurs.example'));

    // Assess
    expect(events).toHaveLength(offer.sessions.length);
    expect(events.map((e) => [e.start, e.end])).toEqual(offer.sessions.map((s) => [new Date(s.start).toISOString(), new Date(s.end).toISOString()]));
    expect(events[0]).toMatchObject({
      summary: 'Schwimmkurs, Anfänger',
      location: 'Hallenbad Lindach, Badgasse 3',
      url: 'https://regiokurs.example/offers/o-schwimmen',
    });
  });

  it('uses the public feed’s event ids, so a subscribed calendar shows each session once', () => {
    // Prepare
    const feed = parseIcsEvents(buildCalendarFeed([offer], { name: 'Kleinregion', publicUrl: 'https://regiokurs.example' }));

    // Act
    const attachment = parseIcsEvents(sessionsIcs(offer, ['u1'], 'https://regiokurs.example'));

    // Assess
    expect(attachment.map((e) => e.uid)).toEqual(feed.map((e) => e.uid));
    expect(new Set(attachment.map((e) => e.uid)).size).toBe(offer.sessions.length);
  });

  it('places the session itself when the offer has no address', () => {
    // Prepare
    const { address: _address, ...withoutAddress } = offer;

    // Act
    const [event] = parseIcsEvents(sessionsIcs(withoutAddress, ['u1'], 'https://regiokurs.example'));

    // Assess
    expect(event?.location).toBe('Hallenbad');
  });

  it('holds only the booked week’s sessions of a two-week holiday care, each titled with its week', () => {
    // Prepare: the same dates as two care weeks, s1 and s2 week 1, s3 week 2.
    const weeks: Offer = {
      ...offer,
      kind: 'holiday_care',
      sessions: offer.sessions.map((s, i) => ({ ...s, unitId: i < 2 ? 'w1' : 'w2' })),
      units: [
        { id: 'w1', label: 'Woche 1', capacity: 8, confirmed: 0, waiting: 0 },
        { id: 'w2', label: 'Woche 2', capacity: 8, confirmed: 0, waiting: 0 },
      ],
    };

    // Act
    const week2 = parseIcsEvents(sessionsIcs(weeks, ['w2'], 'https://regiokurs.example'));

    // Assess
    expect(week2.map((e) => [e.start, e.summary])).toEqual([[new Date('2026-04-04T09:00:00+02:00').toISOString(), 'Schwimmkurs, Anfänger – Woche 2']]);
  });
});
