import { type QueryArg, preparedQuery, typedSql } from '@vgbf/database';
import { type NotNull, sql } from 'kysely';
import type { ApplicationDocument } from '../entities/application-document.entity';

// Read on the submit path and by every application view: built and compiled once.

/** The documents of these applications, oldest first. */
export const documentRows = preparedQuery((arg: QueryArg<{ applicationIds: string[] }>) =>
  typedSql
    .selectFrom('application_documents')
    .select([
      'id',
      'application_id',
      'kind',
      'filename',
      'size_bytes',
      'sha256',
      'storage_key',
      'uploaded_by',
      'created_at',
    ])
    .where('application_id', '=', sql<string>`ANY(${arg('applicationIds')})`)
    .orderBy('created_at')
    .orderBy('id')
    .$narrowType<{ kind: ApplicationDocument['kind'] }>(),
);

/** The names of these cohorts (cohorts' view cohort_headers_v). */
export const cohortNames = preparedQuery((arg: QueryArg<{ cohortIds: string[] }>) =>
  typedSql
    .selectFrom('cohort_headers_v')
    .select(['id', 'name'])
    .where('id', '=', sql<string>`ANY(${arg('cohortIds')})`)
    .$narrowType<{ id: NotNull; name: NotNull }>(),
);
