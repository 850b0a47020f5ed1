import { beforeAll, describe, expect, it } from 'vitest';
import { openDataDocumentSchema, type OpenDataDocument } from '../../shared/schemas/open-data.js';
import { book } from '../support/booking.js';
import { createTestContext } from '../support/context.js';
import { createOffer } from '../support/offers.js';
import { body, createHousehold, seedRegionConfig } from '../support/provider.js';

/** `GET /api/open-data/offers.json`: the published offers under the region's licence, and no person. */
describe('open data', () => {
  let t: Awaited<ReturnType<typeof createTestContext>>;
  const ids: Record<'published' | 'draft' | 'cancelled', string> = { published: '', draft: '', cancelled: '' };
  const guardian = { name: 'Henriette Quellmann', phone: '+43 664 1234567', postalCode: '4810' };
  const provider = {
    id: 'familienhilfe-test',
    name: 'Familienhilfe Test',
    kind: 'welfare' as const,
    municipalityId: 'lindach',
    email: 'maria.muster@familienhilfe.example',
    phone: '+43 699 5550123',
    website: 'https://familienhilfe.example/',
  };

  beforeAll(async () => {
    t = await createTestContext();
    await seedRegionConfig(t.ctx);
    // A provider whose contact is a person's own address and phone, as small associations' often are.
    await t.ctx.ports.region.createProvider(provider);
    ids.published = (await createOffer(t.ctx, { title: 'Offenes Familientreffen', providerId: provider.id })).id;
    ids.draft = (await createOffer(t.ctx, { status: 'draft', title: 'Entwurf' })).id;
    ids.cancelled = (await createOffer(t.ctx, { status: 'cancelled', title: 'Abgesagt' })).id;
    // A family with a child booked into the published offer, whose names must not leave the platform.
    const family = await createHousehold(t.ctx, guardian, [{ firstName: 'Ottilie', birthDate: '2020-05-05', notes: 'Nussallergie' }]);
    const childId = family.children[0]?.id;
    expect((await book(t.app, family, { offerId: ids.published, unitId: 'u1', childId })).status).toBe(201);
  });

  it('lists exactly the published offers, with their free places, under CC BY 4.0 by default, and fits its schema', async () => {
    // Act
    const res = await t.app.request('/api/open-data/offers.json');
    const doc = await body<OpenDataDocument>(res);

    // Assess
    expect(res.status).toBe(200);
    expect(() => openDataDocumentSchema.parse(doc)).not.toThrow();
    expect(doc.offers.map((o) => o.id)).toEqual([ids.published]);
    expect(doc.licence).toEqual({ name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
    expect(doc.attribution).toBe((await t.ctx.ports.region.getRegion())?.name);
    expect(doc.offers[0]?.units[0]).toEqual({ id: 'u1', label: 'Gruppe', capacity: 10, freePlaces: 9 });
    expect(doc.offers[0]?.url).toBe(`${t.ctx.config.PUBLIC_URL}/offers/${ids.published}`);
  });

  it('holds no person: no e-mail address, phone, guardian, child or note', async () => {
    // Act
    const text = await (await t.app.request('/api/open-data/offers.json')).text();

    // Assess
    for (const secret of ['@', guardian.name, guardian.phone, 'Ottilie', 'Nussallergie', '2020-05-05', provider.phone, 'maria']) {
      expect(text).not.toContain(secret);
    }
    // The provider by its organisation's public name and website only.
    expect(text).toContain(provider.name);
    expect(text).toContain(provider.website);
  });
});

describe('open data of a region with its own licence', () => {
  it('carries the licence the region chose', async () => {
    // Prepare
    const t = await createTestContext();
    await t.ctx.ports.region.createRegion({
      name: 'Region Nordtal',
      timeZone: 'Europe/Berlin',
      categories: [],
      openDataLicence: { name: 'Datenlizenz Deutschland – Namensnennung – 2.0', url: 'https://www.govdata.de/dl-de/by-2-0' },
    });

    // Act
    const doc = await body<OpenDataDocument>(t.app.request('/api/open-data/offers.json'));

    // Assess
    expect(doc.licence.name).toBe('Datenlizenz Deutschland – Namensnennung – 2.0');
    expect(doc.attribution).toBe('Region Nordtal');
    expect(doc.offers).toEqual([]);
  });
});
