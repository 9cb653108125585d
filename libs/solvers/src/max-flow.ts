/**
 * Maximum flow with integer capacities, by Dinic's algorithm (level graph by BFS, blocking flow by
 * DFS with current-arc pointers). On a bipartite matching network it takes O(E·√V).
 */
export class MaxFlow {
  // Arc e and its reverse e ^ 1 are stored side by side; `residual` is the residual capacity.
  private readonly head: Int32Array;
  private readonly next: number[] = [];
  private readonly to: number[] = [];
  private readonly residual: number[] = [];
  private readonly capacity: number[] = [];

  constructor(readonly nodeCount: number) {
    this.head = new Int32Array(nodeCount).fill(-1);
  }

  /** Adds an arc and returns its id. */
  addArc(from: number, to: number, capacity: number): number {
    if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError('MaxFlow: capacity must be an integer ≥ 0');
    const e = this.to.length;
    this.link(from, to, capacity);
    this.link(to, from, 0);
    this.capacity.push(capacity);
    return e;
  }

  /** Flow on an arc. */
  flow(arc: number): number {
    return this.capacity[arc >> 1] - this.residual[arc];
  }

  /** Raises the flow from `source` to `sink` to the maximum and returns its value. */
  solve(source: number, sink: number): number {
    const n = this.nodeCount;
    const level = new Int32Array(n);
    const current = new Int32Array(n);
    let total = 0;
    for (;;) {
      level.fill(-1);
      level[source] = 0;
      const queue = [source];
      for (let i = 0; i < queue.length && level[sink] < 0; i++) {
        const u = queue[i];
        for (let e = this.head[u]; e !== -1; e = this.next[e]) {
          const v = this.to[e];
          if (level[v] < 0 && this.residual[e] > 0) {
            level[v] = level[u] + 1;
            queue.push(v);
          }
        }
      }
      if (level[sink] < 0) return total;
      current.set(this.head);
      for (let pushed; (pushed = this.augment(source, sink, Infinity, level, current)) > 0;) total += pushed;
    }
  }

  /** Nodes reachable from `source` in the residual network: after {@link solve}, the source side of a minimum cut. */
  reachable(source: number): boolean[] {
    const seen = new Array<boolean>(this.nodeCount).fill(false);
    const stack = [source];
    seen[source] = true;
    while (stack.length > 0) {
      const u = stack.pop()!;
      for (let e = this.head[u]; e !== -1; e = this.next[e]) {
        const v = this.to[e];
        if (!seen[v] && this.residual[e] > 0) {
          seen[v] = true;
          stack.push(v);
        }
      }
    }
    return seen;
  }

  private link(from: number, to: number, residual: number): void {
    this.to.push(to);
    this.residual.push(residual);
    this.next.push(this.head[from]);
    this.head[from] = this.to.length - 1;
  }

  private augment(u: number, sink: number, want: number, level: Int32Array, current: Int32Array): number {
    if (u === sink) return want;
    for (; current[u] !== -1; current[u] = this.next[current[u]]) {
      const e = current[u];
      const v = this.to[e];
      if (level[v] !== level[u] + 1 || this.residual[e] <= 0) continue;
      const pushed = this.augment(v, sink, Math.min(want, this.residual[e]), level, current);
      if (pushed > 0) {
        this.residual[e] -= pushed;
        this.residual[e ^ 1] += pushed;
        return pushed;
      }
    }
    return 0;
  }
}
