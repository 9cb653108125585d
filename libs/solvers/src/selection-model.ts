import type { HighsSolver } from './highs';
import { matches, type RankedCandidate, type SelectionProblem } from './selection-problem';
import { candidatePool, type ActiveConstraints, type Pool } from './selection-reduction';
import { HUBS_CONSTRAINT, PINNED_OUT_CONSTRAINT } from './selection.types';

export interface SolveOptions {
  /** Maximise the score, or only look for a feasible selection (faster; used by the clash search). */
  optimise: boolean;
  /** Drop the candidates that cannot be in an optimal selection first. Exact; off only to test that. */
  reduce?: boolean;
}

// Gap 0: stop only at a proven optimum. With integer objective coefficients HiGHS knows every solution's
// objective is an integer, so "within 1e-6 of the bound" (the default absolute gap) means equal to it.
const HIGHS_OPTIONS = { output_flag: false, mip_rel_gap: 0, presolve: 'on' } as const;
const TERMS_PER_LINE = 16;

/**
 * The best selection (or, with `optimise: false`, any selection) under the active constraints, best
 * first; null when none exists. Among equally good selections the result is deterministic: the model
 * is built in rank order, and within a type the best-ranked members are the ones taken.
 */
export function solveSelection(
  highs: HighsSolver,
  problem: SelectionProblem,
  active: ActiveConstraints,
  options: SolveOptions,
): RankedCandidate[] | null {
  const pool = candidatePool(problem, active, options.reduce ?? true);
  const lp = selectionLp(problem, active, pool, options.optimise);
  if (lp === null) return null;
  const solution = highs.solve(lp, HIGHS_OPTIONS);
  // 'Primal infeasible or unbounded' means infeasible here: the x are binary, so the objective is bounded.
  if (solution.Status === 'Infeasible' || solution.Status === 'Primal infeasible or unbounded') return null;
  if (solution.Status !== 'Optimal') {
    throw new Error(`selection: HiGHS stopped without a proven answer (${solution.Status})`);
  }
  const chosen = new Set(pool.candidates.filter((_, k) => (solution.Columns[`x${k}`]?.Primal ?? 0) > 0.5));
  // Members of a type are interchangeable, so taking the best-ranked ones changes no constraint and
  // breaks ties between equal scores by id.
  return pool.types
    .flatMap((members) => members.slice(0, members.filter((c) => chosen.has(c)).length))
    .sort((a, b) => a.rank - b.rank);
}

/**
 * The integer program in CPLEX LP format, or null when it is infeasible on its face. Columns: x{k} = 1
 * when pool candidate k is selected; z{j}_{h} ≥ 0, how many of hub-set class j (candidates with the same
 * preferred hubs) go to hub h. Rows: Σx = size; each active share's bounds; per class Σx = Σz; per hub
 * Σz ≤ capacity. Placement is modelled per class, not per candidate: members of a class are
 * interchangeable, and the z can stay continuous because a transportation problem with integer supplies
 * and capacities that has a solution has an integer one.
 */
export function selectionLp(
  problem: SelectionProblem,
  active: ActiveConstraints,
  { candidates: pool, pinned }: Pool,
  optimise: boolean,
): string | null {
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
  if (hubsActive) rows.push(...placementRows(problem, pool));

  const points = optimise ? all.filter((k) => pool[k].points !== 0) : [];
  const objective = points.map((k) => `${signed(pool[k].points)} ${x(k)}`);
  const bounds = all.map((k) => (pinned.has(pool[k].id) ? ` ${x(k)} = 1` : ` 0 <= ${x(k)} <= 1`));
  return [
    'Maximize',
    ...lines(' obj:', objective),
    'Subject To',
    ...rows,
    'Bounds',
    ...bounds,
    'Generals',
    ...lines('', all.map(x)),
    'End',
  ].join('\n');
}

function placementRows(problem: SelectionProblem, pool: RankedCandidate[]): string[] {
  const classes = new Map<string, { hubs: string[]; members: number[] }>();
  pool.forEach((candidate, k) => {
    const key = JSON.stringify([...candidate.hubs].sort());
    const found = classes.get(key) ?? { hubs: candidate.hubs, members: [] };
    found.members.push(k);
    classes.set(key, found);
  });
  const hubIndex = new Map(problem.hubs.map((hub, h) => [hub, h]));
  const intoHub = problem.hubs.map((): string[] => []);
  const rows = [...classes.values()].map(({ hubs, members }, j) => {
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
