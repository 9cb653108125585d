import type { FieldError } from '@vgbf/core';

/**
 * One model of staff constraints for every proposal: a subject (the fellow, for placement and
 * matching) is locked to at most one target (a hub, a mentor) and forbidden any number of them.
 */
export const CONSTRAINT_KINDS = ['lock', 'forbid'] as const;
export type ConstraintKind = (typeof CONSTRAINT_KINDS)[number];

/** One constraint row, whatever table holds it: subject, target, kind and the staff's note. */
export interface LockOrForbid {
  subjectId: string;
  targetId: string;
  kind: ConstraintKind;
  note: string | null;
}

/** A subject's constraints as staff set them: the lock (or none) and the forbidden targets. */
export interface LocksAndForbids {
  lockedId: string | null;
  forbiddenIds: string[];
}

/** The rows of one subject's constraints, as `replace` stores them: the lock first, then the forbids in order. */
export function constraintRows(subjectId: string, set: LocksAndForbids, note: string | null = null): LockOrForbid[] {
  return [
    ...(set.lockedId ? [{ subjectId, targetId: set.lockedId, kind: 'lock' as const, note }] : []),
    ...set.forbiddenIds.map((targetId) => ({ subjectId, targetId, kind: 'forbid' as const, note })),
  ];
}

/** One subject's lock and forbids read back from the rows (of any number of subjects). */
export function locksOf(rows: readonly LockOrForbid[], subjectId: string): LocksAndForbids & { note: string | null } {
  const mine = rows.filter((c) => c.subjectId === subjectId);
  return {
    lockedId: mine.find((c) => c.kind === 'lock')?.targetId ?? null,
    forbiddenIds: mine.filter((c) => c.kind === 'forbid').map((c) => c.targetId),
    note: mine.find((c) => c.note)?.note ?? null,
  };
}

/** The field errors each use words its way (field names, messages, catalogue codes). */
export interface LockForbidWords {
  unknownLock: FieldError;
  unknownForbid: FieldError;
  lockedAndForbidden: FieldError;
}

/**
 * Checks a requested set against the targets that exist: the lock must be one, each forbidden one
 * must be one (one error per unknown id), and the lock may not also be forbidden. Pure: returns the
 * field errors (empty when valid) so every problem is reported at once.
 */
export function validateLocksAndForbids(
  set: LocksAndForbids,
  isTarget: (id: string) => boolean,
  words: LockForbidWords,
): FieldError[] {
  return [
    ...(set.lockedId && !isTarget(set.lockedId) ? [words.unknownLock] : []),
    ...set.forbiddenIds.filter((id) => !isTarget(id)).map(() => words.unknownForbid),
    ...(set.lockedId && set.forbiddenIds.includes(set.lockedId) ? [words.lockedAndForbidden] : []),
  ];
}
