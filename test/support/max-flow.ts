/**
 * An independent count of the most children that could get at least one place: Edmonds–Karp
 * (shortest augmenting paths by BFS) on source → child (1) → wished unit → unit (seats) → sink.
 * Deliberately not the draw's own code, so that it certifies the draw's count.
 */
export function maxChildrenPlaceable(children: { wishes: string[] }[], seats: Map<string, number>): number {
  const unitIds = [...seats.keys()];
  const unitNode = new Map(unitIds.map((key, i) => [key, children.length + i]));
  const source = children.length + unitIds.length;
  const sink = source + 1;
  const capacity = new Map<number, Map<number, number>>();
  const edge = (a: number, b: number, c: number) => {
    if (!capacity.has(a)) capacity.set(a, new Map());
    if (!capacity.has(b)) capacity.set(b, new Map());
    capacity.get(a)!.set(b, (capacity.get(a)!.get(b) ?? 0) + c);
    if (!capacity.get(b)!.has(a)) capacity.get(b)!.set(a, 0);
  };
  children.forEach((child, c) => {
    edge(source, c, 1);
    for (const w of child.wishes) if (unitNode.has(w)) edge(c, unitNode.get(w)!, 1);
  });
  unitIds.forEach((key) => edge(unitNode.get(key)!, sink, seats.get(key)!));

  let flow = 0;
  for (;;) {
    const parent = new Map<number, number>([[source, source]]);
    const queue = [source];
    while (queue.length > 0 && !parent.has(sink)) {
      const v = queue.shift()!;
      for (const [w, c] of capacity.get(v) ?? []) {
        if (c > 0 && !parent.has(w)) {
          parent.set(w, v);
          queue.push(w);
        }
      }
    }
    if (!parent.has(sink)) return flow;
    let bottleneck = Infinity;
    for (let v = sink; v !== source; v = parent.get(v)!) bottleneck = Math.min(bottleneck, capacity.get(parent.get(v)!)!.get(v)!);
    for (let v = sink; v !== source; v = parent.get(v)!) {
      const u = parent.get(v)!;
      capacity.get(u)!.set(v, capacity.get(u)!.get(v)! - bottleneck);
      capacity.get(v)!.set(u, capacity.get(v)!.get(u)! + bottleneck);
    }
    flow += bottleneck;
  }
}
