import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, Clock, NotFoundError, programDay } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import { DataSource, type EntityManager } from 'typeorm';
import { CheckpointsLockedError, InvalidCheckpointsError } from '../cohorts.errors';
import { Cohort } from '../entities/cohort.entity';
import { type FeedbackCheckpoint, checkpointErrors } from './checkpoint-rules';
import type { FeedbackCheckpointsDto, FeedbackCheckpointsView } from './feedback-checkpoints.dto';

/** The stored form: only the fields a checkpoint has, in a fixed order (what the audit compares). */
const stored = (checkpoints: readonly FeedbackCheckpoint[]): FeedbackCheckpoint[] =>
  checkpoints.map((c) => ({
    code: c.code,
    title: { vi: c.title.vi, en: c.title.en },
    opens: { from: c.opens.from, days: c.opens.days },
    openForDays: c.openForDays,
    questions: c.questions.map((q) => ({
      code: q.code,
      kind: q.kind,
      required: q.required,
      title: { vi: q.title.vi, en: q.title.en },
    })),
  }));

/**
 * A cohort's feedback checkpoints (a new cohort starts from config/feedback.json, a copy from its source),
 * editable by staff until the programme starts, like the milestone template: the start date reached in
 * Vietnam, which is when the first forms can open. Every change audited.
 */
@Injectable()
export class FeedbackCheckpointsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  async view(cohortId: string): Promise<FeedbackCheckpointsView> {
    return this.toView(await this.cohort(this.db.manager, cohortId));
  }

  /** The checkpoints the cohort's fellows and mentors answer (what mentoring and the reports read). */
  async checkpoints(
    cohortId: string,
    manager: EntityManager = this.transactions.current(),
  ): Promise<FeedbackCheckpoint[]> {
    return (await this.cohort(manager, cohortId)).feedbackCheckpoints;
  }

  async replace(
    actor: AuthenticatedUser,
    cohortId: string,
    input: FeedbackCheckpointsDto,
  ): Promise<FeedbackCheckpointsView> {
    return this.transactions.run(async (manager) => {
      const cohort = await this.cohort(manager, cohortId, true);
      const errors = checkpointErrors(input.checkpoints, cohort.trackMonths);
      if (errors.length) throw new InvalidCheckpointsError(errors);
      if (programDay(this.clock.now()) >= cohort.programmeStartDate)
        throw new CheckpointsLockedError(cohort.programmeStartDate);
      const before = cohort.feedbackCheckpoints;
      const after = stored(input.checkpoints);
      await manager.update(Cohort, { id: cohortId }, { feedbackCheckpoints: after });
      await this.audit.record(manager, actor, {
        action: 'cohort.feedback_checkpoints_updated',
        entityType: 'cohort',
        entityId: cohortId,
        before: { checkpoints: before },
        after: { checkpoints: after },
      });
      return this.toView({ ...cohort, feedbackCheckpoints: after });
    });
  }

  private async cohort(manager: EntityManager, id: string, lock = false): Promise<Cohort> {
    const cohort = await manager
      .getRepository(Cohort)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!cohort) throw new NotFoundError('Cohort', id);
    return cohort;
  }

  private toView(cohort: Cohort): FeedbackCheckpointsView {
    return {
      cohortId: cohort.id,
      trackMonths: cohort.trackMonths,
      programmeStartDate: cohort.programmeStartDate,
      editable: programDay(this.clock.now()) < cohort.programmeStartDate,
      checkpoints: cohort.feedbackCheckpoints,
    };
  }
}
