import type { FieldError } from '@vgbf/core';
/** Words in both languages of the UI. */
export interface LocalText {
  vi: string;
  en: string;
}

export const QUESTION_KINDS = ['rating', 'yes_no', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const CHECKPOINT_ANCHORS = ['start', 'midpoint', 'end'] as const;
export type CheckpointAnchor = (typeof CHECKPOINT_ANCHORS)[number];

export interface FeedbackQuestion {
  /** Key of the answer, e.g. `usefulness`: the field is `answers.usefulness`. */
  code: string;
  kind: QuestionKind;
  required: boolean;
  title: LocalText;
}

export interface FeedbackCheckpoint {
  code: string;
  title: LocalText;
  /** Opens this many days after (or, negative, before) the start, midpoint or end of the fellow's year. */
  opens: { from: CheckpointAnchor; days: number };
  /** Stays open this many days (the day it opens counts as the first). */
  openForDays: number;
  questions: FeedbackQuestion[];
}

export interface FeedbackConfig {
  checkpoints: FeedbackCheckpoint[];
}

export const RATING_MIN = 1;
export const RATING_MAX = 5;
export const TEXT_MAX = 2000;

const isText = (t: unknown): t is LocalText =>
  typeof t === 'object' &&
  t !== null &&
  typeof (t as LocalText).vi === 'string' &&
  typeof (t as LocalText).en === 'string' &&
  (t as LocalText).vi.trim() !== '' &&
  (t as LocalText).en.trim() !== '';

const CODE = /^[a-z][a-z0-9_]*$/;

/** config/feedback.json checked whole; throws naming every problem, so a bad file stops the start. */
export function parseFeedbackConfig(raw: unknown): FeedbackConfig {
  const problems: string[] = [];
  const checkpoints = (raw as { checkpoints?: unknown } | null)?.checkpoints;
  if (!Array.isArray(checkpoints) || checkpoints.length === 0) problems.push('checkpoints must be a non-empty list');
  const seen = new Set<string>();
  (Array.isArray(checkpoints) ? (checkpoints as Array<Partial<FeedbackCheckpoint>>) : []).forEach((c, i) => {
    const at = `checkpoints[${i}]`;
    if (typeof c.code !== 'string' || !CODE.test(c.code)) problems.push(`${at}.code must be snake_case`);
    else if (seen.has(c.code)) problems.push(`${at}.code "${c.code}" is repeated`);
    else seen.add(c.code);
    if (!isText(c.title)) problems.push(`${at}.title needs vi and en`);
    if (!c.opens || !CHECKPOINT_ANCHORS.includes(c.opens.from) || !Number.isInteger(c.opens.days))
      problems.push(`${at}.opens must be { from: ${CHECKPOINT_ANCHORS.join('|')}, days: whole number }`);
    if (!Number.isInteger(c.openForDays) || (c.openForDays as number) < 1)
      problems.push(`${at}.openForDays must be a whole number ≥ 1`);
    if (!Array.isArray(c.questions) || c.questions.length < 1 || c.questions.length > 6)
      problems.push(`${at}.questions must hold 1 to 6 questions`);
    const codes = new Set<string>();
    (Array.isArray(c.questions) ? c.questions : []).forEach((q: Partial<FeedbackQuestion>, j) => {
      const qa = `${at}.questions[${j}]`;
      if (typeof q.code !== 'string' || !CODE.test(q.code) || codes.has(q.code))
        problems.push(`${qa}.code must be a unique snake_case key`);
      else codes.add(q.code);
      if (!QUESTION_KINDS.includes(q.kind as QuestionKind))
        problems.push(`${qa}.kind must be one of ${QUESTION_KINDS.join(', ')}`);
      if (typeof q.required !== 'boolean') problems.push(`${qa}.required must be true or false`);
      if (!isText(q.title)) problems.push(`${qa}.title needs vi and en`);
    });
  });
  if (problems.length) throw new Error(`config/feedback.json is invalid:\n  - ${problems.join('\n  - ')}`);
  return raw as FeedbackConfig;
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
