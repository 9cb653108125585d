import { runQuery, typedSql } from '@vgbf/database';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';

/** A reminder step to record (due_on YYYY-MM-DD, due_time '' or HH:MM). */
export interface LogRow {
  subject_id: string;
  step: string;
  due_on: string;
  due_time: string;
  recipient_id: string;
  delivery: string;
}

type Claimed = Omit<LogRow, 'delivery'>;

const dueOn = sql<string>`to_char(${sql.ref('due_on')}, 'YYYY-MM-DD')`;

/** Records the steps; returns those this call recorded (a step logged before is skipped). */
export function claimReminders(manager: EntityManager, family: string, rows: LogRow[], now: Date): Promise<Claimed[]> {
  return runQuery(
    manager,
    typedSql
      .insertInto('reminder_log')
      .columns(['family', 'subject_id', 'step', 'due_on', 'due_time', 'recipient_id', 'delivery', 'created_at'])
      .expression(
        sql`SELECT ${family}, x.subject_id, x.step, x.due_on, x.due_time, x.recipient_id, x.delivery, ${now}::timestamptz
              FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
                AS x(subject_id uuid, step text, due_on date, due_time text, recipient_id uuid, delivery text)`,
      )
      .onConflict((oc) =>
        oc.columns(['family', 'subject_id', 'step', 'due_on', 'due_time', 'recipient_id']).doNothing(),
      )
      .returning(['subject_id', 'step', dueOn.as('due_on'), 'due_time', 'recipient_id']),
  );
}

export interface LoggedRow {
  subjectId: string;
  step: string;
  dueOn: string;
  recipientId: string;
  delivery: string;
  createdAt: Date;
  day: string;
}

/** The family's log rows recorded between two days (Vietnam, inclusive), newest first. */
export function loggedBetween(manager: EntityManager, family: string, from: string, to: string): Promise<LoggedRow[]> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('reminder_log')
      .select([
        'subject_id as subjectId',
        'step',
        dueOn.as('dueOn'),
        'recipient_id as recipientId',
        'delivery',
        'created_at as createdAt',
        sql<string>`to_char(${sql.ref('created_at')} AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`.as('day'),
      ])
      .where('family', '=', family)
      .where('created_at', '>=', sql<Date>`(${from}::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`)
      .where('created_at', '<', sql<Date>`(${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc'),
  );
}

/** The steps logged for these subjects, per (subject, due day and time, recipient), in the order logged. */
export function loggedSteps(
  manager: EntityManager,
  family: string,
  subjectIds: string[],
): Promise<Array<{ subject_id: string; due_on: string; due_time: string; recipient_id: string; steps: string[] }>> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('reminder_log')
      .select([
        'subject_id',
        dueOn.as('due_on'),
        'due_time',
        'recipient_id',
        sql<string[]>`array_agg(${sql.ref('step')} ORDER BY ${sql.ref('id')})`.as('steps'),
      ])
      .where('family', '=', family)
      .where(sql<boolean>`${sql.ref('subject_id')} = ANY(${subjectIds}::uuid[])`)
      .groupBy(['subject_id', 'due_on', 'due_time', 'recipient_id']),
  );
}
