// Test support for the selection solver: an independent model for GLPK, an independent checker and a
// brute force. Nothing here reuses the solver's code: each constraint is re-derived from the input.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SelectionInput, SelectionResult } from './selection.types';

interface GlpkConstants {
  GLP_MAX: number;
  GLP_FX: number;
  GLP_UP: number;
  GLP_DB: number;
}
interface GlpkRow {
  name: string;
  vars: Array<{ name: string; coef: number }>;
  bnds: { type: number; lb: number; ub: number };
}
interface GlpkLp {
  name: string;
  objective: { direction: number; name: string; vars: Array<{ name: string; coef: number }> };
  subjectTo: GlpkRow[];
  binaries: string[];
}
type GlpkAnswer = { status: 'optimal'; z: number; vars: Record<string, number> } | { status: 'infeasible' };

/** GLPK in a worker thread (see selection-glpk.worker.mjs). */
export class Glpk {
  private next = 0;
  private readonly waiting = new Map<number, (answer: GlpkAnswer | { error: string }) => void>();

  private constructor(
    private readonly worker: Worker,
    readonly constants: GlpkConstants,
  ) {
    worker.on('message', (message: { id: number } & (GlpkAnswer | { error: string })) => {
      this.waiting.get(message.id)?.(message);
      this.waiting.delete(message.id);
    });
  }

  static async start(): Promise<Glpk> {
    const worker = new Worker(join(__dirname, 'selection-glpk.worker.mjs'));
    const constants = await new Promise<GlpkConstants>((resolve, reject) => {
      worker.once('message', (message: { constants: GlpkConstants }) => resolve(message.constants));
      worker.once('error', reject);
    });
    return new Glpk(worker, constants);
  }

  solve(lp: GlpkLp): Promise<GlpkAnswer> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (answer) => ('error' in answer ? reject(new Error(answer.error)) : resolve(answer)));
      this.worker.postMessage({ id, lp });
    });
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

/** Share bounds as counts, from fractions given with at most 4 decimals, in integer arithmetic. */
export function countBounds(fraction: number, size: number): { floor: number; ceil: number } {
  const tenThousandths = Math.round(fraction * 10_000) * size;
  return { floor: Math.floor(tenThousandths / 10_000), ceil: Math.ceil(tenThousandths / 10_000) };
}

/** Which constraints an oracle model keeps: all of them, or all but the ones named. */
export type Keep = (constraint: string) => boolean;
export const keepAll: Keep = () => true;

/**
 * The selection ILP as the issue states it, for GLPK: binary x_i (selected) and y_ih (seated in hub h,
 * one of i's preferences), Σ_h y_ih = x_i, Σ_i y_ih ≤ capacity of h (0 for an unlisted hub), Σ x = size,
 * each share's ⌈min·size⌉ ≤ count ≤ ⌊max·size⌋, pins as fixed x. Null when infeasible on its face (a
 * candidate pinned both ways, a share whose minimum exceeds its maximum).
 */
export function glpkModel(glpk: Glpk, input: SelectionInput, keep: Keep = keepAll): GlpkLp | null {
  const { GLP_MAX, GLP_FX, GLP_UP, GLP_DB } = glpk.constants;
  const x = (i: number) => `x${i}`;
  const pinnedIn = new Set(keep('pinnedIn') ? (input.pinnedIn ?? []) : []);
  const pinnedOut = new Set(keep('pinnedOut') ? (input.pinnedOut ?? []) : []);
  if ([...pinnedIn].some((id) => pinnedOut.has(id))) return null;
  const all = input.candidates.map((_, i) => i);
  const rows: GlpkRow[] = [
    {
      name: 'size',
      vars: all.map((i) => ({ name: x(i), coef: 1 })),
      bnds: { type: GLP_FX, lb: input.size, ub: input.size },
    },
  ];
  for (const share of input.shares) {
    if (!keep(share.id)) continue;
    const lb = share.min === undefined ? 0 : countBounds(share.min, input.size).ceil;
    const ub = share.max === undefined ? input.size : countBounds(share.max, input.size).floor;
    if (lb > ub) return null;
    const counted = all.filter((i) => input.candidates[i][share.attribute] === share.value);
    rows.push({
      name: `share_${rows.length}`,
      vars: (counted.length ? counted : [0]).map((i) => ({ name: x(i), coef: counted.length ? 1 : 0 })),
      bnds: lb === ub ? { type: GLP_FX, lb, ub } : { type: GLP_DB, lb, ub },
    });
  }
  const binaries = all.map(x);
  if (keep('hubs')) {
    const seatedIn = new Map<string, string[]>();
    for (const [i, candidate] of input.candidates.entries()) {
      const hubs = [...new Set(candidate.hubPreferences)];
      for (const hub of hubs) seatedIn.set(hub, [...(seatedIn.get(hub) ?? []), `y${i}_${hub}`]);
      binaries.push(...hubs.map((hub) => `y${i}_${hub}`));
      rows.push({
        name: `seat_${i}`,
        vars: [{ name: x(i), coef: -1 }, ...hubs.map((hub) => ({ name: `y${i}_${hub}`, coef: 1 }))],
        bnds: { type: GLP_FX, lb: 0, ub: 0 },
      });
    }
    for (const [hub, ys] of seatedIn) {
      const capacity = input.hubCapacities[hub] ?? 0;
      rows.push({
        name: `hub_${hub}`,
        vars: ys.map((name) => ({ name, coef: 1 })),
        bnds: { type: GLP_UP, lb: 0, ub: capacity },
      });
    }
  }
  // Pins are rows, not column bounds: glpk.js resets a binary column's bounds to [0, 1].
  for (const [i, c] of input.candidates.entries()) {
    if (!pinnedIn.has(c.id) && !pinnedOut.has(c.id)) continue;
    const value = pinnedIn.has(c.id) ? 1 : 0;
    rows.push({ name: `pin_${i}`, vars: [{ name: x(i), coef: 1 }], bnds: { type: GLP_FX, lb: value, ub: value } });
  }
  return {
    name: 'selection',
    objective: {
      direction: GLP_MAX,
      name: 'score',
      vars: all.map((i) => ({ name: x(i), coef: input.candidates[i].score })),
    },
    subjectTo: rows,
    binaries,
  };
}

