import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, Clock, type FieldError, NotFoundError, parseProgramLocal } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import { FieldCipher } from '@vgbf/encryption';
import { DataSource, type EntityManager } from 'typeorm';
import type { ActionItem, SessionMode } from '../entities/mentoring-session.entity';
import {
  confirmSession,
  deleteSession,
  insertSession,
  lockSession,
  type SessionRow,
  type SessionValues,
  sessionsOfPair,
  updateSession,
} from '../data-access/mentoring-sessions';
import { SessionConfirmedError, PairingEndedError, SessionInputError } from './mentoring-sessions.errors';
import { type PairAccess, pairFor } from './pair-access';
import { PlannedSessionsService } from './planned-sessions.service';
import type { ConfirmSessionDto, LogSessionDto, SessionView, UpdateSessionDto } from './session.dto';

/** A session may be logged from 30 days before the fellow's programme year starts (a first call before the trip). */
export const DAYS_BEFORE_START = 30;

const toView = (r: SessionRow): SessionView => ({
  id: r.id,
  pairingId: r.pairing_id,
  heldAt: r.held_at.toISOString(),
  durationMinutes: r.duration_minutes,
  mode: r.mode,
  topics: r.topics,
  otherTopic: r.other_topic,
  notes: r.notes,
  actionItems: r.action_items.map((a) => ({ text: a.text, dueOn: a.dueOn ?? null })),
  loggedBy: r.logged_by,
  confirmed: r.confirmed_at !== null,
  confirmedAt: r.confirmed_at?.toISOString() ?? null,
  rating: r.rating,
  ratingComment: r.rating_comment,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/**
 * A session as the audit keeps it: the notes and the rating comment are encrypted at rest, so the
 * audit (plaintext jsonb) says whether they changed, not what they say.
 */
const audited = (v: SessionView, before?: SessionView) => {
  const { notes: _notes, ratingComment: _comment, ...rest } = v;
  return before ? { ...rest, notesChanged: before.notes !== v.notes } : rest;
};

/** What is stored of a session (the log's fields, after the rules below). */
interface SessionFields {
  heldAt: Date;
  durationMinutes: number;
  mode: SessionMode;
  topics: string[];
  otherTopic: string | null;
  notes: string;
  actionItems: ActionItem[];
}

const stored = (f: SessionFields): SessionValues => ({
  held_at: f.heldAt,
  duration_minutes: f.durationMinutes,
  mode: f.mode,
  topics: f.topics,
  other_topic: f.otherTopic,
  notes: f.notes,
  action_items: f.actionItems,
});

/**
 * Mentoring sessions: the mentor logs, corrects and deletes them until the fellow confirms; the
 * fellow confirms once and may rate. Every change is audited in its own transaction.
 */
@Injectable()
export class MentoringSessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly plans: PlannedSessionsService,
    private readonly transactions: Transactions,
    private readonly cipher: FieldCipher,
  ) {}

  /** A pair's sessions, newest first, for its mentor, its fellow, or staff. */
  async list(actor: AuthenticatedUser, pairingId: string): Promise<SessionView[]> {
    await pairFor(this.db.manager, actor, pairingId, ['mentor', 'fellow', 'staff']);
    return this.ofPair(this.db.manager, pairingId);
  }

  async ofPair(manager: EntityManager, pairingId: string): Promise<SessionView[]> {
    const rows = await sessionsOfPair(manager, this.cipher, pairingId);
    return rows.map(toView);
  }

  async log(actor: AuthenticatedUser, pairingId: string, input: LogSessionDto): Promise<SessionView> {
    return this.transactions.run(async (manager) => {
      const pair = await pairFor(manager, actor, pairingId, ['mentor'], true);
      if (pair.status !== 'active') throw new PairingEndedError();
      const fields = this.checked(pair, {
        heldAt: new Date(input.heldAt),
        durationMinutes: input.durationMinutes,
        mode: input.mode,
        topics: input.topics,
        otherTopic: input.otherTopic || null,
        notes: input.notes ?? '',
        actionItems: (input.actionItems ?? []).map((a) => ({ text: a.text, dueOn: a.dueOn ?? null })),
      });
      const row = await insertSession(manager, this.cipher, pairingId, actor.id, stored(fields));
      const view = toView(row);
      // The planned session it records closes with it (its id prefilled the form).
      if (input.plannedSessionId) await this.plans.closeAsLogged(manager, pairingId, input.plannedSessionId, view.id);
      await this.audit.record(manager, actor, {
        action: 'mentoring_session.logged',
        entityType: 'mentoring_session',
        entityId: view.id,
        after: {
          pairingId,
          heldAt: view.heldAt,
          durationMinutes: view.durationMinutes,
          topics: view.topics,
          plannedSessionId: input.plannedSessionId ?? null,
        },
      });
      return view;
    });
  }

  async update(actor: AuthenticatedUser, id: string, input: UpdateSessionDto): Promise<SessionView> {
    return this.transactions.run(async (manager) => {
      const { before, pair } = await this.ownLogged(manager, actor, id);
      const fields = this.checked(pair, {
        heldAt: input.heldAt !== undefined ? new Date(input.heldAt) : before.held_at,
        durationMinutes: input.durationMinutes ?? before.duration_minutes,
        mode: input.mode ?? before.mode,
        topics: input.topics ?? before.topics,
        otherTopic: input.otherTopic !== undefined ? input.otherTopic || null : before.other_topic,
        notes: input.notes ?? before.notes,
        actionItems: input.actionItems
          ? input.actionItems.map((a) => ({ text: a.text, dueOn: a.dueOn ?? null }))
          : before.action_items,
      });
      const row = await updateSession(manager, this.cipher, id, stored(fields), this.clock.now());
      const view = toView(row);
      await this.audit.record(manager, actor, {
        action: 'mentoring_session.updated',
        entityType: 'mentoring_session',
        entityId: id,
        before: audited(toView(before)),
        after: audited(view, toView(before)),
      });
      return view;
    });
  }

  async remove(actor: AuthenticatedUser, id: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const { before } = await this.ownLogged(manager, actor, id);
      await this.plans.reopenFor(manager, id);
      await deleteSession(manager, id);
      await this.audit.record(manager, actor, {
        action: 'mentoring_session.deleted',
        entityType: 'mentoring_session',
        entityId: id,
        before: audited(toView(before)),
      });
    });
  }

  /** The fellow says the session took place (once), with an optional rating and comment. */
  async confirm(actor: AuthenticatedUser, id: string, input: ConfirmSessionDto): Promise<SessionView> {
    return this.transactions.run(async (manager) => {
      const before = await this.locked(manager, id);
      await pairFor(manager, actor, before.pairing_id, ['fellow']).catch(() => {
        throw new NotFoundError('Session', id);
      });
      if (before.confirmed_at) throw new SessionConfirmedError();
      const row = await confirmSession(
        manager,
        this.cipher,
        id,
        this.clock.now(),
        input.rating ?? null,
        input.comment || null,
      );
      const view = toView(row);
      await this.audit.record(manager, actor, {
        action: 'mentoring_session.confirmed',
        entityType: 'mentoring_session',
        entityId: id,
        after: { rating: view.rating, commented: view.ratingComment !== null },
      });
      return view;
    });
  }

  private async locked(manager: EntityManager, id: string): Promise<SessionRow> {
    const row = await lockSession(manager, this.cipher, id);
    if (!row) throw new NotFoundError('Session', id);
    return row;
  }

  /** A session the caller logged, still theirs to change: anyone else's is "not found", a confirmed one a 409. */
  private async ownLogged(
    manager: EntityManager,
    actor: AuthenticatedUser,
    id: string,
  ): Promise<{ before: SessionRow; pair: PairAccess }> {
    const before = await this.locked(manager, id);
    const pair = await pairFor(manager, actor, before.pairing_id, ['mentor']).catch(() => {
      throw new NotFoundError('Session', id);
    });
    if (before.logged_by !== actor.id) throw new NotFoundError('Session', id);
    if (before.confirmed_at) throw new SessionConfirmedError();
    // After a rematch the history stays as it was (the fellow may still confirm what took place).
    if (pair.status !== 'active') throw new PairingEndedError();
    return { before, pair };
  }

  /** The rules a DTO cannot state: when it may have been held, and "other" needs its topic. */
  private checked(pair: PairAccess, fields: SessionFields): SessionFields {
    const errors: FieldError[] = [];
    const earliest = parseProgramLocal(`${pair.fellowStartDate}T00:00`) as Date;
    earliest.setUTCDate(earliest.getUTCDate() - DAYS_BEFORE_START);
    if (fields.heldAt.getTime() > this.clock.now().getTime())
      errors.push({ field: 'heldAt', message: 'heldAt cannot be in the future', code: 'validation.not_in_future' });
    else if (fields.heldAt < earliest)
      errors.push({
        field: 'heldAt',
        message: `heldAt cannot be more than ${DAYS_BEFORE_START} days before the fellow starts (${pair.fellowStartDate})`,
        code: 'validation.session_before_start',
        params: { days: DAYS_BEFORE_START, start: pair.fellowStartDate },
      });
    if (fields.topics.includes('other') && !fields.otherTopic)
      errors.push({
        field: 'otherTopic',
        message: 'otherTopic is required with the topic "other"',
        code: 'validation.other_topic_required',
      });
    if (!fields.topics.includes('other') && fields.otherTopic)
      errors.push({
        field: 'otherTopic',
        message: 'otherTopic goes with the topic "other"',
        code: 'validation.other_topic_unexpected',
      });
    if (errors.length) throw new SessionInputError(errors);
    return fields;
  }
}
