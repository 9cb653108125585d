import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { CohortsService } from '@vgbf/cohorts';
import { readProgramData } from '@vgbf/config';
import { type AuthenticatedUser, type FieldError, parseProgramLocal, toProgramLocal } from '@vgbf/core';
import { Transactions, runQueryFirst, typedSql } from '@vgbf/database';
import { DataSource, type EntityManager } from 'typeorm';
import { InvalidRubricError, RubricLockedError } from './committee.errors';
import type { RoundView, RubricDto, UpdateRoundDto } from './dto/round.dto';
import { ReviewRound } from './entities/review-round.entity';
import type { Rubric } from './rubric';

/** Reviews submitted in a cohort: once there is one, the rubric is fixed. */
export async function reviewsInCohort(manager: EntityManager, cohortId: string): Promise<number> {
  const row = await runQueryFirst(
    manager,
    typedSql
      .selectFrom('reviews')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('cohort_id', '=', cohortId),
  );
  return Number(row?.n ?? 0);
}

/** Anchors are keyed by a score "1"…"5", each with both languages. */
function anchorErrors(rubric: RubricDto): FieldError[] {
  const errors: FieldError[] = [];
  rubric.criteria.forEach((criterion, i) => {
    for (const [score, text] of Object.entries(criterion.anchors ?? {})) {
      const field = `criteria.${i}.anchors.${score}`;
      if (!['1', '2', '3', '4', '5'].includes(score))
        errors.push({ field, message: `${field}: anchors are for scores 1 to 5`, code: 'validation.anchor_score' });
      else if (typeof text?.vi !== 'string' || typeof text?.en !== 'string' || !text.vi.trim() || !text.en.trim())
        errors.push({
          field,
          message: `${field} needs a text in Vietnamese (vi) and English (en)`,
          code: 'validation.anchor_languages',
        });
    }
  });
  return errors;
}

/** A cohort's review round settings and rubric (defaults from config/rubric.json until staff change them). */
@Injectable()
export class RoundsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cohorts: CohortsService,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  /** The round, created with the defaults on first use (concurrent first uses create one). */
  async round(cohortId: string, manager: EntityManager = this.transactions.current()): Promise<ReviewRound> {
    await this.cohorts.get(cohortId); // 404 for an unknown cohort
    // Read first: every board and round page asks for it, and only the first use has to write it.
    const existing = await manager.getRepository(ReviewRound).findOneBy({ cohortId });
    if (existing) return existing;
    await manager
      .createQueryBuilder()
      .insert()
      .into(ReviewRound)
      .values({ cohortId, rubric: readProgramData('rubric.json') as Rubric })
      .orIgnore()
      .execute();
    return manager.getRepository(ReviewRound).findOneByOrFail({ cohortId });
  }

  async view(cohortId: string): Promise<RoundView> {
    const round = await this.round(cohortId);
    return this.toView(round, (await reviewsInCohort(this.db.manager, cohortId)) === 0);
  }

  async update(actor: AuthenticatedUser, cohortId: string, input: UpdateRoundDto): Promise<RoundView> {
    return this.transactions.run(async (manager) => {
      const round = await this.lock(manager, cohortId);
      const before = this.settings(round);
      if (input.reviewersPerApplication !== undefined) round.reviewersPerApplication = input.reviewersPerApplication;
      if (input.reviewDeadline === null) {
        round.reviewDeadline = null;
      } else if (input.reviewDeadline !== undefined) {
        const deadline = parseProgramLocal(input.reviewDeadline);
        if (!deadline) {
          throw new InvalidRubricError([
            {
              field: 'reviewDeadline',
              message: 'reviewDeadline is not a real date and time',
              code: 'validation.local_date_time',
            },
          ]);
        }
        round.reviewDeadline = deadline;
      }
      if (input.disagreementGap !== undefined) round.disagreementGap = input.disagreementGap.toFixed(2);
      const saved = await manager.getRepository(ReviewRound).save(round);
      await this.audit.record(manager, actor, {
        action: 'review_round.updated',
        entityType: 'cohort',
        entityId: cohortId,
        before,
        after: this.settings(saved),
      });
      return this.toView(saved, (await reviewsInCohort(manager, cohortId)) === 0);
    });
  }

  /** Staff edit the rubric until the first review is submitted on it. */
  async updateRubric(actor: AuthenticatedUser, cohortId: string, rubric: RubricDto): Promise<RoundView> {
    return this.transactions.run(async (manager) => {
      const round = await this.lock(manager, cohortId);
      const errors = anchorErrors(rubric);
      if (errors.length) throw new InvalidRubricError(errors);
      if ((await reviewsInCohort(manager, cohortId)) > 0) throw new RubricLockedError();
      const before = round.rubric;
      round.rubric = { criteria: rubric.criteria.map((c) => ({ ...c, anchors: { ...c.anchors } })) };
      const saved = await manager.getRepository(ReviewRound).save(round);
      await this.audit.record(manager, actor, {
        action: 'review_round.rubric_updated',
        entityType: 'cohort',
        entityId: cohortId,
        before: before as unknown as Record<string, unknown>,
        after: saved.rubric as unknown as Record<string, unknown>,
      });
      return this.toView(saved, true);
    });
  }

  private async lock(manager: EntityManager, cohortId: string): Promise<ReviewRound> {
    await this.round(cohortId, manager);
    return manager
      .getRepository(ReviewRound)
      .findOneOrFail({ where: { cohortId }, lock: { mode: 'pessimistic_write' } });
  }

  private settings(round: ReviewRound): Record<string, unknown> {
    return {
      reviewersPerApplication: round.reviewersPerApplication,
      reviewDeadline: round.reviewDeadline?.toISOString() ?? null,
      disagreementGap: Number(round.disagreementGap),
    };
  }

  private toView(round: ReviewRound, rubricEditable: boolean): RoundView {
    return {
      cohortId: round.cohortId,
      rubric: round.rubric,
      rubricEditable,
      reviewersPerApplication: round.reviewersPerApplication,
      reviewDeadline: round.reviewDeadline?.toISOString() ?? null,
      reviewDeadlineLocal: round.reviewDeadline ? toProgramLocal(round.reviewDeadline) : null,
      disagreementGap: Number(round.disagreementGap),
    };
  }
}
