/**
 * Minimum-cost maximum flow with integer capacities and costs, by the primal-dual method: a
 * Dijkstra on reduced costs (Johnson potentials) finds the shortest distance to the sink, then a
 * blocking-flow search (Dinic) pushes as much as possible along every path of that length at once.
 * A phase therefore moves bulk flow, not one unit, which is what makes aggregated networks fast.
 *
 * Besides linear arcs it takes convex arcs, whose unit costs rise with their flow (the cost of a
 * load, for example); they behave as parallel unit arcs of increasing cost, without materialising
 * them.
 */

/** Cost of the unit that raises a convex arc's flow from `flow` to `flow + 1`; nondecreasing in `flow`. */
export type UnitCost = (flow: number) => number;

/** Result of {@link MinCostFlow.solve}: the flow value reached (the maximum) and its cost. */
export interface FlowSolution {
  flow: number;
  cost: number;
}

const NONE = -1;

export class MinCostFlow {
  // Arc e and its reverse e ^ 1 are stored side by side; `residual` is the residual capacity.
  private readonly head: number[];
  private readonly next: number[] = [];
  private readonly to: number[] = [];
  private readonly residual: number[] = [];
  private readonly cost: number[] = [];
  /** Index into `unitCosts` for a convex arc and its reverse, NONE otherwise. */
  private readonly convex: number[] = [];
  private readonly unitCosts: UnitCost[] = [];
  private readonly flowOf: number[] = [];
  private readonly potential: Float64Array;

  constructor(readonly nodeCount: number) {
    this.head = new Array<number>(nodeCount).fill(NONE);
    this.potential = new Float64Array(nodeCount);
  }

