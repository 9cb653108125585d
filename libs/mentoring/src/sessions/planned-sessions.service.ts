import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, Clock, type FieldError } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import { DataSource, type EntityManager } from 'typeorm';
import {
  insertPlannedSession,
  lockPlannedSession,
  type PlanRow,
  plannedSessionsOf,
  reopenPlannedSessionOf,
  updatePlannedSession,
} from '../data-access/planned-sessions';
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
    const rows = await plannedSessionsOf(this.db.manager, pairingId, this.clock.now(), PLAN_HISTORY_DAYS);
    return rows.map((r) => toView(r, pair.mentorId));
  }

  async plan(actor: AuthenticatedUser, pairingId: string, input: PlanSessionDto): Promise<PlannedSessionView> {
    return this.transactions.run(async (manager) => {
      const pair = await pairFor(manager, actor, pairingId, ['mentor', 'fellow'], true);
      if (pair.status !== 'active') throw new PairingEndedError();
      const startsAt = this.checkedStart(new Date(input.startsAt));
      const row = await insertPlannedSession(manager, {
        pairing_id: pairingId,
        starts_at: startsAt,
        duration_minutes: input.durationMinutes,
        mode: input.mode,
        topics: input.topics ?? [],
        agenda: input.agenda ?? '',
        scheduled_by: actor.id,
      });
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
      const row = await updatePlannedSession(manager, id, {
        starts_at: startsAt,
        duration_minutes: input.durationMinutes ?? before.duration_minutes,
        mode: input.mode ?? before.mode,
        topics: input.topics ?? before.topics,
        agenda: input.agenda ?? before.agenda,
        updated_at: this.clock.now(),
      });
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
      const now = this.clock.now();
      const row = await updatePlannedSession(manager, id, { status: 'cancelled', cancelled_at: now, updated_at: now });
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
    await updatePlannedSession(manager, id, { status: 'logged', session_id: sessionId, updated_at: this.clock.now() });
  }

  /** A logged session deleted before confirmation: its planned session is open again. */
  async reopenFor(manager: EntityManager, sessionId: string): Promise<void> {
    await reopenPlannedSessionOf(manager, sessionId, this.clock.now());
  }

  private async locked(manager: EntityManager, id: string): Promise<PlanRow> {
    const row = await lockPlannedSession(manager, id);
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
