import type { FieldError } from '@vgbf/core';
import {
  CHECKPOINT_ANCHORS,
  type CheckpointAnchor,
  type CheckpointText as LocalText,
  type FeedbackCheckpoint,
  type FeedbackQuestion,
  QUESTION_KINDS,
  type QuestionKind,
  parseFeedbackCheckpoints,
} from '@vgbf/cohorts';

// A cohort keeps its own checkpoints (@vgbf/cohorts owns their shape and rules); this file judges answers and windows.
export { CHECKPOINT_ANCHORS, QUESTION_KINDS };
export type { CheckpointAnchor, FeedbackCheckpoint, FeedbackQuestion, LocalText, QuestionKind };

export interface FeedbackConfig {
  checkpoints: FeedbackCheckpoint[];
}

export const RATING_MIN = 1;
export const RATING_MAX = 5;
export const TEXT_MAX = 2000;

/** config/feedback.json checked whole (the defaults of a new cohort); throws naming every problem. */
export function parseFeedbackConfig(raw: unknown): FeedbackConfig {
  return { checkpoints: parseFeedbackCheckpoints(raw) };
}

const DAY_MS = 86_400_000;
const toDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/** The days a checkpoint is open for one fellow's year (calendar days, both ends included). */
export function checkpointWindow(
  checkpoint: FeedbackCheckpoint,
  year: { startDate: string; endDate: string },
): { opensOn: string; closesOn: string } {
  const start = dayMs(year.startDate);
  const end = dayMs(year.endDate);
  const anchor =
    checkpoint.opens.from === 'start'
      ? start
      : checkpoint.opens.from === 'end'
        ? end
        : start + Math.floor((end - start) / DAY_MS / 2) * DAY_MS;
  const opens = anchor + checkpoint.opens.days * DAY_MS;
  return { opensOn: toDay(opens), closesOn: toDay(opens + (checkpoint.openForDays - 1) * DAY_MS) };
}

/** What is wrong with one side's answers for a checkpoint's form, as field errors (empty when none). */
export function answerErrors(checkpoint: FeedbackCheckpoint, answers: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  const codes = new Set(checkpoint.questions.map((q) => q.code));
  for (const q of checkpoint.questions) {
    const field = `answers.${q.code}`;
    const value = answers[q.code];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      if (q.required) errors.push({ field, message: `${field} is required`, code: 'validation.required' });
      continue;
    }
    switch (q.kind) {
      case 'rating':
        if (!Number.isInteger(value) || (value as number) < RATING_MIN || (value as number) > RATING_MAX)
          errors.push({
            field,
            message: `${field} must be a whole number from ${RATING_MIN} to ${RATING_MAX}`,
            code: 'validation.whole_number_between',
            params: { min: RATING_MIN, max: RATING_MAX },
          });
        break;
      case 'yes_no':
        if (typeof value !== 'boolean')
          errors.push({ field, message: `${field} must be true or false`, code: 'validation.is_boolean' });
        break;
      case 'text':
        if (typeof value !== 'string')
          errors.push({ field, message: `${field} must be text`, code: 'validation.is_string' });
        else if (value.length > TEXT_MAX)
          errors.push({
            field,
            message: `${field} must be at most ${TEXT_MAX} characters`,
            code: 'validation.max_length',
            params: { max: TEXT_MAX },
          });
        break;
    }
  }
  for (const code of Object.keys(answers))
    if (!codes.has(code))
      errors.push({
        field: `answers.${code}`,
        message: `${code} is not a question of this checkpoint`,
        code: 'validation.unknown_property',
      });
  return errors;
}
