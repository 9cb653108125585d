import loadHighsModule, { type Highs, type LegacyHighsOptions, type LegacyHighsSolution } from 'highs';

export type { LegacyHighsOptions as HighsOptions, LegacyHighsSolution as HighsSolution };

/** A loaded HiGHS whose one-shot `solve` takes a CPLEX LP-format model. */
export type HighsSolver = Pick<Highs, 'solve'>;

let loading: Promise<Highs> | undefined;

/**
 * HiGHS compiled to WebAssembly, loaded once per process (about 40 ms) and shared by every solver.
 * `solve` is synchronous and blocks the event loop while it runs: call it from a worker process.
 */
export function loadHighs(): Promise<HighsSolver> {
  loading ??= loadHighsModule().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading.then((highs) => ({
    solve(problem: string, options?: LegacyHighsOptions): LegacyHighsSolution {
      try {
        return highs.solve(problem, options);
      } catch (error) {
        // A native abort can leave the module's memory unusable (it surfaces as a plain Error wrapping
        // "RuntimeError: Aborted"), so after any failure the next caller loads a fresh module.
        loading = undefined;
        throw error;
      }
    },
  }));
}
