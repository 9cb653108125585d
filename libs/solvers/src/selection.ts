import { loadHighs, type HighsSolver } from './highs';
import { solveSelection } from './selection-model';
import type { ActiveConstraints } from './selection-reduction';
import { HubPlacement } from './selection-placement';
import {
  matches,
  roundScore,
  SelectionInputError,
  sumScores,
  toSelectionProblem,
  type RankedCandidate,
  type SelectionProblem,
} from './selection-problem';
import { SIZE_CONSTRAINT, type ConstraintPrice, type SelectionInput, type SelectionResult } from './selection.types';

/**
 * The selection that maximises the total score under every constraint, solved exactly as an integer
 * program (HiGHS), with the price of each constraint, or the constraints that clash when none exists.
 *
 * It solves 1 + (number of constraints) integer programs (none for the prices when the constrained
 * optimum already equals the top `size`), each after an exact reduction of the candidates. HiGHS runs
 * synchronously: call this from a worker process, not a request handler.
 * @throws SelectionInputError when the input is malformed (duplicate ids, unknown pins, fractions outside [0, 1]…).
 */
export async function selectCohort(input: SelectionInput): Promise<SelectionResult> {
  const problem = toSelectionProblem(input);
  const highs = await loadHighs();
  const all = new Set(problem.constraints);
  const top = problem.candidates.slice(0, problem.size);
  const unconstrainedObjective = sumScores(top);

  const best = solveSelection(highs, problem, all, { optimise: true });
  if (!best) {
    const clash = findClash(highs, problem);
    return {
      status: 'infeasible',
      selected: [],
      objective: 0,
      unconstrainedObjective,
      prices: [],
      waitlist: [],
      clash,
    };
  }
  const hubOf = placeOrFail(problem, best);
  assertHolds(problem, best);
  const objective = sumScores(best);
  const unconstrained = points(best) === points(top);

  const prices = problem.constraints.map((constraint): ConstraintPrice => {
    if (unconstrained) return { constraint, objectiveWithout: objective, price: 0 };
    const rest = new Set([...all].filter((id) => id !== constraint));
    const without = solveSelection(highs, problem, rest, { optimise: true });
    // Dropping a constraint cannot make a feasible problem infeasible.
    if (!without) throw new Error(`selection: without ${constraint} the selection became infeasible`);
    const objectiveWithout = sumScores(without);
    return { constraint, objectiveWithout, price: Math.max(0, roundScore(objectiveWithout - objective)) };
  });

  const chosen = new Set(best.map((c) => c.id));
  return {
    status: 'optimal',
    selected: best.map((c) => ({ id: c.id, score: c.score, hub: hubOf.get(c.id)! })),
    objective,
    unconstrainedObjective,
    prices,
    waitlist: problem.candidates
      .filter((c) => !chosen.has(c.id) && !problem.pinnedOut.has(c.id))
      .map((c) => ({ id: c.id, score: c.score })),
  };
}

/**
 * Who takes a freed seat: the first of `waitlist` who, added to `keptIds` (the selected minus whoever
 * declined), keeps every share constraint and a hub placement for everyone — the placement may move kept
 * people between their own preferred hubs; `placement` is one of minimum total preference rank. Pinned
 * out candidates are skipped; pins in no longer matter. Null when nobody fits.
 *
 * With one seat open (keptIds has size − 1 ids) the check is exact: the shares' counts are checked on
 * the full cohort. With more seats open, maxima are checked as they are and each minimum only has to stay
 * reachable with the seats still open after this one. No integer program: it runs synchronously.
 * @throws SelectionInputError when an id is not a candidate, or no seat is open.
 */
export function replacementFor(
  input: SelectionInput,
  keptIds: string[],
  waitlist: string[],
): { id: string; placement: Record<string, string> } | null {
  const problem = toSelectionProblem(input);
  const candidate = (id: string): RankedCandidate => {
    const found = problem.byId.get(id);
    if (!found) throw new SelectionInputError('selection.unknown_candidate', `${id} is not a candidate.`);
    return found;
  };
  const kept = [...new Set(keptIds)].map(candidate).sort((a, b) => a.rank - b.rank);
  if (kept.length >= problem.size) {
    throw new SelectionInputError(
      'selection.no_open_seat',
      `No seat is open: ${kept.length} kept for ${problem.size}.`,
    );
  }
  const openAfter = problem.size - kept.length - 1;
  const counts = problem.shares.map((share) => kept.filter((c) => matches(c, share)).length);
  const placement = new HubPlacement(problem.hubs, problem.capacity);
  if (!kept.every((c) => placement.add(c))) return null;
  const keptSet = new Set(kept);

  for (const id of waitlist) {
    const next = candidate(id);
    if (keptSet.has(next) || problem.pinnedOut.has(id)) continue;
    const sharesHold = problem.shares.every((share, s) => {
      const count = counts[s] + (matches(next, share) ? 1 : 0);
      return count <= share.atMost && count + openAfter >= share.atLeast;
    });
    if (!sharesHold) continue;
    const trial = placement.clone();
    if (trial.add(next)) return { id, placement: Object.fromEntries(trial.placement()) };
  }
  return null;
}

/**
 * A deletion filter: drop each constraint in turn and keep it dropped while the rest stay infeasible.
 * What remains is infeasible and minimal: dropping any one more makes it feasible.
 */
function findClash(highs: HighsSolver, problem: SelectionProblem): string[] {
  if (problem.candidates.length < problem.size) return [SIZE_CONSTRAINT];
  const clash = new Set(problem.constraints);
  for (const constraint of problem.constraints) {
    clash.delete(constraint);
    if (feasible(highs, problem, clash)) clash.add(constraint);
  }
  return problem.constraints.filter((id) => clash.has(id));
}

function feasible(highs: HighsSolver, problem: SelectionProblem, active: ActiveConstraints): boolean {
  return solveSelection(highs, problem, active, { optimise: false }) !== null;
}

function points(candidates: RankedCandidate[]): number {
  return candidates.reduce((total, c) => total + c.points, 0);
}

function placeOrFail(problem: SelectionProblem, selected: RankedCandidate[]): Map<string, string> {
  const placement = new HubPlacement(problem.hubs, problem.capacity);
  if (!selected.every((c) => placement.add(c))) throw new Error('selection: the optimum has no hub placement');
  return placement.placement();
}

/** The solver's answer is checked against the constraints themselves, not trusted. */
function assertHolds(problem: SelectionProblem, selected: RankedCandidate[]): void {
  const ids = new Set(selected.map((c) => c.id));
  const broken = [
    ...(ids.size === problem.size ? [] : [SIZE_CONSTRAINT]),
    ...problem.shares
      .filter((share) => {
        const count = selected.filter((c) => matches(c, share)).length;
        return count < share.atLeast || count > share.atMost;
      })
      .map((share) => share.id),
    ...[...problem.pinnedIn].filter((id) => !ids.has(id)),
    ...[...problem.pinnedOut].filter((id) => ids.has(id)),
  ];
  if (broken.length) throw new Error(`selection: the optimum breaks ${broken.join(', ')}`);
}
