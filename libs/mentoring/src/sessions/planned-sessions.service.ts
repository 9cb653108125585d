import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, Clock, type FieldError } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import { DataSource, type EntityManager } from 'typeorm';
import type { SessionMode } from '../entities/mentoring-session.entity';
import type { PlannedSessionStatus } from '../entities/planned-session.entity';
import {
  PairingEndedError,
  PlannedSessionClosedError,
  PlannedSessionNotFoundError,
  SessionInputError,
} from './mentoring-sessions.errors';
import { type PairAccess, pairFor } from './pair-access';
import {
  PLAN_DAYS_AHEAD,
  type PlanSessionDto,
  type PlannedSessionView,
  type UpdatePlannedSessionDto,
} from './planned-session.dto';

const DAY_MS = 86_400_000;
/** Cancelled and past sessions stay on the list this long, so the other side sees what changed. */
export const PLAN_HISTORY_DAYS = 30;

interface PlanRow {
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

const COLUMNS = `id, pairing_id, starts_at, duration_minutes, mode, topics, agenda, status, scheduled_by, session_id,
  cancelled_at, updated_at`;

const toView = (r: PlanRow, mentorId: string): PlannedSessionView => ({
  id: r.id,
  pairingId: r.pairing_id,
  startsAt: r.starts_at.toISOString(),
  durationMinutes: r.duration_minutes,
  mode: r.mode,
  topics: r.topics,
  agenda: r.agenda,
  status: r.status,
  scheduledBy: r.scheduled_by,
  scheduledBySide: r.scheduled_by === mentorId ? 'mentor' : 'fellow',
  sessionId: r.session_id,
  cancelledAt: r.cancelled_at?.toISOString() ?? null,
  updatedAt: r.updated_at.toISOString(),
});

/**
 * Upcoming sessions of a pair: either side schedules, reschedules or cancels one; after it took
 * place the mentor logs it (MentoringSessionsService.log with its id), which closes it. Another
 * pair's planned session is a 404; every change is audited in its own transaction.
 */
@Injectable()
export class PlannedSessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  /** Planned ones, and cancelled or logged ones of the last 30 days, soonest first. */
  async list(actor: AuthenticatedUser, pairingId: string): Promise<PlannedSessionView[]> {
    const pair = await pairFor(this.db.manager, actor, pairingId, ['mentor', 'fellow', 'staff']);
    const rows = await this.db.query<PlanRow[]>(
      `SELECT ${COLUMNS} FROM planned_sessions
        WHERE pairing_id = $1 AND (status = 'planned' OR starts_at >= $2::timestamptz - make_interval(days => $3))
        ORDER BY starts_at, id`,
      [pairingId, this.clock.now(), PLAN_HISTORY_DAYS],
    );
    return rows.map((r) => toView(r, pair.mentorId));
  }

