import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Application } from '@vgbf/applications';
import { AuditService } from '@vgbf/audit';
import { CohortsService } from '@vgbf/cohorts';
import { type AuthenticatedUser, Clock, NotFoundError, formatInProgramZone } from '@vgbf/core';
import { DataSource, type EntityManager } from 'typeorm';
import { InvalidScoresError, ReviewClosedError, RoundNotOpenError } from './committee.errors';
import type { BlindReviewView, MyAssignment, ReviewView, SubmitReviewDto } from './dto/review.dto';
import { Review } from './entities/review.entity';
import { ReviewAssignment } from './entities/review-assignment.entity';
import type { ReviewRound } from './entities/review-round.entity';
import { RoundsService } from './rounds.service';
import { scoreErrors, weightedMean } from './rubric';

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The reviewer's side: their assignments, the blind application, and their review of it. */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cohorts: CohortsService,
    private readonly rounds: RoundsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async mine(actor: AuthenticatedUser): Promise<MyAssignment[]> {
    const rows = await this.db.query<
      Array<{
        id: string;
        application_id: string;
        cohort_id: string;
        enterprise_name: string | null;
        sector: string | null;
        hub_preferences: string[];
        reviewed: boolean;
        review_deadline: Date | null;
      }>
    >(
      `SELECT a.id, a.application_id, a.cohort_id, app.enterprise->>'name' AS enterprise_name,
              app.enterprise->>'sector' AS sector, app.hub_preferences,
              (r.assignment_id IS NOT NULL) AS reviewed, rr.review_deadline
         FROM review_assignments a
         JOIN applications app ON app.id = a.application_id
         LEFT JOIN reviews r ON r.assignment_id = a.id
         LEFT JOIN review_rounds rr ON rr.cohort_id = a.cohort_id
        WHERE a.reviewer_id = $1
        ORDER BY reviewed, app.enterprise->>'name', a.id`,
      [actor.id],
    );
    return rows.map((r) => ({
      assignmentId: r.id,
      applicationId: r.application_id,
      cohortId: r.cohort_id,
      enterpriseName: r.enterprise_name,
      sector: r.sector,
      hubPreferences: r.hub_preferences,
      reviewed: r.reviewed,
      reviewDeadline: r.review_deadline?.toISOString() ?? null,
    }));
  }

  /** The blind view of an assignment of the actor's; anyone else's assignment does not exist for them. */
  async blind(actor: AuthenticatedUser, assignmentId: string): Promise<BlindReviewView> {
    const assignment = await this.own(this.db.manager, actor, assignmentId);
    const app = await this.db.getRepository(Application).findOneByOrFail({ id: assignment.applicationId });
    const round = await this.rounds.round(assignment.cohortId);
    const review = await this.db.getRepository(Review).findOneBy({ assignmentId });
    const e = app.enterprise;
    return {
      assignmentId,
      applicationId: app.id,
      enterprise: {
        name: str(e.name),
        sector: str(e.sector),
        foundingYear: typeof e.foundingYear === 'number' ? e.foundingYear : null,
        employeesBand: str(e.employeesBand),
        revenueBand: str(e.revenueBand),
        exportMarkets: Array.isArray(e.exportMarkets) ? (e.exportMarkets as string[]) : [],
      },
      region: app.region,
      languages: app.languages,
      hubPreferences: app.hubPreferences,
      essays: {
        motivation: str(app.essays.motivation),
        marketEntryPlan: str(app.essays.marketEntryPlan),
        ambassador: str(app.essays.ambassador),
      },
      rubric: round.rubric,
      review: review ? this.toView(review) : null,
      editable: (await this.closedReason(assignment.cohortId, round)) === null,
      reviewDeadline: round.reviewDeadline?.toISOString() ?? null,
    };
  }

  /** Scores (or re-scores) an assignment while the round is open; every change is audited with the scores before. */
  async submit(actor: AuthenticatedUser, assignmentId: string, input: SubmitReviewDto): Promise<ReviewView> {
    return this.db.transaction(async (manager) => {
      const assignment = await this.own(manager, actor, assignmentId, true);
      const round = await this.rounds.round(assignment.cohortId, manager);
      const closed = await this.closedReason(assignment.cohortId, round);
      if (closed) throw closed;
      const errors = scoreErrors(round.rubric, input.scores);
      if (errors.length) throw new InvalidScoresError(errors);
      const repo = manager.getRepository(Review);
      const before = await repo.findOneBy({ assignmentId });
      const review = before ? { ...before } : repo.create({ assignmentId });
      Object.assign(review, {
        scores: { ...input.scores },
        weightedScore: weightedMean(round.rubric, input.scores),
        comment: input.comment,
        recommendation: input.recommendation,
      });
      const saved = await repo.save(review);
      await this.audit.record(manager, actor, {
        action: before ? 'review.revised' : 'review.submitted',
        entityType: 'application',
        entityId: assignment.applicationId,
        before: before
          ? { scores: before.scores, recommendation: before.recommendation, comment: before.comment }
          : null,
        after: { scores: saved.scores, recommendation: saved.recommendation, comment: saved.comment },
      });
      return this.toView(saved);
    });
  }

  private async own(
    manager: EntityManager,
    actor: AuthenticatedUser,
    assignmentId: string,
    lock = false,
  ): Promise<ReviewAssignment> {
    const assignment = await manager
      .getRepository(ReviewAssignment)
      .findOne({ where: { id: assignmentId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!assignment || assignment.reviewerId !== actor.id) throw new NotFoundError('Assignment', assignmentId);
    return assignment;
  }

  /** Why reviews of this cohort cannot change now, or null while the round is open. */
  private async closedReason(cohortId: string, round: ReviewRound): Promise<Error | null> {
    const cohort = await this.cohorts.get(cohortId);
    if (cohort.status !== 'reviewing') return new RoundNotOpenError(cohort.status);
    if (round.reviewDeadline && this.clock.now() >= round.reviewDeadline) {
      return new ReviewClosedError(formatInProgramZone(round.reviewDeadline));
    }
    return null;
  }

  private toView(review: Review): ReviewView {
    return {
      scores: review.scores,
      comment: review.comment,
      recommendation: review.recommendation,
      weightedScore: Math.round(review.weightedScore * 1000) / 1000,
      submittedAt: review.submittedAt.toISOString(),
      updatedAt: review.updatedAt.toISOString(),
    };
  }
}
