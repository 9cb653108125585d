import loadHighs from 'highs';
import { buildAssignmentModel, type AssignmentInput, type AssignmentModel } from './assignment';

/** Lower bounds on the two parts of the assignment objective, or proof that no assignment exists. */
export type AssignmentBound =
  { status: 'optimal'; loadSquares: number; sectorMismatches: number } | { status: 'infeasible' };

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highs: Promise<Highs> | undefined;

/**
 * A lower bound on {@link assignReviewers}' objective that owes nothing to the flow: linear programs
 * solved by HiGHS on the same aggregated model (classes of identical applications), lexicographically: first
 * the least Σ load², then the fewest sector mismatches among loads that reach it. The network's
 * constraint matrix is totally unimodular, so both bounds equal the integer optimum: an optimality
 * gap above zero would be a bug in the flow.
 *
 * Σ load² is written with one epigraph variable per reviewer above the secants of L² between
 * consecutive integers, only in a window around the mean load (fewer secants only weaken the bound);
 * the window widens until every load lies inside it, which makes the bound exact.
 */
export async function assignmentLowerBound(input: AssignmentInput): Promise<AssignmentBound> {
  const model = buildAssignmentModel(input);
  const keptSquares = model.keptLoad.reduce((s, l) => s + l * l, 0);
  const keptMismatches = model.keptPairs.filter((p) => !p.sectorMatch).length;
  if (model.classes.some((c) => c.allowed.length === 0)) return { status: 'infeasible' };
  if (model.classes.length === 0)
    return { status: 'optimal', loadSquares: keptSquares, sectorMismatches: keptMismatches };

  const solver = await (highs ??= loadHighs().catch((error: unknown) => {
    highs = undefined;
    throw error;
  }));
  const lp = new BoundModel(model);
  for (let width = 8; ; width *= 4) {
    lp.setWindows(width);
    const first = solver.solve(lp.write(), { output_flag: false });
    // The LP is bounded (every variable is), so HiGHS's "infeasible or unbounded" means infeasible.
    if (first.Status === 'Infeasible' || first.Status === 'Primal infeasible or unbounded')
      return { status: 'infeasible' };
    if (first.Status !== 'Optimal') throw new Error(`HiGHS: ${first.Status}`);
    // Loads outside their windows mean the secants undercut L² there: widen and solve again.
    if (!lp.inWindows(first.Columns)) continue;
    const movingSquares = ceilInteger(first.ObjectiveValue);
    const second = solver.solve(lp.write(movingSquares), { output_flag: false });
    if (second.Status !== 'Optimal') throw new Error(`HiGHS: ${second.Status}`);
    if (!lp.inWindows(second.Columns)) continue;
    return {
      status: 'optimal',
      loadSquares: lp.fixedSquares + movingSquares,
      sectorMismatches: keptMismatches + ceilInteger(second.ObjectiveValue),
    };
  }
}

/**
 * A lower bound from an LP value whose exact value is an integer: the nearest integer when the value
 * is one up to floating-point noise, else the integer above.
 */
function ceilInteger(value: number): number {
  const nearest = Math.round(value);
  return Math.abs(value - nearest) <= 1e-9 * Math.max(1, Math.abs(value)) ? nearest : Math.ceil(value);
}

/**
 * CPLEX LP text of the aggregated model. Reviewers whose load cannot move (no class may take them)
 * stay out of it: their squares are `fixedSquares`.
 */
class BoundModel {
  readonly fixedSquares: number;
  private readonly lowest: number[];
  private readonly highest: number[];
  private readonly mean: number;
  private windows: Array<[number, number]> = [];

  constructor(private readonly model: AssignmentModel) {
    const { classes, keptLoad, room } = model;
    const reach = keptLoad.map(() => 0);
    for (const c of classes) for (const r of c.allowed) reach[r] += c.applicationIds.length;
    this.lowest = keptLoad;
    this.highest = keptLoad.map((l, r) => l + Math.min(room[r], reach[r]));
    this.fixedSquares = keptLoad.reduce((s, l, r) => s + (this.moving(r) ? 0 : l * l), 0);
    const total =
      keptLoad.reduce((s, l) => s + l, 0) + classes.reduce((s, c) => s + c.applicationIds.length * c.need, 0);
    this.mean = Math.round(total / Math.max(1, keptLoad.length));
  }

  setWindows(width: number): void {
    this.windows = this.lowest.map((lo, r) => {
      const hi = this.highest[r];
      const centre = Math.min(hi, Math.max(lo, this.mean));
      return [Math.max(lo, centre - width), Math.min(hi, centre + width)];
    });
  }

  inWindows(columns: Record<string, { Primal?: number }>): boolean {
    const eps = 1e-6;
    return this.windows.every(([lo, hi], r) => {
      if (!this.moving(r)) return true;
      const load = columns[`L${r}`]?.Primal ?? 0;
      return (load >= lo - eps || lo === this.lowest[r]) && (load <= hi + eps || hi === this.highest[r]);
    });
  }

  /**
   * Without `squaresLimit`: minimise Σ z_r (= Σ L_r² over moving reviewers). With it: minimise the
   * sector mismatches subject to Σ z_r ≤ squaresLimit.
   */
  write(squaresLimit?: number): string {
    const { classes, room, keptLoad } = this.model;
    const rows: string[] = [];
    const bounds: string[] = [];
    const objective: string[] = [];
    const terms = this.lowest.map((): string[] => []);
    classes.forEach((c, i) => {
      const size = c.applicationIds.length;
      const vars = c.allowed.map((r, j) => {
        const name = `f${i}_${r}`;
        terms[r].push(name);
        bounds.push(`0 <= ${name} <= ${Math.min(size, room[r])}`);
        if (squaresLimit !== undefined && c.mismatch[j] > 0) objective.push(name);
        return name;
      });
      rows.push(`c${i}: ${vars.join(' + ')} = ${size * c.need}`);
    });
    const zs: string[] = [];
    this.windows.forEach(([lo, hi], r) => {
      if (!this.moving(r)) return;
      rows.push(`l${r}: L${r} - ${terms[r].join(' - ')} = ${keptLoad[r]}`);
      bounds.push(`${this.lowest[r]} <= L${r} <= ${this.highest[r]}`);
      // The secant of L² through (j, j²) and (j + 1, (j + 1)²): z ≥ (2j + 1)·L − j(j + 1).
      for (let j = lo; j <= Math.max(lo, hi - 1); j++)
        rows.push(`s${r}_${j}: z${r} - ${2 * j + 1} L${r} >= ${-j * (j + 1)}`);
      bounds.push(`z${r} free`);
      zs.push(`z${r}`);
    });
    if (squaresLimit === undefined) objective.push(...zs);
    else rows.push(`squares: ${zs.join(' + ')} <= ${squaresLimit}`);
    // An empty objective still needs a term.
    if (objective.length === 0) objective.push(`0 f0_${classes[0].allowed[0]}`);
    return ['Minimize', ` obj: ${objective.join(' + ')}`, 'Subject To', ...rows, 'Bounds', ...bounds, 'End'].join('\n');
  }

  private moving(r: number): boolean {
    return this.lowest[r] !== this.highest[r];
  }
}
