import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { FeedbackCheckpointsService } from '@vgbf/cohorts';
import { type AuthenticatedUser, Clock, NotFoundError, programDay } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import { DataSource, type EntityManager } from 'typeorm';
import { answersOfBothSides, answersOfSide, insertAnswers } from '../data-access/feedback-answers';
import type { FeedbackAuthorRole } from '../entities/feedback-answer.entity';
import { PairingEndedError } from '../sessions/mentoring-sessions.errors';
import { pairFor } from '../sessions/pair-access';
import type { FeedbackAnswersView } from '../sessions/pair.dto';
import { answerErrors, checkpointWindow } from './feedback-forms';
import type { CheckpointState, MyFeedbackView, SubmitFeedbackDto } from './feedback.dto';
import { FeedbackAlreadyGivenError, FeedbackAnswersError, FeedbackNotOpenError } from './feedback.errors';

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
    const rows = await answersOfSide(this.db.manager, pairingId, role);
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
      const inserted = await insertAnswers(manager, {
        pairing_id: pairingId,
        checkpoint: code,
        author_role: pair.side as FeedbackAuthorRole,
        author_id: actor.id,
        answers: input.answers,
      });
      if (!inserted) throw new FeedbackAlreadyGivenError(code);
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
    const rows = await answersOfBothSides(manager, pairingId);
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