  /** Adds an arc with a constant unit cost and returns its id. */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    return this.push(from, to, capacity, cost, NONE);
  }

  /** Adds an arc whose `i`-th unit costs `unitCost(i)` (nondecreasing in `i`) and returns its id. */
  addConvexArc(from: number, to: number, capacity: number, unitCost: UnitCost): number {
    this.unitCosts.push(unitCost);
    return this.push(from, to, capacity, 0, this.unitCosts.length - 1);
  }

  /**
   * Changes an arc's capacity (not below its flow) and cost between two {@link solve}s, e.g. to
   * start from the optimum of an easier problem.
   */
  setArc(arc: number, capacity: number, cost: number | UnitCost): void {
    const flow = this.flowOf[arc >> 1];
    if (!Number.isInteger(capacity) || capacity < flow) throw new RangeError('MinCostFlow: capacity below the flow');
    let convex = NONE;
    if (typeof cost === 'function') {
      this.unitCosts.push(cost);
      convex = this.unitCosts.length - 1;
    } else {
      this.cost[arc] = cost;
      this.cost[arc ^ 1] = -cost;
    }
    this.convex[arc] = this.convex[arc ^ 1] = convex;
    this.residual[arc] = capacity - flow;
    this.residual[arc ^ 1] = flow;
  }

  /** Flow on an arc. */
  flow(arc: number): number {
    return this.flowOf[arc >> 1];
  }

  /**
   * Raises the flow from `source` to `sink` to the maximum at minimum cost, starting from the
   * current flow (zero at first), which must be of minimum cost for its value under the current
   * costs: {@link isMinimumCost} tells. Every intermediate flow is again of minimum cost for its value
   * (successive shortest paths).
   */
  solve(source: number, sink: number): FlowSolution {
    if (!this.isMinimumCost()) throw new Error('MinCostFlow: the current flow has a negative-cost residual cycle');
    let flow = 0;
    for (let e = this.head[source]; e !== NONE; e = this.next[e])
      flow += (e & 1) === 0 ? this.flowOf[e >> 1] : -this.flowOf[e >> 1];
    while (this.shortestPaths(source, sink)) flow += this.blockingFlows(source, sink);
    let cost = 0;
    for (let a = 0; a < this.flowOf.length; a++) cost += this.arcCost(a);
    return { flow, cost };
  }

  /**
   * Whether the current flow is of minimum cost for its value, i.e. its residual network has no
   * negative cycle. Computes the potentials {@link solve} starts from (Bellman-Ford from a virtual
   * node joined to every node), so that Dijkstra then runs on nonnegative reduced costs.
   */
  isMinimumCost(): boolean {
    const n = this.nodeCount;
    const dist = new Float64Array(n);
    const hops = new Int32Array(n);
    const queued = new Uint8Array(n).fill(1);
    const queue = Array.from({ length: n }, (_, v) => v);
    for (let i = 0; i < queue.length; i++) {
      const u = queue[i];
      queued[u] = 0;
      for (let e = this.head[u]; e !== NONE; e = this.next[e]) {
        if (this.residual[e] <= 0) continue;
        const v = this.to[e];
        const nd = dist[u] + this.unitCost(e);
        if (nd < dist[v]) {
          dist[v] = nd;
          // A shortest path of n arcs or more repeats a node: a negative cycle.
          if ((hops[v] = hops[u] + 1) >= n) return false;
          if (!queued[v]) {
            queued[v] = 1;
            queue.push(v);
          }
        }
      }
    }
    this.potential.set(dist);
    return true;
  }

  /** Nodes reachable from `source` in the residual network: after {@link solve}, the source side of a minimum cut. */
  reachable(source: number): boolean[] {
    const seen = new Array<boolean>(this.nodeCount).fill(false);
    const stack = [source];
    seen[source] = true;
    while (stack.length > 0) {
      const u = stack.pop()!;
      for (let e = this.head[u]; e !== NONE; e = this.next[e]) {
        const v = this.to[e];
        if (!seen[v] && this.residual[e] > 0) {
          seen[v] = true;
          stack.push(v);
        }
      }
    }
    return seen;
  }

  private push(from: number, to: number, capacity: number, cost: number, convex: number): number {
    if (!Number.isInteger(capacity) || capacity < 0)
      throw new RangeError('MinCostFlow: capacity must be an integer ≥ 0');
    const e = this.to.length;
    this.link(e, from, to, capacity, cost, convex);
    this.link(e + 1, to, from, 0, -cost, convex);
    this.flowOf.push(0);
    return e;
  }

  private link(e: number, from: number, to: number, residual: number, cost: number, convex: number): void {
    this.to.push(to);
    this.residual.push(residual);
    this.cost.push(cost);
    this.convex.push(convex);
    this.next.push(this.head[from]);
    this.head[from] = e;
  }

  private arcCost(a: number): number {
    const f = this.flowOf[a];
    const c = this.convex[2 * a];
    if (c === NONE) return f * this.cost[2 * a];
    let total = 0;
    for (let i = 0; i < f; i++) total += this.unitCosts[c](i);
    return total;
  }

  /** Cost of the next unit through residual arc e (forward: the next unit up; reverse: the last unit, negated). */
  private unitCost(e: number): number {
    const c = this.convex[e];
    if (c === NONE) return this.cost[e];
    const f = this.flowOf[e >> 1];
    return (e & 1) === 0 ? this.unitCosts[c](f) : -this.unitCosts[c](f - 1);
  }

  /** How many units, up to `want`, arc e takes at its current unit cost. */
  private room(e: number, want: number): number {
    const cap = Math.min(want, this.residual[e]);
    const c = this.convex[e];
    if (c === NONE || cap <= 1) return cap;
    const unit = this.unitCosts[c];
    const f = this.flowOf[e >> 1];
    let n = 1;
    if ((e & 1) === 0) {
      const at = unit(f);
      while (n < cap && unit(f + n) === at) n++;
    } else {
      const at = unit(f - 1);
      while (n < cap && unit(f - 1 - n) === at) n++;
    }
    return n;
  }

  private reducedCost(e: number, from: number): number {
    return this.unitCost(e) + this.potential[from] - this.potential[this.to[e]];
  }

  /**
   * Dijkstra on reduced costs; moves the potentials by min(distance, distance to sink), which keeps
   * every residual reduced cost ≥ 0 and makes every shortest path to the sink consist of zero-cost arcs.
   */
  private shortestPaths(source: number, sink: number): boolean {
    const n = this.nodeCount;
    const dist = new Float64Array(n).fill(Infinity);
    const done = new Uint8Array(n);
    const heap = new BinaryHeap();
    dist[source] = 0;
    heap.push(0, source);
    while (heap.size > 0) {
      const [d, u] = heap.pop();
      if (done[u] || d > dist[u]) continue;
      done[u] = 1;
      if (u === sink) break;
      for (let e = this.head[u]; e !== NONE; e = this.next[e]) {
        if (this.residual[e] <= 0) continue;
        const v = this.to[e];
        if (done[v]) continue;
        const nd = d + this.reducedCost(e, u);
        if (nd < dist[v]) {
          dist[v] = nd;
          heap.push(nd, v);
        }
      }
    }
    if (!done[sink]) return false;
    const reach = dist[sink];
    for (let v = 0; v < n; v++) this.potential[v] += done[v] ? dist[v] : reach;
    return true;
  }

  /** Maximum flow on the admissible (zero reduced cost) residual network, by Dinic. Returns the flow added. */
  private blockingFlows(source: number, sink: number): number {
    const n = this.nodeCount;
    const level = new Int32Array(n);
    const current = new Int32Array(n);
    let added = 0;
    for (;;) {
      level.fill(-1);
      level[source] = 0;
      const queue = [source];
      for (let i = 0; i < queue.length; i++) {
        const u = queue[i];
        for (let e = this.head[u]; e !== NONE; e = this.next[e]) {
          const v = this.to[e];
          if (level[v] < 0 && this.residual[e] > 0 && this.reducedCost(e, u) === 0) {
            level[v] = level[u] + 1;
            queue.push(v);
          }
        }
      }
      if (level[sink] < 0) return added;
      for (let v = 0; v < n; v++) current[v] = this.head[v];
      for (;;) {
        const pushed = this.augment(source, sink, Infinity, level, current);
        if (pushed === 0) break;
        added += pushed;
      }
    }
  }

  private augment(u: number, sink: number, want: number, level: Int32Array, current: Int32Array): number {
    if (u === sink) return want;
    for (; current[u] !== NONE; current[u] = this.next[current[u]]) {
      const e = current[u];
      const v = this.to[e];
      if (level[v] !== level[u] + 1 || this.residual[e] <= 0 || this.reducedCost(e, u) !== 0) continue;
      const pushed = this.augment(v, sink, this.room(e, want), level, current);
      if (pushed > 0) {
        this.residual[e] -= pushed;
        this.residual[e ^ 1] += pushed;
        this.flowOf[e >> 1] += (e & 1) === 0 ? pushed : -pushed;
        return pushed;
      }
    }
    return 0;
  }
}

/** Min-heap of (key, node), ties broken by node so that runs are reproducible. */
class BinaryHeap {
  private readonly keys: number[] = [];
  private readonly nodes: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, node: number): void {
    const { keys, nodes } = this;
    let i = keys.length;
    keys.push(key);
    nodes.push(node);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  pop(): [number, number] {
    const { keys, nodes } = this;
    const top: [number, number] = [keys[0], nodes[0]];
    const lastKey = keys.pop()!;
    const lastNode = nodes.pop()!;
    if (keys.length > 0) {
      keys[0] = lastKey;
      nodes[0] = lastNode;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < keys.length && this.less(l, m)) m = l;
        if (r < keys.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    return this.keys[a] < this.keys[b] || (this.keys[a] === this.keys[b] && this.nodes[a] < this.nodes[b]);
  }

  private swap(a: number, b: number): void {
    const { keys, nodes } = this;
    [keys[a], keys[b]] = [keys[b], keys[a]];
    [nodes[a], nodes[b]] = [nodes[b], nodes[a]];
  }
}
