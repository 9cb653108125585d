import type { HighsSolution, HighsSolver } from './highs';
import { upperBound, type Multipliers } from './selection-bound';
import { HubPlacement } from './selection-placement';
import { matches, type RankedCandidate, type SelectionProblem } from './selection-problem';
import { candidatePool, type ActiveConstraints, type Pool } from './selection-reduction';
import { HUBS_CONSTRAINT, PINNED_IN_CONSTRAINT, PINNED_OUT_CONSTRAINT, SIZE_CONSTRAINT } from './selection.types';

export interface SolveOptions {
  /** Maximise the score, or only look for a feasible selection (faster; used by the clash search). */
  optimise: boolean;
  /** Drop the candidates that cannot be in an optimal selection first. Exact; off only to test that. */
  reduce?: boolean;
}

export interface Solved {
  /** Best first. */
  selected: RankedCandidate[];
  /** From the LP relaxation when HiGHS solved it to optimality: they bound problems with fewer constraints. */
  multipliers: Multipliers | null;
}

// Gap 0: stop only at a proven optimum. With integer objective coefficients HiGHS knows every solution's
// objective is an integer, so "within 1e-6 of the bound" (the default absolute gap) means equal to it.
const HIGHS_OPTIONS = { output_flag: false, mip_rel_gap: 0, presolve: 'on' } as const;
const TERMS_PER_LINE = 16;
const INTEGRAL = 1e-6;

/**
 * The best selection (or, with `optimise: false`, any selection) under the active constraints, best
 * first; null when none exists. Among equally good selections the result is deterministic: the model
 * is built in rank order, and within a type the best-ranked members are the ones taken.
 *
 * The LP relaxation is solved first. When its optimum is integral, holds every constraint (checked
 * here) and — when optimising — is proved optimal by the bound its own duals give, it is the answer and
 * no branch and bound runs; otherwise the integer program is solved.
 */
export function solveSelection(
  highs: HighsSolver,
  problem: SelectionProblem,
  active: ActiveConstraints,
  options: SolveOptions,
): Solved | null {
  const pool = candidatePool(problem, active, options.reduce ?? true);
  const model = selectionModel(problem, active, pool, options.optimise);
  if (model === null) return null;

  const relaxation = highs.solve(model.relaxation, HIGHS_OPTIONS);
  if (infeasible(relaxation)) return null;
  const multipliers = relaxation.Status === 'Optimal' ? model.multipliers(relaxation.Rows) : null;
  if (multipliers) {
    const chosen = chosenBy(pool, relaxation, true);
    if (
      chosen &&
      brokenConstraints(problem, active, chosen).length === 0 &&
      (!options.optimise || upperBound(problem, active, multipliers) < points(chosen) + 1)
    ) {
      return { selected: bestOfTypes(pool, chosen), multipliers };
    }
  }

  const solution = highs.solve(model.integer, HIGHS_OPTIONS);
  if (infeasible(solution)) return null;
  if (solution.Status !== 'Optimal') {
    throw new Error(`selection: HiGHS stopped without a proven answer (${solution.Status})`);
  }
  return { selected: bestOfTypes(pool, chosenBy(pool, solution, false)!), multipliers };
}

/** Σ points of a selection. */
export function points(candidates: RankedCandidate[]): number {
  return candidates.reduce((total, c) => total + c.points, 0);
}

