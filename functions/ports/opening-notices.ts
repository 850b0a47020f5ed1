/** A family's wish to be e-mailed when an offer's registration opens ("Erinnere mich"). */
export type OpeningNoticeItem = { offerId: string; householdId: string; createdAt: string };

/** The families waiting for an offer's registration to open. */
export interface OpeningNoticeRepo {
  /** Records the wish; asking again changes nothing. */
  add(notice: OpeningNoticeItem): Promise<void>;
  remove(offerId: string, householdId: string): Promise<void>;
  /** Everyone who asked for this offer, strongly consistent. */
  listForOffer(offerId: string): Promise<OpeningNoticeItem[]>;
  /** The offers a household asked about (may lag a moment). */
  listForHousehold(householdId: string): Promise<OpeningNoticeItem[]>;
}
