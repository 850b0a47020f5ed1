import { describe, expect, it } from 'vitest';
import { RecentReads } from '../../functions/db/recent-reads.js';

/** A read the test answers when it likes, counting how often it was asked. */
function slowRead() {
  const answers: ((value: string) => void)[] = [];
  return {
    read: () => new Promise<string | undefined>((resolve) => answers.push(resolve)),
    answer: (value: string) => answers.forEach((resolve) => resolve(value)),
    get count() {
      return answers.length;
    },
  };
}

describe('recent reads: one read of an item for the many who need it at once', () => {
  it('lets fifty callers arriving while the item is being read share that one read', async () => {
    // Prepare
    const reads = new RecentReads<string>(1000);
    const slow = slowRead();

    // Act
    const all = Array.from({ length: 50 }, () => reads.get('offer', slow.read));
    slow.answer('v1');

    // Assess
    expect(await Promise.all(all)).toEqual(Array.from({ length: 50 }, () => 'v1'));
    expect(slow.count).toBe(1);
  });

  it('reads anew for a caller that asks for a fresh copy, even while a read is under way, and keeps the answer of the later read', async () => {
    // Prepare
    const reads = new RecentReads<string>(1000);
    const slow = slowRead();
    const first = reads.get('offer', slow.read);

    // Act
    const fresh = reads.get('offer', async () => 'v2', true);

    // Assess
    expect(await fresh).toBe('v2');
    expect(await reads.get('offer', slow.read)).toBe('v2');
    slow.answer('v1');
    expect(await first).toBe('v1');
    expect(await reads.get('offer', slow.read)).toBe('v2');
  });
});
