import { Injectable } from '@nestjs/common';
import { type ApplicantIdentity, applicantIdentity, redact } from '@vgbf/applications';
import { AuditService } from '@vgbf/audit';
import { CohortsService } from '@vgbf/cohorts';
import { type AuthenticatedUser, Clock, NotFoundError, formatInProgramZone } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import type { EntityManager } from 'typeorm';
import {
  InvalidScoresError,
  ReviewAlreadySubmittedError,
  ReviewClosedError,
  RoundNotOpenError,
} from './committee.errors';
import { assignmentReference, blindApplication } from './blind-application';
import { hubNamesOf, namedPreferences } from './data-access/cohorts';
import { assignmentsOfReviewer } from './data-access/my-assignments';
import type { BlindApplication, BlindReviewView, MyAssignment, ReviewView, SubmitReviewDto } from './dto/review.dto';
import { Review } from './entities/review.entity';
import { ReviewDraft } from './entities/review-draft.entity';
import { ReviewAssignment } from './entities/review-assignment.entity';
import type { ReviewRound } from './entities/review-round.entity';
import { RoundsService } from './rounds.service';
import { scoreErrors, weightedMean } from './rubric';
import { AccessLog } from '@vgbf/personal-data';
import { applicantOf } from './data-access/applicant-of';

/** The reviewer's side: their assignments, the blind application, and their review of it. */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly rounds: RoundsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
    private readonly accessLog: AccessLog,
  ) {}

  /** The actor's assignments, each with its cohort's name and its own round's deadline and state. */
  async mine(actor: AuthenticatedUser): Promise<MyAssignment[]> {
    const db = this.transactions.current();
    const rows = await assignmentsOfReviewer(db, actor.id, this.clock.now());
    const hubs = await hubNamesOf(db, [...new Set(rows.map((r) => r.cohort_id))]);
    return rows.map((r) => ({
      assignmentId: r.id,
      applicationId: r.application_id,
      cohortId: r.cohort_id,
      cohortName: r.cohort_name,
      reference: assignmentReference(r.id),
      sector: r.sector,
      hubPreferences: r.hub_preferences,
      hubs: namedPreferences(r.hub_preferences, r.cohort_id, hubs),
      reviewed: r.reviewed,
      drafted: r.drafted,
      reviewDeadline: r.review_deadline?.toISOString() ?? null,
      roundOpen: r.round_open,
    }));
  }

  /** The blind view of an assignment of the actor's; anyone else's assignment does not exist for them. */
  async blind(actor: AuthenticatedUser, assignmentId: string): Promise<BlindReviewView> {
    const db = this.transactions.current();
    const assignment = await this.own(db, actor, assignmentId);
    const { view, identity } = await blindApplication(db, assignment.applicationId);
    // The reviewer opened the applicant's application: logged under the applicant, nothing of whom the
    // reviewer sees (the answer is the same blind view).
    const applicantId = await applicantOf(db, assignment.applicationId);
    if (applicantId) {
      await this.accessLog.record({
        actorUserId: actor.id,
        subjectUserId: applicantId,
        resource: 'application',
        resourceId: assignment.applicationId,
      });
    }
    const round = await this.rounds.round(assignment.cohortId);
    const review = await db.getRepository(Review).findOneBy({ assignmentId });
    const draft = review ? null : await db.getRepository(ReviewDraft).findOneBy({ assignmentId });
    return {
      ...view,
      assignmentId,
      reference: assignmentReference(assignmentId),
      rubric: round.rubric,
      review: review ? this.toView(review, identity) : draft ? this.draftView(draft, identity) : null,
      editable: (await this.closedReason(assignment.cohortId, round)) === null,
      reviewDeadline: round.reviewDeadline?.toISOString() ?? null,
    };
  }

  /** Staff see what an application's reviewers read: the same blind, redacted view. */
  async preview(applicationId: string): Promise<BlindApplication> {
    return (await blindApplication(this.transactions.current(), applicationId)).view;
  }

  /**
   * Scores (or re-scores) an assignment while the round is open; every change is audited with the scores
   * before. A draft keeps some scores (and maybe a comment and a recommendation) without counting anywhere;
   * submitting the complete review replaces it.
   */
  async submit(actor: AuthenticatedUser, assignmentId: string, input: SubmitReviewDto): Promise<ReviewView> {
    return this.transactions.run(async (manager) => {
      const assignment = await this.own(manager, actor, assignmentId, true);
      const round = await this.rounds.round(assignment.cohortId, manager);
      const closed = await this.closedReason(assignment.cohortId, round);
      if (closed) throw closed;
      const identity = await applicantIdentity(manager, assignment.applicationId);
      if (!identity) throw new NotFoundError('Application', assignment.applicationId);
      if (input.status === 'draft') return this.toDraft(manager, actor, assignment, round, input, identity);
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
      await manager.getRepository(ReviewDraft).delete({ assignmentId });
      await this.audit.record(manager, actor, {
        action: before ? 'review.revised' : 'review.submitted',
        entityType: 'application',
        entityId: assignment.applicationId,
        before: before
          ? { scores: before.scores, recommendation: before.recommendation, comment: before.comment }
          : null,
        after: { scores: saved.scores, recommendation: saved.recommendation, comment: saved.comment },
      });
      return this.toView(saved, identity);
    });
  }

  /** Saves a draft: the scores given must be criteria of the rubric and in range; a finished review stays finished. */
  private async toDraft(
    manager: EntityManager,
    actor: AuthenticatedUser,
    assignment: ReviewAssignment,
    round: ReviewRound,
    input: SubmitReviewDto,
    identity: ApplicantIdentity,
  ): Promise<ReviewView> {
    const given = new Set(Object.keys(input.scores));
    const errors = scoreErrors(round.rubric, input.scores).filter((e) => given.has(e.field.slice('scores.'.length)));
    if (errors.length) throw new InvalidScoresError(errors);
    if (await manager.getRepository(Review).existsBy({ assignmentId: assignment.id })) {
      throw new ReviewAlreadySubmittedError();
    }
    const repo = manager.getRepository(ReviewDraft);
    const before = await repo.findOneBy({ assignmentId: assignment.id });
    const saved = await repo.save(
      repo.create({
        assignmentId: assignment.id,
        scores: { ...input.scores },
        comment: input.comment ?? null,
        recommendation: input.recommendation ?? null,
      }),
    );
    await this.audit.record(manager, actor, {
      action: 'review.draft_saved',
      entityType: 'application',
      entityId: assignment.applicationId,
      before: before ? { scores: before.scores, recommendation: before.recommendation, comment: before.comment } : null,
      after: { scores: saved.scores, recommendation: saved.recommendation, comment: saved.comment },
    });
    return this.draftView(saved, identity);
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

  /** The reviewer's own review; its comment redacted like everything else they read. */
  private toView(review: Review, identity: ApplicantIdentity): ReviewView {
    return {
      status: 'submitted',
      scores: review.scores,
      comment: redact(review.comment, identity),
      recommendation: review.recommendation,
      weightedScore: Math.round(review.weightedScore * 1000) / 1000,
      submittedAt: review.submittedAt.toISOString(),
      updatedAt: review.updatedAt.toISOString(),
    };
  }

  /** The reviewer's draft, redacted the same way. */
  private draftView(draft: ReviewDraft, identity: ApplicantIdentity): ReviewView {
    return {
      status: 'draft',
      scores: draft.scores,
      comment: draft.comment ? redact(draft.comment, identity) : '',
      recommendation: draft.recommendation,
      weightedScore: null,
      submittedAt: null,
      updatedAt: draft.updatedAt.toISOString(),
    };
  }
}
