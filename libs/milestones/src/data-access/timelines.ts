import { runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';
import type { TemplateRow } from './templates';
import { day } from './sql-parts';

/** The fellows (by id) with their programme year and whether they have a timeline yet; by name. */
export function fellowsForTimelines(
  manager: EntityManager,
  ids: string[],
): Promise<Array<{ id: string; start_date: string; end_date: string; has: boolean }>> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('fellows_v as f')
      .select((eb) => [
        'f.id',
        day(eb.ref('f.start_date')).as('start_date'),
        day(eb.ref('f.end_date')).as('end_date'),
        eb
          .exists(
            eb
              .selectFrom('milestones as m')
              .select(sql<number>`1`.as('one'))
              .whereRef('m.fellow_id', '=', 'f.id'),
          )
          .as('has'),
      ])
      .where((eb) => eb('f.id', '=', eb.fn.any(eb.val(ids))))
      .orderBy('f.full_name')
      .orderBy('f.id')
      .$narrowType<{ id: string; start_date: string; end_date: string; has: boolean }>(),
  );
}

/** The fellow's timeline, one milestone per template row, each due on its `due_on` (also its base date). */
export async function insertTimeline(
  manager: EntityManager,
  fellowId: string,
  rows: Array<TemplateRow & { due_on: string }>,
): Promise<void> {
  if (!rows.length) return;
  await runQuery(
    manager,
    typedSql.insertInto('milestones').values(
      rows.map((t) => ({
        fellow_id: fellowId,
        template_id: t.id,
        code: t.code,
        position: t.position,
        title: sql`${JSON.stringify(t.title)}::jsonb`,
        description: sql`${JSON.stringify(t.description)}::jsonb`,
        evidence: t.evidence,
        reviewer: t.reviewer,
        pillars: t.pillars,
        base_due_on: t.due_on,
        due_on: t.due_on,
      })),
    ),
  );
}

/** The milestone's fellow and code, or undefined. */
export function milestoneOwner(
  manager: EntityManager,
  id: string,
): Promise<{ fellow_id: string; code: string } | undefined> {
  return runQueryFirst(manager, typedSql.selectFrom('milestones').select(['fellow_id', 'code']).where('id', '=', id));
}

/** Grants `days` more on one milestone (the cascade then moves due dates) and records the extension. */
export async function grantExtension(
  manager: EntityManager,
  extension: { milestoneId: string; days: number; reason: string; grantedBy: string },
  now: Date,
): Promise<void> {
  await runQuery(
    manager,
    typedSql
      .updateTable('milestones')
      .set((eb) => ({ extension_days: eb('extension_days', '+', extension.days), updated_at: now }))
      .where('id', '=', extension.milestoneId),
  );
  await runQuery(
    manager,
    typedSql.insertInto('milestone_extensions').values({
      milestone_id: extension.milestoneId,
      days: extension.days,
      reason: extension.reason,
      granted_by: extension.grantedBy,
    }),
  );
}

/** The fellow's milestones with their base date and the template rule they came from (none when made by hand). */
export function milestoneRules(
  manager: EntityManager,
  fellowId: string,
): Promise<
  Array<{
    id: string;
    base_due_on: string;
    anchor: TemplateRow['anchor'] | null;
    offset_months: number;
    offset_days: number;
  }>
> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('milestones as m')
      .leftJoin('milestone_templates as t', 't.id', 'm.template_id')
      .select((eb) => [
        'm.id',
        day(eb.ref('m.base_due_on')).as('base_due_on'),
        't.anchor',
        't.offset_months',
        't.offset_days',
      ])
      .where('m.fellow_id', '=', fellowId)
      .$narrowType<{
        id: string;
        base_due_on: string;
        anchor: TemplateRow['anchor'] | null;
        offset_months: number;
        offset_days: number;
      }>(),
  );
}

/** Sets the milestones' base dates (those that change). */
export async function moveBaseDates(
  manager: EntityManager,
  moved: Array<{ id: string; base_due_on: string }>,
  now: Date,
): Promise<void> {
  const x = sql<{ id: string; base_due_on: Date }>`jsonb_to_recordset(${JSON.stringify(moved)}::jsonb)`.as<'x'>(
    sql`x(id uuid, base_due_on date)`,
  );
  await runQuery(
    manager,
    typedSql
      .updateTable('milestones as m')
      .from(x)
      .set((eb) => ({ base_due_on: eb.ref('x.base_due_on'), updated_at: now }))
      .whereRef('m.id', '=', 'x.id')
      .whereRef('m.base_due_on', '<>', 'x.base_due_on'),
  );
}

/** due_on = base_due_on + the extension days of every milestone at or before it (peers by position included). */
export async function cascadeDueDates(manager: EntityManager, fellowId: string, now: Date): Promise<void> {
  const totals = typedSql
    .selectFrom('milestones')
    .select((eb) => [
      'id',
      'base_due_on',
      sql<number>`(${eb.fn.sum('extension_days').over((ob) => ob.orderBy('position'))})::int`.as('total'),
    ])
    .where('fellow_id', '=', fellowId)
    .as('x');
  await runQuery(
    manager,
    typedSql
      .updateTable('milestones as m')
      .from(totals)
      .set((eb) => ({ due_on: sql<Date>`${eb.ref('x.base_due_on')} + ${eb.ref('x.total')}`, updated_at: now }))
      .whereRef('m.id', '=', 'x.id')
      .where((eb) => eb('m.due_on', '<>', sql<Date>`${eb.ref('x.base_due_on')} + ${eb.ref('x.total')}`)),
  );
}

/** The fellow's due dates by code, in timeline order. */
export function dueDatesOf(manager: EntityManager, fellowId: string): Promise<Array<{ code: string; due_on: string }>> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('milestones')
      .select((eb) => ['code', day(eb.ref('due_on')).as('due_on')])
      .where('fellow_id', '=', fellowId)
      .orderBy('position')
      .orderBy('code'),
  );
}