/** GLPK's optimum, or null when infeasible. */
export async function glpkOptimum(glpk: Glpk, input: SelectionInput, keep: Keep = keepAll): Promise<number | null> {
  const lp = glpkModel(glpk, input, keep);
  if (!lp) return null;
  const answer = await glpk.solve(lp);
  return answer.status === 'optimal' ? answer.z : null;
}

/** Every way the result breaks the input's constraints, in words (empty when it holds them all). */
export function violations(input: SelectionInput, result: SelectionResult): string[] {
  const problems: string[] = [];
  const byId = new Map(input.candidates.map((c) => [c.id, c]));
  const ids = result.selected.map((s) => s.id);
  if (new Set(ids).size !== ids.length) problems.push('someone is selected twice');
  if (ids.length !== input.size) problems.push(`${ids.length} selected for ${input.size} seats`);
  const selected = ids.map((id) => byId.get(id)).filter((c) => c !== undefined);
  if (selected.length !== ids.length) problems.push('a selected id is not a candidate');
  for (const share of input.shares) {
    const count = selected.filter((c) => c[share.attribute] === share.value).length;
    if (share.min !== undefined && count < countBounds(share.min, input.size).ceil)
      problems.push(`${share.id}: ${count} is too few`);
    if (share.max !== undefined && count > countBounds(share.max, input.size).floor)
      problems.push(`${share.id}: ${count} is too many`);
  }
  const seated = new Map<string, number>();
  for (const s of result.selected) {
    if (!byId.get(s.id)?.hubPreferences.includes(s.hub))
      problems.push(`${s.id} is seated in ${s.hub}, not a preference`);
    seated.set(s.hub, (seated.get(s.hub) ?? 0) + 1);
  }
  for (const [hub, count] of seated) {
    if (count > (input.hubCapacities[hub] ?? 0)) problems.push(`hub ${hub}: ${count} seated`);
  }
  for (const id of input.pinnedIn ?? []) if (!ids.includes(id)) problems.push(`${id} is pinned in but not selected`);
  for (const id of input.pinnedOut ?? []) if (ids.includes(id)) problems.push(`${id} is pinned out but selected`);
  const objective = result.selected.reduce((sum, s) => sum + byId.get(s.id)!.score, 0);
  if (Math.abs(objective - result.objective) > 1e-6)
    problems.push(`objective ${result.objective} is not Σ score ${objective}`);
  return problems;
}

/** The optimum by trying every subset of `size` candidates (tiny inputs only), or null when none holds. */
export function bruteForceOptimum(input: SelectionInput): number | null {
  const n = input.candidates.length;
  let best: number | null = null;
  const chosen: SelectionInput['candidates'] = [];
  const visit = (from: number): void => {
    if (chosen.length === input.size) {
      const score = chosen.reduce((sum, c) => sum + c.score, 0);
      if ((best === null || score > best) && holds(input, chosen)) best = score;
      return;
    }
    for (let i = from; i <= n - (input.size - chosen.length); i++) {
      chosen.push(input.candidates[i]);
      visit(i + 1);
      chosen.pop();
    }
  };
  visit(0);
  return best;
}

function holds(input: SelectionInput, people: SelectionInput['candidates']): boolean {
  const ids = new Set(people.map((c) => c.id));
  return (
    input.shares.every((share) => {
      const count = people.filter((c) => c[share.attribute] === share.value).length;
      return (
        (share.min === undefined || count >= countBounds(share.min, input.size).ceil) &&
        (share.max === undefined || count <= countBounds(share.max, input.size).floor)
      );
    }) &&
    (input.pinnedIn ?? []).every((id) => ids.has(id)) &&
    !(input.pinnedOut ?? []).some((id) => ids.has(id)) &&
    placeable(input, people)
  );
}

/** Whether everyone can be seated in a preferred hub within capacities (backtracking). */
function placeable(input: SelectionInput, people: SelectionInput['candidates']): boolean {
  const left = new Map(Object.entries(input.hubCapacities));
  const seat = (k: number): boolean => {
    if (k === people.length) return true;
    for (const hub of new Set(people[k].hubPreferences)) {
      const free = left.get(hub) ?? 0;
      if (free <= 0) continue;
      left.set(hub, free - 1);
      if (seat(k + 1)) return true;
      left.set(hub, free);
    }
    return false;
  };
  return seat(0);
}
