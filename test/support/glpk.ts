import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface SelectionModel {
  candidates: Array<{ id: string; score: number; hubs: string[]; attributes: Record<string, string | null> }>;
  size: number;
  hubCapacities: Record<string, number>;
  shares: Array<{ attribute: string; value: string; min?: number; max?: number }>;
}

interface Constants {
  GLP_MAX: number;
  GLP_FX: number;
  GLP_LO: number;
  GLP_UP: number;
  GLP_DB: number;
}

/**
 * The selection's optimum as GLPK finds it, from a model written here from the words (not the
 * solver's): binary x_i (selected) and y_ih (placed in preferred hub h), Σx = size, Σ_h y_ih = x_i,
 * Σ_i y_ih ≤ capacity_h, and each share ⌈min·size⌉ ≤ Σ_{i has value} x_i ≤ ⌊max·size⌋.
 */
export async function glpkOptimum(model: SelectionModel): Promise<number | null> {
  const worker = new Worker(join(__dirname, 'glpk.worker.mjs'));
  try {
    const next = () =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
    const { constants } = (await next()) as { constants: Constants };
    const x = (i: number) => `x${i}`;
    const y = (i: number, h: string) => `y${i}_${h}`;
    const placements = model.candidates.map((c, i) =>
      c.hubs.filter((h) => (model.hubCapacities[h] ?? 0) > 0).map((h) => y(i, h)),
    );
    const bounds = (min: number | undefined, max: number | undefined) => {
      const lb = min === undefined ? 0 : Math.ceil(min * model.size - 1e-9);
      const ub = max === undefined ? model.size : Math.floor(max * model.size + 1e-9);
      return { type: lb === ub ? constants.GLP_FX : constants.GLP_DB, lb, ub };
    };
    const lp = {
      name: 'selection',
      objective: {
        direction: constants.GLP_MAX,
        name: 'score',
        vars: model.candidates.map((c, i) => ({ name: x(i), coef: c.score })),
      },
      subjectTo: [
        {
          name: 'size',
          vars: model.candidates.map((_, i) => ({ name: x(i), coef: 1 })),
          bnds: { type: constants.GLP_FX, lb: model.size, ub: model.size },
        },
        ...model.candidates.map((_, i) => ({
          name: `place${i}`,
          vars: [{ name: x(i), coef: -1 }, ...(placements[i] ?? []).map((name) => ({ name, coef: 1 }))],
          bnds: { type: constants.GLP_FX, lb: 0, ub: 0 },
        })),
        ...Object.entries(model.hubCapacities).map(([h, capacity]) => ({
          name: `hub_${h}`,
          vars: model.candidates.flatMap((c, i) =>
            c.hubs.includes(h) && capacity > 0 ? [{ name: y(i, h), coef: 1 }] : [],
          ),
          bnds: { type: constants.GLP_UP, lb: 0, ub: capacity },
        })),
        ...model.shares.map((share, k) => ({
          name: `share${k}`,
          vars: model.candidates.flatMap((c, i) =>
            c.attributes[share.attribute] === share.value ? [{ name: x(i), coef: 1 }] : [],
          ),
          bnds: bounds(share.min, share.max),
        })),
      ],
      binaries: [...model.candidates.map((_, i) => x(i)), ...placements.flat()],
    };
    const answer = next();
    worker.postMessage({ lp });
    const result = (await answer) as { status?: string; z?: number; error?: string };
    if (result.error) throw new Error(result.error);
    return result.status === 'optimal' ? (result.z as number) : null;
  } finally {
    await worker.terminate();
  }
}
