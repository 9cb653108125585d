import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { FeedbackCheckpointsService } from '@vgbf/cohorts';
import { type AuthenticatedUser, Clock, NotFoundError, programDay } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import { DataSource, type EntityManager } from 'typeorm';
import type { FeedbackAuthorRole } from '../entities/feedback-answer.entity';
import { PairingEndedError } from '../sessions/mentoring-sessions.errors';
import { pairFor } from '../sessions/pair-access';
import type { FeedbackAnswersView } from '../sessions/pair.dto';
import { answerErrors, checkpointWindow } from './feedback-forms';
import type { CheckpointState, MyFeedbackView, SubmitFeedbackDto } from './feedback.dto';
import { FeedbackAlreadyGivenError, FeedbackAnswersError, FeedbackNotOpenError } from './feedback.errors';

interface AnswerRow {
  checkpoint: string;
  author_role: FeedbackAuthorRole;
  author_id: string;
  answers: Record<string, unknown>;
  created_at: Date;
}

/**
 * Feedback at the checkpoints of the pair's cohort (its own setting, from config/feedback.json when created):
 * each side of a pair answers each checkpoint once while it is open, and sees only its own answers.
 * Staff read both sides through the pair's activity.
 */
@Injectable()
export class FeedbackService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cohortCheckpoints: FeedbackCheckpointsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  /** The checkpoints of the pair for the caller's side, with that side's answers only. */
  async mine(actor: AuthenticatedUser, pairingId: string): Promise<MyFeedbackView> {
    const pair = await pairFor(this.db.manager, actor, pairingId, ['mentor', 'fellow']);
    const role = pair.side as FeedbackAuthorRole;
    const rows = await this.db.query<AnswerRow[]>(
      `SELECT checkpoint, author_role, author_id, answers, created_at
         FROM feedback_answers WHERE pairing_id = $1 AND author_role = $2`,
      [pairingId, role],
    );
    const today = this.today();
    const year = { startDate: pair.fellowStartDate, endDate: pair.fellowEndDate };
    const checkpoints = await this.cohortCheckpoints.checkpoints(pair.cohortId);
    return {
      authorRole: role,
      checkpoints: checkpoints.map((c) => {
        const window = checkpointWindow(c, year);
        const mine = rows.find((r) => r.checkpoint === c.code);
        const state: CheckpointState = mine
          ? 'answered'
          : today < window.opensOn
            ? 'upcoming'
            : today > window.closesOn
              ? 'closed'
              : 'open';
        return {
          code: c.code,
          title: c.title,
          state,
          ...window,
          questions: c.questions,
          myAnswers: mine?.answers ?? null,
          answeredAt: mine?.created_at.toISOString() ?? null,
        };
      }),
    };
  }

  /** One side answers a checkpoint, once, while it is open; the answers are checked against its form. */
  async submit(
    actor: AuthenticatedUser,
    pairingId: string,
    code: string,
    input: SubmitFeedbackDto,
  ): Promise<MyFeedbackView> {
    await this.transactions.run(async (manager) => {
      const pair = await pairFor(manager, actor, pairingId, ['mentor', 'fellow'], true);
      if (pair.status !== 'active') throw new PairingEndedError();
      const checkpoint = (await this.cohortCheckpoints.checkpoints(pair.cohortId, manager)).find(
        (c) => c.code === code,
      );
      if (!checkpoint) throw new NotFoundError('Checkpoint', code);
      const errors = answerErrors(checkpoint, input.answers);
      if (errors.length) throw new FeedbackAnswersError(errors);
      const window = checkpointWindow(checkpoint, { startDate: pair.fellowStartDate, endDate: pair.fellowEndDate });
      const today = this.today();
      if (today < window.opensOn || today > window.closesOn)
        throw new FeedbackNotOpenError(code, window.opensOn, window.closesOn);
      const inserted = await manager.query<Array<{ id: string }>>(
        `INSERT INTO feedback_answers (pairing_id, checkpoint, author_role, author_id, answers)
         VALUES ($1, $2, $3, $4, $5::jsonb)
         ON CONFLICT (pairing_id, checkpoint, author_role) DO NOTHING RETURNING id`,
        [pairingId, code, pair.side, actor.id, JSON.stringify(input.answers)],
      );
      if (!inserted[0]) throw new FeedbackAlreadyGivenError(code);
      await this.audit.record(manager, actor, {
        action: 'feedback.given',
        entityType: 'pairing',
        entityId: pairingId,
        after: { checkpoint: code, authorRole: pair.side },
      });
    });
    return this.mine(actor, pairingId);
  }

  /** Both sides' answers, for staff. */
  async answersOfPair(manager: EntityManager, pairingId: string): Promise<FeedbackAnswersView[]> {
    const rows = await manager.query<AnswerRow[]>(
      `SELECT checkpoint, author_role, author_id, answers, created_at
         FROM feedback_answers WHERE pairing_id = $1 ORDER BY created_at, author_role`,
      [pairingId],
    );
    return rows.map((r) => ({
      checkpoint: r.checkpoint,
      authorRole: r.author_role,
      authorId: r.author_id,
      answers: r.answers,
      answeredAt: r.created_at.toISOString(),
    }));
  }

  /** Today's date in Vietnam, the calendar the fellows' years are written in. */
  private today(): string {
    return programDay(this.clock.now());
  }
}
