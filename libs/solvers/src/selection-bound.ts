import { matches, type SelectionProblem } from './selection-problem';
import type { ActiveConstraints } from './selection-reduction';
import { HUBS_CONSTRAINT, PINNED_IN_CONSTRAINT, PINNED_OUT_CONSTRAINT } from './selection.types';

/**
 * Lagrange multipliers for the rows of the selection model, read from its LP relaxation's row duals
 * (HiGHS reports them as ∂objective/∂bound: ≤ 0 on a minimum, ≥ 0 on a maximum or a hub). A row the
 * model did not have counts as 0.
 */
export interface Multipliers {
  size: number;
  /** By share index. */
  atLeast: number[];
  atMost: number[];
  /** By hub code. */
  hubs: Map<string, number>;
  /** By hub-set class (a candidate's hubKey). */
  classes: Map<string, number>;
}

/**
 * An upper bound, in points, on the best selection under `active` — which may be fewer constraints
 * than the model the multipliers came from — over all candidates, not only a reduced pool.
 *
 * Weak duality, with any multipliers of the right signs (wrong-signed ones are taken as 0, so the
 * bound holds however inexact HiGHS's duals are): for every feasible x and placement flows z,
 *   Σ points·x ≤ Σ_rows y·bound + Σ_free max(0, d_i) + Σ_pinned d_i + size · Σ_z max(0, d_z),
 * where d are the reduced costs (the points minus the multipliers of the rows a column is in) and z
 * never exceeds the size. A class of hubs the model had no row for gets the smallest multiplier of its
 * hubs, which keeps its flows' reduced costs ≤ 0. Used to prove an LP-rounded selection optimal and a
 * constraint's price 0 without solving again: optima are whole numbers of points, so a bound below
 * optimum + 1 pins the optimum down.
 */
export function upperBound(problem: SelectionProblem, active: ActiveConstraints, y: Multipliers): number {
  const shares = problem.shares.flatMap((share, s) =>
    active.has(share.id)
      ? [{ share, atLeast: Math.min(0, y.atLeast[s] ?? 0), atMost: Math.max(0, y.atMost[s] ?? 0) }]
      : [],
  );
  const hubsActive = active.has(HUBS_CONSTRAINT);
  const pinnedIn = active.has(PINNED_IN_CONSTRAINT) ? problem.pinnedIn : new Set<string>();
  const pinnedOut = active.has(PINNED_OUT_CONSTRAINT) ? problem.pinnedOut : new Set<string>();
  const hub = (code: string) => Math.max(0, y.hubs.get(code) ?? 0);

  // The sum is padded by a bound on its rounding errors (relative 2⁻⁵² per operation, on the partial sums
  // and on each term's operands), so that it stays an upper bound in floating point as well.
  let bound = 0;
  let error = 0;
  const add = (term: number, operands: number) => {
    bound += term;
    error += Math.abs(bound) + operands;
  };
  add(y.size * problem.size, Math.abs(y.size * problem.size));
  for (const { share, atLeast, atMost } of shares) {
    add(atLeast * share.atLeast + atMost * share.atMost, Math.abs(atLeast * share.atLeast) + atMost * share.atMost);
  }
  if (hubsActive) {
    for (const code of problem.hubs)
      add(hub(code) * problem.capacity.get(code)!, hub(code) * problem.capacity.get(code)!);
  }

  const classes = new Map<string, { price: number; hubs: string[] }>();
  for (const candidate of problem.candidates) {
    const pinned = pinnedIn.has(candidate.id);
    if (pinnedOut.has(candidate.id)) {
      if (pinned) return Infinity; // pinned both ways: no selection at all
      continue;
    }
    let reduced = candidate.points - y.size;
    let operands = Math.abs(candidate.points) + Math.abs(y.size);
    for (const { share, atLeast, atMost } of shares) {
      if (!matches(candidate, share)) continue;
      reduced -= atLeast + atMost;
      operands += atMost - atLeast;
    }
    if (hubsActive) {
      if (!candidate.hubs.length) {
        if (pinned) return Infinity;
        continue;
      }
      const key = candidate.hubKey;
      let found = classes.get(key);
      if (!found) {
        const price = y.classes.get(key) ?? Math.min(...candidate.hubs.map(hub));
        found = { price, hubs: candidate.hubs };
        classes.set(key, found);
      }
      reduced -= found.price;
      operands += Math.abs(found.price);
    }
    if (pinned || reduced > 0) add(reduced, operands * 4);
  }
  for (const { price, hubs } of classes.values()) {
    for (const code of hubs) {
      if (price > hub(code)) add(problem.size * (price - hub(code)), problem.size * (Math.abs(price) + hub(code)) * 2);
    }
  }
  return bound + 2 * Number.EPSILON * error;
}
