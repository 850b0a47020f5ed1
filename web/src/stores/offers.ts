import { createResource, createSignal } from 'solid-js';
import { api, type Offer, type OfferQuery } from '../api/client';

/** The published offers matching a query, page by page; a new query starts from the first page. */
export function createOffers(query: () => OfferQuery) {
  const [extra, setExtra] = createSignal<{ items: Offer[]; cursor?: string }>({ items: [] });
  const [first] = createResource(query, async (q) => {
    const page = await api.offers(q);
    setExtra({ items: [], cursor: page.cursor });
    return page.items;
  });
  const [loadingMore, setLoadingMore] = createSignal(false);
  return {
    first,
    items: () => [...(first() ?? []), ...extra().items],
    hasMore: () => extra().cursor !== undefined,
    loadingMore,
    async loadMore() {
      const cursor = extra().cursor;
      if (!cursor) return;
      setLoadingMore(true);
      try {
        const page = await api.offers({ ...query(), cursor });
        setExtra((prev) => ({ items: [...prev.items, ...page.items], cursor: page.cursor }));
      } finally {
        setLoadingMore(false);
      }
    },
  };
}

/** One offer with its units' live counts. */
export function createOffer(id: () => string) {
  const [offer, { refetch }] = createResource(id, api.offer);
  return { offer, refetch };
}

/** Places still free over all units, and how many wait. */
export function availability(offer: Pick<Offer, 'units'>) {
  return offer.units.reduce((acc, u) => ({ free: acc.free + Math.max(0, u.capacity - u.confirmed), waiting: acc.waiting + u.waiting }), {
    free: 0,
    waiting: 0,
  });
}
