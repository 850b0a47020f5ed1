/**
 * Places of units that this process's bookings hold while their transactions are in flight, by
 * unit key, and a signal for whoever waits for one of them to end. Each Lambda instance serves one
 * request at a time, so this matters where one process serves many: the local server, a rush.
 */
export class HeldPlaces {
  private readonly counts = new Map<string, number>();
  private readonly waiting = new Map<string, { settled: Promise<void>; settle: () => void }>();

  count = (unit: string) => this.counts.get(unit) ?? 0;

  inFlight = (unit: string) => ({ count: this.count(unit), settled: this.signal(unit).settled });

  hold(unit: string, n: number) {
    this.counts.set(unit, this.count(unit) + n);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        const left = this.count(unit) - n;
        if (left > 0) this.counts.set(unit, left);
        else this.counts.delete(unit);
        // Everyone waiting on this unit plans again; later waiters get the next signal.
        const signal = this.waiting.get(unit);
        this.waiting.delete(unit);
        signal?.settle();
      },
    };
  }

  private signal(unit: string) {
    let signal = this.waiting.get(unit);
    if (!signal) {
      let settle = () => {};
      const settled = new Promise<void>((resolve) => (settle = resolve));
      signal = { settled, settle };
      this.waiting.set(unit, signal);
    }
    return signal;
  }
}
