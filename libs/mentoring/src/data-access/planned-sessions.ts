import { type Database, runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import { sql, type Updateable } from 'kysely';
import type { EntityManager } from 'typeorm';
import type { SessionMode } from '../entities/mentoring-session.entity';
import type { PlannedSessionStatus } from '../entities/planned-session.entity';

export interface PlanRow {
  id: string;
  pairing_id: string;
  starts_at: Date;
  duration_minutes: number;
  mode: SessionMode;
  topics: string[];
  agenda: string;
  status: PlannedSessionStatus;
  scheduled_by: string;
  session_id: string | null;
  cancelled_at: Date | null;
  updated_at: Date;
}

const COLUMNS = [
  'id',
  'pairing_id',
  'starts_at',
  'duration_minutes',
  'mode',
  'topics',
  'agenda',
  'status',
  'scheduled_by',
  'session_id',
  'cancelled_at',
  'updated_at',
] as const;

type Narrow = { mode: SessionMode; status: PlannedSessionStatus };

/** Planned ones, and cancelled or logged ones of the last `historyDays` days, soonest first. */
export function plannedSessionsOf(
  manager: EntityManager,
  pairingId: string,
  now: Date,
  historyDays: number,
): Promise<PlanRow[]> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('planned_sessions')
      .select(COLUMNS)
      .where('pairing_id', '=', pairingId)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'planned'),
          eb('starts_at', '>=', sql<Date>`${now}::timestamptz - make_interval(days => ${historyDays})`),
        ]),
      )
      .orderBy('starts_at')
      .orderBy('id')
      .$narrowType<Narrow>(),
  );
}

export async function insertPlannedSession(
  manager: EntityManager,
  values: {
    pairing_id: string;
    starts_at: Date;
    duration_minutes: number;
    mode: SessionMode;
    topics: string[];
    agenda: string;
    scheduled_by: string;
  },
): Promise<PlanRow> {
  const [row] = await runQuery(
    manager,
    typedSql.insertInto('planned_sessions').values(values).returning(COLUMNS).$narrowType<Narrow>(),
  );
  return row;
}

/** Updates one planned session; returns it as it is now. */
export async function updatePlannedSession(
  manager: EntityManager,
  id: string,
  values: Updateable<Database['planned_sessions']>,
): Promise<PlanRow> {
  const [row] = await runQuery(
    manager,
    typedSql.updateTable('planned_sessions').set(values).where('id', '=', id).returning(COLUMNS).$narrowType<Narrow>(),
  );
  return row;
}

/** A logged session deleted before confirmation: its planned session is open again. */
export async function reopenPlannedSessionOf(manager: EntityManager, sessionId: string, now: Date): Promise<void> {
  await runQuery(
    manager,
    typedSql
      .updateTable('planned_sessions')
      .set({ status: 'planned', session_id: null, updated_at: now })
      .where('session_id', '=', sessionId),
  );
}

/** The planned session, locked FOR UPDATE. */
export function lockPlannedSession(manager: EntityManager, id: string): Promise<PlanRow | undefined> {
  return runQueryFirst(
    manager,
    typedSql.selectFrom('planned_sessions').select(COLUMNS).where('id', '=', id).forUpdate().$narrowType<Narrow>(),
  );
}
