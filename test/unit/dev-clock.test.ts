import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClockBackwardsError, DevClock } from '../../functions/clock.js';

const HOUR_MS = 60 * 60 * 1000;
/** The machine's time in these tests: only Date is faked, so the tests control it exactly. */
const REAL = new Date('2026-05-04T08:00:00.000Z');
const later = (ms: number) => new Date(REAL.getTime() + ms);

describe('DevClock: the local clock the dev routes move', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(REAL);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the real time until it is moved, and moves on with it', () => {
    // Prepare
    const clock = new DevClock();

    // Act
    const first = clock.now();
    vi.setSystemTime(later(1000));
    const second = clock.now();

    // Assess
    expect(first).toEqual(REAL);
    expect(second).toEqual(later(1000));
  });

  it('never goes back, even when the machine time does', () => {
    // Prepare: the clock showed 08:00:10.
    const clock = new DevClock();
    vi.setSystemTime(later(10_000));
    const shown = clock.now();

    // Act: the machine's time is set back a minute (a time sync), then runs on.
    vi.setSystemTime(later(-50_000));
    const afterSync = clock.now();
    vi.setSystemTime(later(20_000));
    const laterOn = clock.now();

    // Assess
    expect(shown).toEqual(later(10_000));
    expect(afterSync).toEqual(shown);
    expect(laterOn).toEqual(later(20_000));
  });

  it('advance moves it on by the seconds given, and it keeps running from there', () => {
    // Prepare
    const clock = new DevClock();

    // Act
    const advanced = clock.advance(3600);
    const read = clock.now();
    vi.setSystemTime(later(5000));
    const runningOn = clock.now();

    // Assess
    expect(advanced).toEqual(later(HOUR_MS));
    expect(read).toEqual(later(HOUR_MS));
    expect(runningOn).toEqual(later(HOUR_MS + 5000));
  });

  it('advances from what it shows, also after a move', () => {
    // Prepare
    const clock = new DevClock();
    clock.set(later(24 * HOUR_MS));

    // Act
    const advanced = clock.advance(60);

    // Assess
    expect(advanced).toEqual(later(24 * HOUR_MS + 60_000));
  });

  it('set moves it to a later instant, and to the instant it shows', () => {
    // Prepare
    const clock = new DevClock();
    const target = later(30 * 24 * HOUR_MS);

    // Act
    const moved = clock.set(target);
    const same = clock.set(target);

    // Assess
    expect(moved).toEqual(target);
    expect(same).toEqual(target);
    expect(clock.now()).toEqual(target);
  });

  it('refuses to be set before a time it reached with ClockBackwardsError, and stays where it was', () => {
    // Prepare: moved a week on.
    const clock = new DevClock();
    const reached = clock.set(later(7 * 24 * HOUR_MS));

    // Act
    const back = () => clock.set(later(6 * 24 * HOUR_MS));
    const toRealTime = () => clock.set(REAL);

    // Assess
    expect(back).toThrow(ClockBackwardsError);
    expect(toRealTime).toThrow(ClockBackwardsError);
    expect(clock.now()).toEqual(reached);
    vi.setSystemTime(later(1000));
    expect(clock.now()).toEqual(new Date(reached.getTime() + 1000));
  });

  it('refuses to advance by negative seconds, and stays where it was', () => {
    // Prepare
    const clock = new DevClock();
    const shown = clock.now();

    // Act
    const back = () => clock.advance(-1);

    // Assess
    expect(back).toThrow(ClockBackwardsError);
    expect(clock.now()).toEqual(shown);
  });

  it('names both instants in the refusal', () => {
    // Prepare
    const clock = new DevClock();
    const reached = clock.set(later(HOUR_MS));

    // Act
    let error: unknown;
    try {
      clock.set(REAL);
    } catch (e) {
      error = e;
    }

    // Assess
    expect(error).toBeInstanceOf(ClockBackwardsError);
    expect((error as Error).name).toBe('ClockBackwardsError');
    expect((error as Error).message).toContain(REAL.toISOString());
    expect((error as Error).message).toContain(reached.toISOString());
  });
});