/** The constraints among `active` (and the size) that a selection breaks, by id; hubs by a placement. */
export function brokenConstraints(
  problem: SelectionProblem,
  active: ActiveConstraints,
  selected: RankedCandidate[],
): string[] {
  const ids = new Set(selected.map((c) => c.id));
  const on = (id: string) => active.has(id);
  const placement = new HubPlacement(problem.hubs, problem.capacity);
  return [
    ...(ids.size === problem.size && selected.length === ids.size ? [] : [SIZE_CONSTRAINT]),
    ...problem.shares
      .filter((share) => {
        if (!on(share.id)) return false;
        const count = selected.filter((c) => matches(c, share)).length;
        return count < share.atLeast || count > share.atMost;
      })
      .map((share) => share.id),
    ...(on(HUBS_CONSTRAINT) && !selected.every((c) => placement.add(c)) ? [HUBS_CONSTRAINT] : []),
    ...(on(PINNED_IN_CONSTRAINT) && [...problem.pinnedIn].some((id) => !ids.has(id)) ? [PINNED_IN_CONSTRAINT] : []),
    ...(on(PINNED_OUT_CONSTRAINT) && [...problem.pinnedOut].some((id) => ids.has(id)) ? [PINNED_OUT_CONSTRAINT] : []),
  ];
}

// 'Primal infeasible or unbounded' means infeasible here: the x are binary, so the objective is bounded.
function infeasible(solution: HighsSolution): boolean {
  return solution.Status === 'Infeasible' || solution.Status === 'Primal infeasible or unbounded';
}

/** The pool candidates a solution selects; with `strict`, null unless every x is within 1e-6 of 0 or 1. */
function chosenBy(pool: Pool, solution: HighsSolution, strict: boolean): RankedCandidate[] | null {
  const chosen: RankedCandidate[] = [];
  for (const [k, candidate] of pool.candidates.entries()) {
    const column = solution.Columns[`x${k}`];
    const value = column && 'Primal' in column ? column.Primal : 0;
    if (strict && Math.min(value, Math.abs(1 - value)) > INTEGRAL) return null;
    if (value > 0.5) chosen.push(candidate);
  }
  return chosen;
}

/**
 * Members of a type are interchangeable, so taking the best-ranked ones changes no constraint and
 * settles ties between equal scores by id.
 */
function bestOfTypes(pool: Pool, chosen: RankedCandidate[]): RankedCandidate[] {
  const picked = new Set(chosen);
  return pool.types
    .flatMap((members) => members.slice(0, members.filter((c) => picked.has(c)).length))
    .sort((a, b) => a.rank - b.rank);
}

interface SelectionModel {
  /** The LP relaxation and the integer program, in CPLEX LP format. */
  relaxation: string;
  integer: string;
  /** Reads the relaxation's row duals as multipliers for {@link upperBound}. */
  multipliers(rows: HighsSolution['Rows']): Multipliers;
}

/**
 * The integer program, or null when it is infeasible on its face. Columns: x{k} = 1 when pool candidate
 * k is selected; z{j}_{h} ≥ 0, how many of hub-set class j (candidates with the same preferred hubs) go
 * to hub h. Rows: Σx = size; each active share's bounds; per class Σx = Σz; per hub Σz ≤ capacity.
 * Placement is modelled per class, not per candidate: members of a class are interchangeable, and the z
 * can stay continuous because a transportation problem with integer supplies and capacities that has a
 * solution has an integer one.
 */
