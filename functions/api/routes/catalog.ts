import { Hono } from 'hono';
import * as z from 'zod';
import { id } from '../../../shared/schemas/common.js';
import { offerListQuery, type OfferDetail } from '../../../shared/schemas/offer.js';
import { getPublishedOffer, listOffers } from '../../domain/catalog.js';
import { NotFoundError } from '../../domain/errors.js';
import { allow } from '../access.js';
import type { AppContext, Env } from '../context.js';
import { validate } from '../validate.js';

export const catalogRoutes = (ctx: AppContext) => {
  const { ports } = ctx;
  return new Hono<Env>()
    .get('/region', allow('anyone'), async (c) => {
      const region = await ports.region.getRegion();
      if (!region) throw new NotFoundError('Region nicht eingerichtet / region not configured');
      return c.json(region);
    })
    .get('/municipalities', allow('anyone'), async (c) => c.json({ items: await ports.region.listMunicipalities() }))
    .get('/offers', allow('anyone'), validate('query', offerListQuery), async (c) => c.json(await listOffers(ports, c.req.valid('query'))))
    .get('/offers/:offerId', allow('anyone'), validate('param', z.object({ offerId: id })), async (c) => {
      const offer = await getPublishedOffer(ports, c.req.valid('param').offerId);
      // The page tells families to ask the provider, so it names how: the ways the booking e-mails name too.
      const provider = await ports.region.getProvider(offer.providerId);
      const providerContact = provider && { name: provider.name, email: provider.email, phone: provider.phone, website: provider.website };
      return c.json({ ...offer, providerContact } satisfies OfferDetail);
    });
};
