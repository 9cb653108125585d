/**
 * XLSX exports one at a time per process (issue 16): each builds a zip through exceljs, and eight at
 * once raised the API's peak RSS by ≈ 150 MiB (against ≈ 20–50 MiB for the other staff pages under the
 * same load, scale bench data). A request waits its turn in order; one that has waited `maxWaitMs`
 * goes ahead anyway, so a client reading its file slowly delays the others, never blocks them.
 */
export class ExportSlots {
  private busy = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly slots: number,
    private readonly maxWaitMs: number,
  ) {}

  /** Resolves with the function that gives the slot back (once; later calls do nothing). */
  async take(): Promise<() => void> {
    if (this.busy < this.slots) {
      this.busy++;
      return this.releaser(true);
    }
    const held = await new Promise<boolean>((resolve) => {
      const turn = (): void => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        const at = this.waiting.indexOf(turn);
        if (at >= 0) this.waiting.splice(at, 1);
        resolve(false); // waited long enough: go ahead without a slot
      }, this.maxWaitMs);
      timer.unref();
      this.waiting.push(turn);
    });
    return this.releaser(held);
  }

  /** How many exports hold a slot now, and how many wait (for tests and logs). */
  state(): { busy: number; waiting: number } {
    return { busy: this.busy, waiting: this.waiting.length };
  }

  private releaser(held: boolean): () => void {
    let done = !held;
    return () => {
      if (done) return;
      done = true;
      const next = this.waiting.shift();
      if (next)
        next(); // the slot passes straight to the next in line
      else this.busy--;
    };
  }
}
