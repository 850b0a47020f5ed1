/** An offer's counters, read: by age band, who holds a place (ids by residence, for distinct counts), attendance marks. */
export type OfferStats = {
  confirmedByBand: Record<string, number>;
  waitingByBand: Record<string, number>;
  children: { residence: string; id: string }[];
  families: { residence: string; id: string }[];
  attendance: Record<string, number>;
};

/** The stats of an offer nobody has counted yet. */
export const emptyStats = (): OfferStats => ({ confirmedByBand: {}, waitingByBand: {}, children: [], families: [], attendance: {} });

/** The offers' dashboard counters, kept with every registration and attendance change. */
export interface StatsRepo {
  /** Each counted offer's counters; an offer nobody has counted yet is absent. */
  getStats(offerIds: string[]): Promise<Map<string, OfferStats>>;
}