export function selectionModel(
  problem: SelectionProblem,
  active: ActiveConstraints,
  { candidates: pool, pinned }: Pool,
  optimise: boolean,
): SelectionModel | null {
  const hubsActive = active.has(HUBS_CONSTRAINT);
  if (pool.length < problem.size || pinned.size > problem.size) return null;
  if (active.has(PINNED_OUT_CONSTRAINT) && [...pinned].some((id) => problem.pinnedOut.has(id))) return null;
  if (hubsActive && pool.some((c) => pinned.has(c.id) && c.hubs.length === 0)) return null;

  const x = (k: number): string => `x${k}`;
  const all = pool.map((_, k) => k);
  const rows: string[] = [row('size', all.map(x), `= ${problem.size}`)];
  for (const [s, share] of problem.shares.entries()) {
    if (!active.has(share.id)) continue;
    const counted = all.filter((k) => matches(pool[k], share)).map(x);
    if (counted.length < share.atLeast) return null;
    if (share.atLeast > 0) rows.push(row(`s${s}min`, counted, `>= ${share.atLeast}`));
    if (share.atMost < problem.size && counted.length > share.atMost) {
      rows.push(row(`s${s}max`, counted, `<= ${share.atMost}`));
    }
  }
  const classes = hubsActive ? hubClasses(pool) : [];
  if (hubsActive) rows.push(...placementRows(problem, classes));

  const points = optimise ? all.filter((k) => pool[k].points !== 0) : [];
  const objective = points.map((k) => `${signed(pool[k].points)} ${x(k)}`);
  const bounds = all.map((k) => (pinned.has(pool[k].id) ? ` ${x(k)} = 1` : ` 0 <= ${x(k)} <= 1`));
  const relaxation = ['Maximize', ...lines(' obj:', objective), 'Subject To', ...rows, 'Bounds', ...bounds];
  return {
    relaxation: [...relaxation, 'End'].join('\n'),
    integer: [...relaxation, 'Generals', ...lines('', all.map(x)), 'End'].join('\n'),
    multipliers(solved) {
      const y: Multipliers = {
        size: 0,
        atLeast: problem.shares.map(() => 0),
        atMost: problem.shares.map(() => 0),
        hubs: new Map(),
        classes: new Map(),
      };
      for (const solvedRow of solved) {
        if (!('Name' in solvedRow) || !('Dual' in solvedRow)) continue;
        const { Name: name, Dual: dual } = solvedRow;
        const share = /^s(\d+)(min|max)$/.exec(name);
        if (name === 'size') y.size = dual;
        else if (share) (share[2] === 'min' ? y.atLeast : y.atMost)[Number(share[1])] = dual;
        else if (name.startsWith('h')) y.hubs.set(problem.hubs[Number(name.slice(1))], dual);
        else if (name.startsWith('p')) y.classes.set(classes[Number(name.slice(1))].key, dual);
      }
      return y;
    },
  };
}

interface HubClass {
  key: string;
  hubs: string[];
  members: number[];
}

function hubClasses(pool: RankedCandidate[]): HubClass[] {
  const classes = new Map<string, HubClass>();
  pool.forEach((candidate, k) => {
    const key = candidate.hubKey;
    const found = classes.get(key) ?? { key, hubs: candidate.hubs, members: [] };
    found.members.push(k);
    classes.set(key, found);
  });
  return [...classes.values()];
}

function placementRows(problem: SelectionProblem, classes: HubClass[]): string[] {
  const hubIndex = new Map(problem.hubs.map((hub, h) => [hub, h]));
  const intoHub = problem.hubs.map((): string[] => []);
  const rows = classes.map(({ hubs, members }, j) => {
    const flows = hubs.map((hub) => {
      const h = hubIndex.get(hub)!;
      intoHub[h].push(`z${j}_${h}`);
      return `- z${j}_${h}`;
    });
    // Never a class without hubs: the pool leaves such candidates out unless pinned, and then there
    // is no model to write.
    return row(`p${j}`, members.map((k) => `x${k}`).concat(flows), '= 0');
  });
  problem.hubs.forEach((hub, h) => {
    if (intoHub[h].length) rows.push(row(`h${h}`, intoHub[h], `<= ${problem.capacity.get(hub)}`));
  });
  return rows;
}

/** One constraint row; terms are names, or already carry their sign ("- z0_1"). */
function row(name: string, terms: string[], comparison: string): string {
  const signedTerms = terms.map((t, i) => (t.startsWith('-') ? t : i === 0 ? t : `+ ${t}`));
  const body = lines(` ${name}:`, signedTerms);
  body[body.length - 1] += ` ${comparison}`;
  return body.join('\n');
}

function signed(n: number): string {
  return n < 0 ? `- ${-n}` : `+ ${n}`;
}

/** LP-format lines stay short: long sums wrap, which the format allows. */
function lines(head: string, terms: string[]): string[] {
  const out = [head];
  for (let i = 0; i < terms.length; i += TERMS_PER_LINE) {
    out.push(`  ${terms.slice(i, i + TERMS_PER_LINE).join(' ')}`);
  }
  return out;
}
