import { createHash } from 'node:crypto';

/**
 * A Feriennet-style (OneGov) allocation to compare the draw with: a score-based deferred
 * acceptance. A child's score at a unit is better the higher it ranked the unit; ties fall by a
 * random id from the seed. Children propose in their wish order; each unit keeps the best
 * scores up to its seats and rejects the rest, who propose their next wish. One place per child.
 */
export function feriennetBaseline(children: { id: string; wishes: string[] }[], seats: Map<string, number>, seed: string): Map<string, string> {
  const randomId = new Map(children.map((c) => [c.id, createHash('sha256').update(`${seed}/${c.id}`).digest('hex')]));
  const score = (c: number, unit: string) => ({ rank: children[c]!.wishes.indexOf(unit), random: randomId.get(children[c]!.id)! });
  const worse = (a: { rank: number; random: string }, b: { rank: number; random: string }) => a.rank > b.rank || (a.rank === b.rank && a.random > b.random);

  const held = new Map<string, number[]>([...seats.keys()].map((k) => [k, []]));
  const next = children.map(() => 0);
  const free = children.map((_, c) => c);
  while (free.length > 0) {
    const c = free.pop()!;
    const wishes = children[c]!.wishes;
    while (next[c]! < wishes.length) {
      const unit = wishes[next[c]!++]!;
      const line = held.get(unit);
      const capacity = seats.get(unit) ?? 0;
      if (!line || capacity === 0) continue;
      line.push(c);
      if (line.length <= capacity) break;
      line.sort((a, b) => (worse(score(a, unit), score(b, unit)) ? 1 : -1));
      const rejected = line.pop()!;
      if (rejected !== c) free.push(rejected);
      else continue;
      break;
    }
  }
  const placed = new Map<string, string>();
  for (const [unit, line] of held) for (const c of line) placed.set(children[c]!.id, unit);
  return placed;
}
