import { describe, expect, it } from 'vitest';
import { HeldPlaces } from '../../functions/db/held-places.js';

describe('HeldPlaces', () => {
  it('counts the places held per unit until each hold is released once, and wakes whoever waits at each release', async () => {
    // Prepare
    const held = new HeldPlaces();
    const first = held.hold('o1#u1', 2);
    const second = held.hold('o1#u1', 1);
    held.hold('o1#u2', 5);
    const woken: number[] = [];
    const waitForOne = held.inFlight('o1#u1').settled.then(() => woken.push(held.count('o1#u1')));

    // Act
    first.release();
    first.release();
    await waitForOne;
    const waitForTheOther = held.inFlight('o1#u1').settled.then(() => woken.push(held.count('o1#u1')));
    second.release();
    await waitForTheOther;

    // Assess
    expect(woken).toEqual([1, 0]);
    expect(held.inFlight('o1#u1').count).toBe(0);
    expect(held.count('o1#u2')).toBe(5);
  });
});
