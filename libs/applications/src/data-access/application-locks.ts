import { type QueryArg, preparedQuery, typedSql } from '@vgbf/database';
import type { Language } from '@vgbf/identity';
import type { ApplicationRow } from '../application-rows';

/** Every column of `applications`, as the row type ApplicationRow names them. */
const COLUMNS = [
  'a.id',
  'a.cohort_id',
  'a.applicant_id',
  'a.status',
  'a.personal',
  'a.region',
  'a.enterprise',
  'a.languages',
  'a.hub_preferences',
  'a.essays',
  'a.referees',
  'a.submitted_at',
  'a.submit_idempotency_key',
  'a.submission_reopened_until',
  'a.created_at',
  'a.updated_at',
] as const;

// The submit path's locks, built and compiled once (preparedQuery): one row of applications, locked
// (its row only, FOR UPDATE OF a), with or without its applicant's contact (identity's user_contacts_v).

/** One application, locked. */
export const lockApplication = preparedQuery((arg: QueryArg<{ id: string }>) =>
  typedSql
    .selectFrom('applications as a')
    .select(COLUMNS)
    .where('a.id', '=', arg('id'))
    .forUpdate('a')
    .$castTo<ApplicationRow>(),
);

/** One application, locked, with its applicant's email, name and language. */
export const lockApplicationWithApplicant = preparedQuery((arg: QueryArg<{ id: string }>) =>
  typedSql
    .selectFrom('applications as a')
    .innerJoin('user_contacts_v as u', 'u.id', 'a.applicant_id')
    .select(COLUMNS)
    .select(['u.email', 'u.full_name', 'u.language'])
    .where('a.id', '=', arg('id'))
    .forUpdate('a')
    .$castTo<ApplicationRow & { email: string; full_name: string; language: Language }>(),
);