  async plan(actor: AuthenticatedUser, pairingId: string, input: PlanSessionDto): Promise<PlannedSessionView> {
    return this.transactions.run(async (manager) => {
      const pair = await pairFor(manager, actor, pairingId, ['mentor', 'fellow'], true);
      if (pair.status !== 'active') throw new PairingEndedError();
      const startsAt = this.checkedStart(new Date(input.startsAt));
      const [row] = await manager.query<PlanRow[]>(
        `INSERT INTO planned_sessions (pairing_id, starts_at, duration_minutes, mode, topics, agenda, scheduled_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
        [pairingId, startsAt, input.durationMinutes, input.mode, input.topics ?? [], input.agenda ?? '', actor.id],
      );
      const view = toView(row, pair.mentorId);
      await this.audit.record(manager, actor, {
        action: 'planned_session.scheduled',
        entityType: 'planned_session',
        entityId: view.id,
        after: { pairingId, startsAt: view.startsAt, durationMinutes: view.durationMinutes, mode: view.mode },
      });
      return view;
    });
  }

  async update(actor: AuthenticatedUser, id: string, input: UpdatePlannedSessionDto): Promise<PlannedSessionView> {
    return this.transactions.run(async (manager) => {
      const { before, pair } = await this.open(manager, actor, id);
      const startsAt = input.startsAt !== undefined ? this.checkedStart(new Date(input.startsAt)) : before.starts_at;
      const [[row]] = await manager.query<[PlanRow[], number]>(
        `UPDATE planned_sessions
            SET starts_at = $2, duration_minutes = $3, mode = $4, topics = $5, agenda = $6, updated_at = $7
          WHERE id = $1 RETURNING ${COLUMNS}`,
        [
          id,
          startsAt,
          input.durationMinutes ?? before.duration_minutes,
          input.mode ?? before.mode,
          input.topics ?? before.topics,
          input.agenda ?? before.agenda,
          this.clock.now(),
        ],
      );
      const view = toView(row, pair.mentorId);
      await this.audit.record(manager, actor, {
        action: 'planned_session.updated',
        entityType: 'planned_session',
        entityId: id,
        before: { ...toView(before, pair.mentorId) },
        after: { ...view },
      });
      return view;
    });
  }

  async cancel(actor: AuthenticatedUser, id: string): Promise<PlannedSessionView> {
    return this.transactions.run(async (manager) => {
      const { pair } = await this.open(manager, actor, id);
      const [[row]] = await manager.query<[PlanRow[], number]>(
        `UPDATE planned_sessions SET status = 'cancelled', cancelled_at = $2, updated_at = $2
          WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, this.clock.now()],
      );
      await this.audit.record(manager, actor, {
        action: 'planned_session.cancelled',
        entityType: 'planned_session',
        entityId: id,
      });
      return toView(row, pair.mentorId);
    });
  }

  /**
   * Inside the mentor's log transaction: the planned session of this pair becomes the logged
   * session. Another pair's (or an unknown) one is a 404; a cancelled or logged one a 409.
   */
  async closeAsLogged(manager: EntityManager, pairingId: string, id: string, sessionId: string): Promise<void> {
    const before = await this.locked(manager, id);
    if (before.pairing_id !== pairingId) throw new PlannedSessionNotFoundError(id);
    if (before.status !== 'planned') throw new PlannedSessionClosedError(before.status);
    await manager.query(
      `UPDATE planned_sessions SET status = 'logged', session_id = $2, updated_at = $3 WHERE id = $1`,
      [id, sessionId, this.clock.now()],
    );
  }

  /** A logged session deleted before confirmation: its planned session is open again. */
  async reopenFor(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.query(
      `UPDATE planned_sessions SET status = 'planned', session_id = NULL, updated_at = $2 WHERE session_id = $1`,
      [sessionId, this.clock.now()],
    );
  }

  private async locked(manager: EntityManager, id: string): Promise<PlanRow> {
    const [row] = await manager.query<PlanRow[]>(`SELECT ${COLUMNS} FROM planned_sessions WHERE id = $1 FOR UPDATE`, [
      id,
    ]);
    if (!row) throw new PlannedSessionNotFoundError(id);
    return row;
  }

  /** A planned session of the caller's active pair, still open to change. */
  private async open(
    manager: EntityManager,
    actor: AuthenticatedUser,
    id: string,
  ): Promise<{ before: PlanRow; pair: PairAccess }> {
    const before = await this.locked(manager, id);
    const pair = await pairFor(manager, actor, before.pairing_id, ['mentor', 'fellow']).catch(() => {
      throw new PlannedSessionNotFoundError(id);
    });
    if (pair.status !== 'active') throw new PairingEndedError();
    if (before.status !== 'planned') throw new PlannedSessionClosedError(before.status);
    return { before, pair };
  }

  /** In the future, and within a year. */
  private checkedStart(startsAt: Date): Date {
    const now = this.clock.now().getTime();
    const errors: FieldError[] = [];
    if (startsAt.getTime() <= now)
      errors.push({ field: 'startsAt', message: 'startsAt must be in the future', code: 'validation.in_future' });
    else if (startsAt.getTime() > now + PLAN_DAYS_AHEAD * DAY_MS)
      errors.push({
        field: 'startsAt',
        message: `startsAt must be within ${PLAN_DAYS_AHEAD} days`,
        code: 'validation.within_days',
        params: { days: PLAN_DAYS_AHEAD },
      });
    if (errors.length) throw new SessionInputError(errors);
    return startsAt;
  }
}
