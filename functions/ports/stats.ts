/** An offer's counters, read: by age band, who holds a place (ids by residence, for distinct counts), attendance marks. */
export type OfferStats = {
  confirmedByBand: Record<string, number>;
  waitingByBand: Record<string, number>;
  children: { residence: string; id: string }[];
  families: { residence: string; id: string }[];
  attendance: Record<string, number>;
};

/** The offers' dashboard counters, kept with every registration and attendance change. */
export interface StatsRepo {
  /** The counters of each asked offer (its own and its units'), in the order asked; one nobody has counted yet has all at zero. */
  getStats(offers: { id: string; units: { id: string }[] }[]): Promise<OfferStats[]>;
}
