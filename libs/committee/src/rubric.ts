import type { FieldError } from '@vgbf/core';
/** Words in both languages of the UI. */
export interface LocalText {
  vi: string;
  en: string;
}

export interface RubricCriterion {
  /** Stable key of the criterion in the scores of a review, e.g. `esg_mindset`. */
  code: string;
  title: LocalText;
  /** Relative weight (any positive numbers; the weighted mean divides by their sum). */
  weight: number;
  /** What a score means, for some of the levels 1–5 (typically 1, 3 and 5). */
  anchors: Partial<Record<'1' | '2' | '3' | '4' | '5', LocalText>>;
}

export interface Rubric {
  criteria: RubricCriterion[];
}

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

/** What is wrong with a set of scores for a rubric, as field errors (empty when it is complete and in range). */
export function scoreErrors(rubric: Rubric, scores: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  const codes = new Set(rubric.criteria.map((c) => c.code));
  for (const criterion of rubric.criteria) {
    const value = scores[criterion.code];
    if (!Number.isInteger(value) || (value as number) < SCORE_MIN || (value as number) > SCORE_MAX) {
      errors.push({
        field: `scores.${criterion.code}`,
        message: `scores.${criterion.code} must be a whole number from ${SCORE_MIN} to ${SCORE_MAX}`,
        code: 'validation.whole_number_between',
        params: { min: SCORE_MIN, max: SCORE_MAX },
      });
    }
  }
  for (const code of Object.keys(scores)) {
    if (!codes.has(code))
      errors.push({
        field: `scores.${code}`,
        message: `${code} is not a criterion of this rubric`,
        code: 'validation.unknown_property',
      });
  }
  return errors;
}

/** The weighted mean of one review's scores on the 1–5 scale. Pure; the ranking computes the same in SQL. */
export function weightedMean(rubric: Rubric, scores: Record<string, number>): number {
  let sum = 0;
  let weights = 0;
  for (const { code, weight } of rubric.criteria) {
    sum += weight * (scores[code] ?? 0);
    weights += weight;
  }
  return weights > 0 ? sum / weights : 0;
}
