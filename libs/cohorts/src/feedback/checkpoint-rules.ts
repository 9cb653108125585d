import { readProgramData } from '@vgbf/config';
import type { FieldError } from '@vgbf/core';

/** Words in both languages of the UI. */
export interface CheckpointText {
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
  title: CheckpointText;
}

/** A two-way feedback form at a fixed point of a fellow's year, as a cohort keeps it. */
export interface FeedbackCheckpoint {
  code: string;
  title: CheckpointText;
  /** Opens this many days after (or, negative, before) the start, midpoint or end of the fellow's year. */
  opens: { from: CheckpointAnchor; days: number };
  /** Stays open this many days (the day it opens counts as the first). */
  openForDays: number;
  questions: FeedbackQuestion[];
}

export const MAX_CHECKPOINTS = 8;
export const MAX_QUESTIONS = 6;
export const MAX_OPEN_DAYS = 90;
const CODE = /^[a-z][a-z0-9_]*$/;
const isText = (t: unknown): t is CheckpointText =>
  typeof t === 'object' &&
  t !== null &&
  typeof (t as CheckpointText).vi === 'string' &&
  typeof (t as CheckpointText).en === 'string' &&
  (t as CheckpointText).vi.trim() !== '' &&
  (t as CheckpointText).en.trim() !== '';

/**
 * What the shapes cannot say: codes unique, and a checkpoint that opens inside the fellow's year.
 * The year is `trackMonths` long; a month counts as 28 days here, so a rule holds for every fellow of the track
 * whatever their start day (the start is day 0, the midpoint ± half the year, the end counts back).
 */
export function checkpointErrors(checkpoints: readonly FeedbackCheckpoint[], trackMonths: number): FieldError[] {
  const errors: FieldError[] = [];
  const shortest = trackMonths * 28;
  const seen = new Set<string>();
  checkpoints.forEach((c, i) => {
    const at = `checkpoints.${i}`;
    if (seen.has(c.code))
      errors.push({
        field: `${at}.code`,
        message: `${at}.code "${c.code}" is used twice`,
        code: 'validation.code_repeated',
      });
    seen.add(c.code);
    const { from, days } = c.opens;
    const [low, high] =
      from === 'start'
        ? [0, shortest - 1]
        : from === 'end'
          ? [-(shortest - 1), 0]
          : [-Math.floor(shortest / 2), Math.floor(shortest / 2)];
    if (days < low || days > high)
      errors.push({
        field: `${at}.opens.days`,
        message: `${at}.opens.days must be from ${low} to ${high} for a ${trackMonths}-month year counted from the ${from}`,
        code: 'validation.whole_number_between',
        params: { min: low, max: high },
      });
    const codes = new Set<string>();
    c.questions.forEach((q, j) => {
      if (codes.has(q.code))
        errors.push({
          field: `${at}.questions.${j}.code`,
          message: `${at}.questions.${j}.code "${q.code}" is used twice`,
          code: 'validation.code_repeated',
        });
      codes.add(q.code);
    });
  });
  return errors;
}

/** config/feedback.json checked whole; throws naming every problem, so a bad file stops the start. */
export function parseFeedbackCheckpoints(raw: unknown): FeedbackCheckpoint[] {
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
    if (!Array.isArray(c.questions) || c.questions.length < 1 || c.questions.length > MAX_QUESTIONS)
      problems.push(`${at}.questions must hold 1 to ${MAX_QUESTIONS} questions`);
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
  return checkpoints as FeedbackCheckpoint[];
}

/** A new cohort's checkpoints: config/feedback.json (read once, when first asked). */
let defaults: FeedbackCheckpoint[] | undefined;
export function defaultFeedbackCheckpoints(): FeedbackCheckpoint[] {
  defaults ??= parseFeedbackCheckpoints(readProgramData('feedback.json'));
  return structuredClone(defaults);
}
