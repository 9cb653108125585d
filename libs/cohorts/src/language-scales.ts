/**
 * The scale of each language test the programme reads, in one place: applications validate the
 * scores people give against it, cohorts validate their hubs' minimums against it, and placement
 * compares the two. IELTS 0–9 by half bands, TOEFL iBT 0–120, TOEIC Listening & Reading 10–990 by
 * 5, TOPIK levels 1–6, JLPT levels N5–N1. Pure.
 */
export interface NumericScale {
  kind: 'numeric';
  min: number;
  max: number;
  step: number;
}
export interface LevelScale {
  kind: 'levels';
  /** Lowest first. */
  levels: readonly string[];
}
export type LanguageScale = NumericScale | LevelScale;

export const LANGUAGE_SCALES = {
  IELTS: { kind: 'numeric', min: 0, max: 9, step: 0.5 },
  TOEFL: { kind: 'numeric', min: 0, max: 120, step: 1 },
  TOEIC: { kind: 'numeric', min: 10, max: 990, step: 5 },
  TOPIK: { kind: 'numeric', min: 1, max: 6, step: 1 },
  JLPT: { kind: 'levels', levels: ['N5', 'N4', 'N3', 'N2', 'N1'] },
} as const satisfies Record<string, LanguageScale>;
export type ScaledTest = keyof typeof LANGUAGE_SCALES;

const onStep = (value: number, scale: NumericScale): boolean => {
  const steps = (value - scale.min) / scale.step;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
};

/** How the scale reads in a sentence: "0 to 9 in steps of 0.5", "N5 to N1". */
export function describeScale(scale: LanguageScale): string {
  if (scale.kind === 'levels') return `${scale.levels[0]} to ${scale.levels[scale.levels.length - 1]}`;
  return `${scale.min} to ${scale.max}${scale.step === 1 ? ' in whole numbers' : ` in steps of ${scale.step}`}`;
}

/**
 * Why `value` is not a result of `test` (a sentence naming `field`), or null when it is one. A
 * numeric scale takes a number (or its decimal string, as hub minimums are written); a test without
 * a scale (OTHER) takes any text.
 */
export function scoreProblem(field: string, test: string, value: unknown): string | null {
  const scale = (LANGUAGE_SCALES as Record<string, LanguageScale | undefined>)[test];
  if (!scale) return null;
  const where = `${field} must be a ${test} result from ${describeScale(scale)}`;
  if (scale.kind === 'levels') return typeof value === 'string' && scale.levels.includes(value) ? null : where;
  const number =
    typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(number) || number < scale.min || number > scale.max || !onStep(number, scale)) return where;
  return null;
}
