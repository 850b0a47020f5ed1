/**
 * Items as this process last read them, each for `forMs` after its read: a rush of bookings into
 * one offer reads it once a second instead of once per family. Only for reads whose staleness
 * the write that follows checks (an offer's `version`) or that only inform (a contact line).
 */
export class RecentReads<T> {
  private readonly seen = new Map<string, { value: T; readAt: number }>();

  constructor(private readonly forMs: number) {}

  /** The recent copy, or `read()`'s answer (kept when defined); `fresh` always reads. */
  async get(key: string, read: () => Promise<T | undefined>, fresh = false): Promise<T | undefined> {
    const seen = this.seen.get(key);
    if (!fresh && seen && Date.now() - seen.readAt < this.forMs) return seen.value;
    const value = await read();
    if (value !== undefined) this.seen.set(key, { value, readAt: Date.now() });
    return value;
  }

  /** Changes the recent copy, if there is one, without making it any younger. */
  update(key: string, change: (value: T) => T): void {
    const seen = this.seen.get(key);
    if (seen) this.seen.set(key, { ...seen, value: change(seen.value) });
  }
}
