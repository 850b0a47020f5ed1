/**
 * Items as this process last read them, each for `forMs` after its read: a rush of bookings into
 * one offer reads it once a second instead of once per family. Only for reads whose staleness
 * the write that follows checks (an offer's `version`) or that only inform (a contact line).
 */
export class RecentReads<T> {
  private readonly seen = new Map<string, { value: T; readAt: number; readNo: number }>();
  private reads = 0;
  /** Reads under way: when the copy runs out mid-rush, the families arriving meanwhile wait for one read instead of each sending its own. */
  private readonly reading = new Map<string, Promise<T | undefined>>();

  constructor(private readonly forMs: number) {}

  /**
   * The recent copy, or the answer of the read under way, or `read()`'s answer (kept when
   * defined); `fresh` always reads anew, as a read begun earlier may predate what made the caller ask.
   */
  async get(key: string, read: () => Promise<T | undefined>, fresh = false): Promise<T | undefined> {
    const seen = this.seen.get(key);
    if (!fresh && seen && Date.now() - seen.readAt < this.forMs) return seen.value;
    const underWay = this.reading.get(key);
    if (!fresh && underWay) return underWay;
    const readAt = Date.now();
    const readNo = ++this.reads;
    const reading = read()
      .then((value) => {
        // A copy is as old as its read's start; a read begun before the kept copy's does not replace it.
        const kept = this.seen.get(key);
        if (value !== undefined && (!kept || kept.readNo < readNo)) this.seen.set(key, { value, readAt, readNo });
        return value;
      })
      .finally(() => {
        if (this.reading.get(key) === reading) this.reading.delete(key);
      });
    this.reading.set(key, reading);
    return reading;
  }

  /** Changes the recent copy, if there is one, without making it any younger. */
  update(key: string, change: (value: T) => T): void {
    const seen = this.seen.get(key);
    if (seen) this.seen.set(key, { ...seen, value: change(seen.value) });
  }
}
