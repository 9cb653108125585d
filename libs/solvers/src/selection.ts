import { loadHighs, type HighsSolver } from './highs';
import { upperBound } from './selection-bound';
import { brokenConstraints, points, solveSelection } from './selection-model';
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
 * It solves the problem, then — for each constraint whose price is not proved 0 by the first solve's
 * LP duals — the problem without it; each after an exact reduction of the candidates. HiGHS runs
 * synchronously: call this from a worker process, not a request handler.
 * @throws SelectionInputError when the input is malformed (duplicate ids, unknown pins, fractions outside [0, 1]…).
 */
export async function selectCohort(input: SelectionInput): Promise<SelectionResult> {
  const problem = toSelectionProblem(input);
  const highs = await loadHighs();
  const all = new Set(problem.constraints);
  const top = problem.candidates.slice(0, problem.size);
  const unconstrainedObjective = sumScores(top);

  const solved = solveSelection(highs, problem, all, { optimise: true });
  if (!solved) {
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
  const best = solved.selected;
  const broken = brokenConstraints(problem, all, best);
  if (broken.length) throw new Error(`selection: the optimum breaks ${broken.join(', ')}`);
  const hubOf = placement(problem, best);
  const objective = sumScores(best);
  const optimum = points(best);

  const prices = problem.constraints.map((constraint): ConstraintPrice => {
    const rest = new Set([...all].filter((id) => id !== constraint));
    // Price 0 without solving again when the optimum is the top `size` already, or when the LP
    // relaxation's duals bound the problem without this constraint below optimum + 1 point.
    const { multipliers } = solved;
    if (optimum === points(top) || (multipliers && upperBound(problem, rest, multipliers) < optimum + 1)) {
      return { constraint, objectiveWithout: objective, price: 0 };
    }
    const without = solveSelection(highs, problem, rest, { optimise: true });
    // Dropping a constraint cannot make a feasible problem infeasible.
    if (!without) throw new Error(`selection: without ${constraint} the selection became infeasible`);
    const objectiveWithout = sumScores(without.selected);
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

/** A witness placement; the selection holds the hub constraint, so there is one. */
function placement(problem: SelectionProblem, selected: RankedCandidate[]): Map<string, string> {
  const seats = new HubPlacement(problem.hubs, problem.capacity);
  selected.forEach((c) => seats.add(c));
  return seats.placement();
}
