import fc from 'fast-check';
import loadHighs from 'highs';
import { MinCostFlow } from './min-cost-flow';

type Highs = Awaited<ReturnType<typeof loadHighs>>;

interface Arc {
  from: number;
  to: number;
  capacity: number;
  /** One cost per unit, nondecreasing; a single value repeated is a linear arc. */
  unitCosts: number[];
}

/** Random networks with parallel arcs, cycles, and convex arcs; node 0 is the source, the last the sink. */
const networks = fc.integer({ min: 2, max: 7 }).chain((nodes) =>
  fc.record({
    nodes: fc.constant(nodes),
    arcs: fc.array(
      fc
        .record({
          from: fc.nat(nodes - 1),
          to: fc.nat(nodes - 1),
          capacity: fc.integer({ min: 0, max: 5 }),
          cost: fc.integer({ min: 0, max: 9 }),
          convex: fc.boolean(),
          rises: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 5, maxLength: 5 }),
        })
        .filter((a) => a.from !== a.to)
        .map(({ from, to, capacity, cost, convex, rises }): Arc => {
          let unit = cost;
          const unitCosts = Array.from({ length: capacity }, (_, i) =>
            convex && i > 0 ? (unit += rises[i - 1]) : unit,
          );
          return { from, to, capacity, unitCosts };
        }),
      { maxLength: 20 },
    ),
  }),
);

function build(nodes: number, arcs: Arc[]): { network: MinCostFlow; ids: number[] } {
  const network = new MinCostFlow(nodes);
  const ids = arcs.map((a) =>
    a.unitCosts.every((c) => c === a.unitCosts[0])
      ? network.addArc(a.from, a.to, a.capacity, a.unitCosts[0] ?? 0)
      : network.addConvexArc(a.from, a.to, a.capacity, (i) => a.unitCosts[i]),
  );
  return { network, ids };
}

/** Maximum flow, then its minimum cost, as two LPs on unit variables (a network LP has integral optima). */
function lpOptimum(highs: Highs, nodes: number, arcs: Arc[]): { flow: number; cost: number } {
  const sink = nodes - 1;
  const units = arcs.flatMap((a, i) =>
    a.unitCosts.map((cost, j) => ({ name: `y${i}_${j}`, cost, from: a.from, to: a.to })),
  );
  if (units.length === 0) return { flow: 0, cost: 0 };
  const net = (v: number) => {
    const terms = units.flatMap((u) => (u.from === v ? [`+ ${u.name}`] : u.to === v ? [`- ${u.name}`] : []));
    return terms.length > 0 ? terms.join(' ') : `+ 0 ${units[0].name}`;
  };
  const conservation = Array.from({ length: nodes }, (_, v) => v)
    .filter((v) => v !== 0 && v !== sink)
    .map((v) => `n${v}: ${net(v)} = 0`);
  const bounds = units.map((u) => `0 <= ${u.name} <= 1`);
  const lp = (sense: string, objective: string, extra: string[]) =>
    [sense, `obj: ${objective}`, 'Subject To', ...conservation, ...extra, 'Bounds', ...bounds, 'End'].join('\n');
  const max = highs.solve(lp('Maximize', net(0), []), { output_flag: false });
  if (max.Status !== 'Optimal') throw new Error(`HiGHS: ${max.Status}`);
  const flow = Math.round(max.ObjectiveValue);
  const costTerms = units.map((u) => `+ ${u.cost} ${u.name}`).join(' ');
  const min = highs.solve(lp('Minimize', costTerms, [`value: ${net(0)} = ${flow}`]), { output_flag: false });
  if (min.Status !== 'Optimal') throw new Error(`HiGHS: ${min.Status}`);
  return { flow, cost: Math.round(min.ObjectiveValue) };
}

describe(MinCostFlow.name, () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  it('finds the minimum-cost maximum flow of a small network', () => {
    const network = new MinCostFlow(4);
    const cheapLong = network.addArc(0, 1, 2, 1);
    network.addArc(1, 3, 2, 1);
    const dear = network.addArc(0, 3, 3, 5);
    network.addArc(0, 2, 1, 0);
    network.addArc(2, 3, 1, 0);

    expect(network.solve(0, 3)).toEqual({ flow: 6, cost: 2 * 2 + 3 * 5 + 0 });
    expect(network.flow(cheapLong)).toBe(2);
    expect(network.flow(dear)).toBe(3);
  });

  it('prefers a dearer path to a convex arc’s dearest units', () => {
    // Found by the property below: the sink is reached before node 2 is settled, whose potential
    // must still move, or the last unit takes the convex arc at 5 instead of the path at 4.
    const network = new MinCostFlow(4);
    const costs = [0, 2, 5];
    network.addConvexArc(1, 3, 3, (i) => costs[i]);
    network.addArc(0, 1, 3, 0);
    network.addArc(2, 3, 1, 0);
    network.addArc(1, 2, 1, 4);

    expect(network.solve(0, 3)).toEqual({ flow: 3, cost: 0 + 2 + 4 });
  });

  it('reaches the LP optimum on random networks, convex arcs included', () => {
    fc.assert(
      fc.property(networks, ({ nodes, arcs }) => {
        const { network } = build(nodes, arcs);
        expect(network.solve(0, nodes - 1)).toEqual(lpOptimum(highs, nodes, arcs));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves a minimum cut as the residual reach of the source', () => {
    fc.assert(
      fc.property(networks, ({ nodes, arcs }) => {
        const { network } = build(nodes, arcs);
        const { flow } = network.solve(0, nodes - 1);
        const side = network.reachable(0);
        const cut = arcs.filter((a) => side[a.from] && !side[a.to]).reduce((s, a) => s + a.capacity, 0);
        expect(side[nodes - 1]).toBe(false);
        expect(cut).toBe(flow);
      }),
      { numRuns: 150 },
    );
  });

  it('continues from a minimum-cost flow after capacities and costs change', () => {
    fc.assert(
      fc.property(networks, fc.array(fc.nat(4)), ({ nodes, arcs }, cuts) => {
        // First with every arc's capacity cut down and its cost flattened to its first unit ...
        const lowered = arcs.map((a, i) => Math.max(0, a.capacity - (cuts[i] ?? 0)));
        const network = new MinCostFlow(nodes);
        const ids = arcs.map((a, i) => network.addArc(a.from, a.to, lowered[i], a.unitCosts[0] ?? 0));
        network.solve(0, nodes - 1);
        // ... then the real arcs: the flow may have become costlier than needed, or not.
        arcs.forEach((a, i) =>
          network.setArc(ids[i], Math.max(a.capacity, network.flow(ids[i])), (u) => a.unitCosts[u] ?? Infinity),
        );
        if (!network.isMinimumCost()) return;
        expect(network.solve(0, nodes - 1)).toEqual(build(nodes, arcs).network.solve(0, nodes - 1));
      }),
      { numRuns: 150 },
    );
  });

  it('refuses to continue from a flow that a cheaper circulation beats', () => {
    const network = new MinCostFlow(3);
    const a = network.addArc(0, 1, 1, 0);
    network.addArc(1, 2, 1, 0);
    network.solve(0, 2);
    network.setArc(a, 1, 10);
    network.addArc(0, 1, 1, 0);

    expect(network.isMinimumCost()).toBe(false);
    expect(() => network.solve(0, 2)).toThrow(/negative-cost residual cycle/);
  });
});
