/**
 * The most children that could get at least one place, ignoring everything but seats: a max flow
 * source → child (1) → wished unit → sink (seats), by Dinic's algorithm. The draw reports it beside
 * its own count as a certificate ("placed X of at most Y placeable").
 */
export function maxPlaceable(wishesPerChild: readonly (readonly number[])[], seatsPerUnit: readonly number[]): number {
  const children = wishesPerChild.length;
  const source = children + seatsPerUnit.length;
  const sink = source + 1;
  const graph = new FlowGraph(sink + 1);
  wishesPerChild.forEach((wishes, c) => {
    if (wishes.length === 0) return;
    graph.addEdge(source, c, 1);
    for (const u of wishes) graph.addEdge(c, children + u, 1);
  });
  seatsPerUnit.forEach((seats, u) => seats > 0 && graph.addEdge(children + u, sink, seats));
  return graph.maxFlow(source, sink);
}

class FlowGraph {
  private readonly head: number[];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly next: number[] = [];

  constructor(private readonly nodes: number) {
    this.head = new Array<number>(nodes).fill(-1);
  }

  addEdge(from: number, to: number, cap: number): void {
    for (const [a, b, c] of [
      [from, to, cap],
      [to, from, 0],
    ] as const) {
      this.to.push(b);
      this.cap.push(c);
      this.next.push(this.head[a]!);
      this.head[a] = this.to.length - 1;
    }
  }

  maxFlow(source: number, sink: number): number {
    let flow = 0;
    const level = new Int32Array(this.nodes);
    const iter = new Int32Array(this.nodes);
    for (;;) {
      level.fill(-1);
      level[source] = 0;
      const queue = [source];
      for (let qi = 0; qi < queue.length; qi++) {
        const v = queue[qi]!;
        for (let e = this.head[v]!; e !== -1; e = this.next[e]!) {
          const w = this.to[e]!;
          if (this.cap[e]! > 0 && level[w] === -1) {
            level[w] = level[v]! + 1;
            queue.push(w);
          }
        }
      }
      if (level[sink] === -1) return flow;
      for (let v = 0; v < this.nodes; v++) iter[v] = this.head[v]!;
      for (let pushed = this.push(source, sink, Infinity, level, iter); pushed > 0; pushed = this.push(source, sink, Infinity, level, iter)) flow += pushed;
    }
  }

  /** One blocking-flow path; iterative so that long paths cannot overflow the stack. */
  private push(source: number, sink: number, limit: number, level: Int32Array, iter: Int32Array): number {
    const path: number[] = [];
    let v = source;
    for (;;) {
      if (v === sink) {
        let pushed = limit;
        for (const e of path) pushed = Math.min(pushed, this.cap[e]!);
        for (const e of path) {
          this.cap[e]! -= pushed;
          this.cap[e ^ 1]! += pushed;
        }
        return pushed;
      }
      let advanced = false;
      for (; iter[v] !== -1; iter[v] = this.next[iter[v]!]!) {
        const e = iter[v]!;
        const w = this.to[e]!;
        if (this.cap[e]! > 0 && level[w] === level[v]! + 1) {
          path.push(e);
          v = w;
          advanced = true;
          break;
        }
      }
      if (advanced) continue;
      if (v === source) return 0;
      level[v] = -1;
      const back = path.pop()!;
      v = this.to[back ^ 1]!;
      iter[v] = this.next[iter[v]!]!;
    }
  }
}
