import { Injectable } from '@nestjs/common';
import { ApplicationTransitions } from '@vgbf/applications';
import { AuditService } from '@vgbf/audit';
import { CohortsService } from '@vgbf/cohorts';
import { type AuthenticatedUser, NotFoundError } from '@vgbf/core';
import { assignReviewers } from '@vgbf/solvers';
import { Transactions } from '@vgbf/database';
import { ConsentLedger } from '@vgbf/personal-data';
import { type EntityManager, In } from 'typeorm';
import {
  AlreadyAssignedError,
  AssignmentInfeasibleError,
  AssignmentReviewedError,
  ConflictedPairError,
  NotAReviewerError,
  NotUnderReviewError,
  RoundNotOpenError,
} from './committee.errors';
import { ConflictsService } from './conflicts.service';
import {
  applicantsOf,
  applicationsInStatus,
  assignmentRows,
  deleteUnreviewedAssignments,
} from './data-access/assignments';
import { accountNames, accountRoles, assignableReviewers } from './data-access/reviewers';
import type { AssignmentView, AutoAssignResult } from './dto/assignment.dto';
import { Review } from './entities/review.entity';
import { ReviewAssignment } from './entities/review-assignment.entity';
import { ReviewRound } from './entities/review-round.entity';
import { RoundsService } from './rounds.service';

/** Applications that take part in review: submitted ones enter it when the first assignment runs. */
const IN_REVIEW = ['submitted', 'under_review'] as const;

