import { runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';
import type { TemplateItem } from '../timeline/template-rules';
import { day } from './sql-parts';

export interface TemplateRow {
  id: string;
  position: number;
  code: string;
  title: TemplateItem['title'];
  description: TemplateItem['description'];
  anchor: TemplateItem['anchor'];
  offset_months: number;
  offset_days: number;
  evidence: TemplateItem['evidence'];
  reviewer: TemplateItem['reviewer'];
  pillars: TemplateItem['pillars'];
}

export interface CohortRow {
  id: string;
  track_months: number;
  programme_start_date: string;
}

/** The cohort's track and programme start (cohorts' cohort_programme_v). */
export function cohortProgramme(manager: EntityManager, cohortId: string): Promise<CohortRow | undefined> {
  return runQueryFirst(
    manager,
    typedSql
      .selectFrom('cohort_programme_v')
      .select((eb) => ['id', 'track_months', day(eb.ref('programme_start_date')).as('programme_start_date')])
      .where('id', '=', cohortId)
      .$narrowType<CohortRow>(),
  );
}

/** The cohort's template, in order. */
export function templateRows(manager: EntityManager, cohortId: string): Promise<TemplateRow[]> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('milestone_templates')
      .select((eb) => [
        'id',
        'position',
        'code',
        eb.ref('title').$castTo<TemplateRow['title']>().as('title'),
        eb.ref('description').$castTo<TemplateRow['description']>().as('description'),
        'anchor',
        'offset_months',
        'offset_days',
        'evidence',
        'reviewer',
        'pillars',
      ])
      .where('cohort_id', '=', cohortId)
      .orderBy('position')
      .orderBy('code')
      .$narrowType<TemplateRow>(),
  );
}

/** Removes the cohort's template rows whose code is not among `codes`. */
export async function deleteOtherCodes(manager: EntityManager, cohortId: string, codes: string[]): Promise<void> {
  await runQuery(
    manager,
    typedSql
      .deleteFrom('milestone_templates')
      .where('cohort_id', '=', cohortId)
      .where((eb) => eb.not(eb('code', '=', eb.fn.any(sql<string[]>`${codes}::text[]`)))),
  );
}

/**
 * Writes the items as the cohort's template (position = order, from 1). A code already there is
 * updated (`at` its time), or left as it is when `onlyNew`.
 */
export async function upsertTemplate(
  manager: EntityManager,
  cohortId: string,
  items: TemplateItem[],
  { onlyNew, at }: { onlyNew: true; at?: undefined } | { onlyNew: false; at: Date },
): Promise<void> {
  if (!items.length) return;
  const insert = typedSql.insertInto('milestone_templates').values(
    items.map((m, i) => ({
      cohort_id: cohortId,
      code: m.code,
      position: i + 1,
      title: sql`${JSON.stringify(m.title)}::jsonb`,
      description: sql`${JSON.stringify(m.description)}::jsonb`,
      anchor: m.anchor,
      offset_months: m.offsetMonths,
      offset_days: m.offsetDays,
      evidence: m.evidence,
      reviewer: m.reviewer,
      pillars: m.pillars,
    })),
  );
  await runQuery(
    manager,
    insert.onConflict((oc) =>
      onlyNew
        ? oc.columns(['cohort_id', 'code']).doNothing()
        : oc.columns(['cohort_id', 'code']).doUpdateSet((eb) => ({
            position: eb.ref('excluded.position'),
            title: eb.ref('excluded.title'),
            description: eb.ref('excluded.description'),
            anchor: eb.ref('excluded.anchor'),
            offset_months: eb.ref('excluded.offset_months'),
            offset_days: eb.ref('excluded.offset_days'),
            evidence: eb.ref('excluded.evidence'),
            reviewer: eb.ref('excluded.reviewer'),
            pillars: eb.ref('excluded.pillars'),
            updated_at: at,
          })),
    ),
  );
}

/** What a template row carries to another cohort (all but its id and cohort). */
const COPIED_COLUMNS = [
  'code',
  'position',
  'title',
  'description',
  'anchor',
  'offset_months',
  'offset_days',
  'evidence',
  'reviewer',
  'pillars',
] as const;

/** Copies one cohort's template to another (codes it has already stay); the codes copied. */
export function copyTemplate(manager: EntityManager, fromId: string, toId: string): Promise<Array<{ code: string }>> {
  return runQuery(
    manager,
    typedSql
      .insertInto('milestone_templates')
      .columns(['cohort_id', ...COPIED_COLUMNS])
      .expression((db) =>
        db
          .selectFrom('milestone_templates')
          .select([sql<string>`${toId}::uuid`.as('cohort_id'), ...COPIED_COLUMNS])
          .where('cohort_id', '=', fromId),
      )
      .onConflict((oc) => oc.columns(['cohort_id', 'code']).doNothing())
      .returning('code'),
  );
}
