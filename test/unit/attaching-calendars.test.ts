import { describe, expect, it } from 'vitest';
import { attachingCalendars } from '../../functions/domain/sessions-ics.js';
import type { Ports } from '../../functions/ports/index.js';
import type { Mail } from '../../functions/ports/world.js';
import type { CatalogOffer } from '../../shared/schemas/offer.js';
import { demoOffers } from '../../functions/demo/offers.js';

describe('calendar attachments made by whoever delivers the mail', () => {
  const offer = demoOffers('2026-12-04', 'Europe/Vienna')[0] as unknown as CatalogOffer;
  const offers = { getOffer: async (id: string) => (id === offer.id ? offer : undefined) } as unknown as Ports['offers'];

  it('turns the dates a mail names into its .ics, and sends a mail whose offer is gone without one', async () => {
    // Prepare
    const sent: Mail[] = [];
    const mailer = attachingCalendars({ send: async (m) => void sent.push(m) }, { offers, publicUrl: 'https://regiokurs.example' });
    const unitIds = offer.units.map((u) => u.id);

    // Act
    await mailer.send({ to: 'a@example.at', subject: 'Platz bestätigt', text: 'Hallo', calendar: { offerId: offer.id, unitIds } });
    await mailer.send({ to: 'b@example.at', subject: 'Platz bestätigt', text: 'Hallo', calendar: { offerId: 'gone', unitIds } });

    // Assess
    expect(sent.map((m) => [m.to, 'calendar' in m, m.ics?.includes('BEGIN:VEVENT') ?? false])).toEqual([
      ['a@example.at', false, true],
      ['b@example.at', false, false],
    ]);
    expect(sent[0]?.ics).toContain(offer.title.slice(0, 20));
  });
});