/** Who reviews what: the optimal automatic assignment, and staff's own assignments by hand. */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly rounds: RoundsService,
    private readonly conflicts: ConflictsService,
    private readonly transitions: ApplicationTransitions,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    private readonly consents: ConsentLedger,
  ) {}

  /**
   * Gives every application in review k reviewers: never a conflicted pair, loads as even as possible,
   * sector expertise preferred (exact min-cost flow, @vgbf/solvers). Kept assignments stay; reviewed
   * ones always do. All or nothing: an infeasible plan changes nothing and says which applications lack reviewers.
   */
  async autoAssign(actor: AuthenticatedUser, cohortId: string, keepExisting = true): Promise<AutoAssignResult> {
    await this.assertReviewing(cohortId);
    return this.transactions.run(async (manager) => {
      const round = await this.lockRound(manager, cohortId);
      const inStatus = await applicationsInStatus(manager, cohortId, IN_REVIEW);
      // Reviewers get an application only while its applicant's consent to 'review' stands (Law 91/2025):
      // the others are left out of the plan, their unreviewed assignments removed, and staff told which.
      const applicants = await applicantsOf(
        manager,
        inStatus.map((a) => a.id),
      );
      const consenting = await this.consents.holders([...applicants.values()], 'review');
      const apps = inStatus.filter((a) => consenting.has(applicants.get(a.id)!));
      const excluded = inStatus.filter((a) => !consenting.has(applicants.get(a.id)!)).map((a) => a.id);
      if (excluded.length) await this.withdrawUnreviewed(manager, actor, excluded);
      const excludedNames = await accountNames(
        manager,
        excluded.map((id) => applicants.get(id)!),
      );
      const reviewers = await assignableReviewers(manager);
      if (!keepExisting) {
        const deleted = await deleteUnreviewedAssignments(manager, cohortId);
        if (deleted.length) {
          await this.audit.record(manager, actor, {
            action: 'assignment.replanned',
            entityType: 'cohort',
            entityId: cohortId,
            before: { unreviewedAssignmentsRemoved: deleted.length },
          });
        }
      }
      const existing = await manager.getRepository(ReviewAssignment).findBy({ cohortId });
      const inReview = new Set(apps.map((a) => a.id));
      const reviewerIds = new Set(reviewers.map((r) => r.id));
      const keep = existing
        .filter((a) => inReview.has(a.applicationId) && reviewerIds.has(a.reviewerId))
        .map((a) => ({ applicationId: a.applicationId, reviewerId: a.reviewerId }));
      const result = assignReviewers({
        applications: apps.map((a) => ({ id: a.id, sector: a.sector })),
        reviewers: reviewers.map((r) => ({
          id: r.id,
          sectors: r.sectors ?? [],
          ...(r.max_load !== null ? { maxLoad: r.max_load } : {}),
        })),
        k: round.reviewersPerApplication,
        conflicts: await this.conflicts.pairsToAvoid(manager, cohortId),
        keep,
      });
      if (result.status === 'infeasible') throw new AssignmentInfeasibleError(result.shortfalls);
      // A kept pair that has become a conflict since (a detected one still pending) is dropped by the
      // solver and replaced: its row goes too, with any review on it, so no conflicted pair remains.
      for (const pair of result.conflictedKeeps) {
        await manager.getRepository(ReviewAssignment).delete(pair);
        await this.audit.record(manager, actor, {
          action: 'assignment.withdrawn',
          entityType: 'application',
          entityId: pair.applicationId,
          before: { reviewerId: pair.reviewerId },
          reason: 'conflict',
        });
      }

      const fresh = result.pairs.filter((p) => !p.kept);
      if (fresh.length) {
        await manager.getRepository(ReviewAssignment).insert(
          fresh.map((p) => ({
            cohortId,
            applicationId: p.applicationId,
            reviewerId: p.reviewerId,
            source: 'auto' as const,
            createdBy: actor.id,
          })),
        );
      }
      // Submitted applications enter review: locked (after the round, lock-order.ts) and moved if still submitted.
      const submitted = apps.filter((a) => a.status === 'submitted').map((a) => a.id);
      for (const app of await this.transitions.lockMany(manager, submitted)) {
        if (app.status === 'submitted') {
          await this.transitions.move(manager, app, 'under_review', actor.id, 'reviewers assigned');
        }
      }
      const names = await accountNames(manager, Object.keys(result.loads));
      const summary: AutoAssignResult = {
        applications: apps.length,
        reviewersPerApplication: round.reviewersPerApplication,
        assigned: fresh.length,
        kept: result.pairs.length - fresh.length,
        imbalance: result.objective.imbalance,
        sectorMismatches: result.objective.sectorMismatches,
        withoutReviewConsent: excluded.map((applicationId) => ({
          applicationId,
          applicantName: excludedNames.get(applicants.get(applicationId)!) ?? '',
        })),
        loads: Object.entries(result.loads)
          .map(([reviewerId, load]) => ({ reviewerId, reviewerName: names.get(reviewerId) ?? '', load }))
          .sort((a, b) => b.load - a.load || a.reviewerName.localeCompare(b.reviewerName)),
      };
      await this.audit.record(manager, actor, {
        action: 'assignment.auto_run',
        entityType: 'cohort',
        entityId: cohortId,
        after: { ...summary, loads: undefined, withoutReviewConsent: excluded, keepExisting },
      });
      return summary;
    });
  }

  /** Removes the assignments nobody has reviewed yet of these applications (their applicant withdrew 'review'); audited. */
  private async withdrawUnreviewed(
    manager: EntityManager,
    actor: AuthenticatedUser,
    applicationIds: string[],
  ): Promise<void> {
    const assignments = await manager.getRepository(ReviewAssignment).findBy({ applicationId: In(applicationIds) });
    if (!assignments.length) return;
    const reviewed = new Set(
      (await manager.getRepository(Review).findBy({ assignmentId: In(assignments.map((a) => a.id)) })).map(
        (r) => r.assignmentId,
      ),
    );
    for (const a of assignments.filter((x) => !reviewed.has(x.id))) {
      await manager.getRepository(ReviewAssignment).delete({ id: a.id });
      await this.audit.record(manager, actor, {
        action: 'assignment.withdrawn',
        entityType: 'application',
        entityId: a.applicationId,
        before: { reviewerId: a.reviewerId },
        reason: 'consent_missing',
      });
    }
  }

  /** Staff assign one reviewer by hand: never a conflicted pair, never twice. */
  async assign(
    actor: AuthenticatedUser,
    cohortId: string,
    applicationId: string,
    reviewerId: string,
  ): Promise<AssignmentView> {
    await this.assertReviewing(cohortId);
    return this.transactions.run(async (manager) => {
      const app = await this.transitions.lock(manager, applicationId);
      if (app.cohortId !== cohortId) throw new NotFoundError('Application', applicationId);
      if (!(IN_REVIEW as readonly string[]).includes(app.status)) throw new NotUnderReviewError(app.status);
      const roles = await accountRoles(manager, reviewerId);
      if (!roles?.includes('reviewer')) throw new NotAReviewerError();
      if (await this.conflicts.isConflicted(manager, applicationId, reviewerId)) throw new ConflictedPairError();
      await this.consents.require(app.applicantId, 'review');
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(ReviewAssignment)
        .values({ cohortId, applicationId, reviewerId, source: 'manual', createdBy: actor.id })
        .orIgnore()
        .returning('id')
        .execute();
      const row = (inserted.raw as Array<{ id: string }>)[0];
      if (!row) throw new AlreadyAssignedError();
      if (app.status === 'submitted')
        await this.transitions.move(manager, app, 'under_review', actor.id, 'reviewer assigned');
      await this.audit.record(manager, actor, {
        action: 'assignment.added',
        entityType: 'application',
        entityId: applicationId,
        after: { reviewerId },
      });
      return (await this.views(manager, cohortId, [row.id]))[0];
    });
  }

  /** Staff take a reviewer off an application they have not reviewed yet. */
  async unassign(actor: AuthenticatedUser, assignmentId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const assignment = await manager
        .getRepository(ReviewAssignment)
        .findOne({ where: { id: assignmentId }, lock: { mode: 'pessimistic_write' } });
      if (!assignment) throw new NotFoundError('Assignment', assignmentId);
      if (await manager.getRepository(Review).existsBy({ assignmentId })) throw new AssignmentReviewedError();
      await manager.getRepository(ReviewAssignment).delete({ id: assignmentId });
      await this.audit.record(manager, actor, {
        action: 'assignment.removed',
        entityType: 'application',
        entityId: assignment.applicationId,
        before: { reviewerId: assignment.reviewerId },
      });
    });
  }

  async list(cohortId: string): Promise<AssignmentView[]> {
    await this.cohorts.get(cohortId);
    return this.views(this.transactions.current(), cohortId);
  }

  private async views(manager: EntityManager, cohortId: string, ids?: string[]): Promise<AssignmentView[]> {
    const rows = await assignmentRows(manager, cohortId, ids ?? null);
    return rows.map((r) => ({
      id: r.id,
      applicationId: r.application_id,
      applicantName: r.applicant_name,
      reviewerId: r.reviewer_id,
      reviewerName: r.reviewer_name,
      source: r.source,
      reviewed: r.reviewed,
      createdAt: r.created_at.toISOString(),
    }));
  }

  private async lockRound(manager: EntityManager, cohortId: string): Promise<ReviewRound> {
    await this.rounds.round(cohortId, manager);
    return manager
      .getRepository(ReviewRound)
      .findOneOrFail({ where: { cohortId }, lock: { mode: 'pessimistic_write' } });
  }

  private async assertReviewing(cohortId: string): Promise<void> {
    const cohort = await this.cohorts.get(cohortId);
    if (cohort.status !== 'reviewing') throw new RoundNotOpenError(cohort.status);
  }
}
