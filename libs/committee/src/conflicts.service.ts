import { Injectable } from '@nestjs/common';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, NotFoundError } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import type { EntityManager } from 'typeorm';
import { type ApplicantIdentityFacts, detectConflicts, matchDeclaration } from './conflict-detection';
import {
  applicantContacts,
  conflictIdsOfCohort,
  conflictRows,
  conflictedPairs,
  reviewerContacts,
} from './data-access/conflicts';
import type { ConflictView, DetectionResult } from './dto/conflict.dto';
import { ConflictDeclaration } from './entities/conflict-declaration.entity';
import { Review } from './entities/review.entity';
import { ReviewAssignment } from './entities/review-assignment.entity';
import { ReviewerConflict } from './entities/reviewer-conflict.entity';

/** Statuses in which an application is in (or past) review: the ones a reviewer can have a conflict with. */
export const REVIEWABLE_STATUSES = ['submitted', 'under_review', 'shortlisted', 'interviewed'] as const;

/** Conflicts of interest: declared by reviewers, detected for staff to confirm or dismiss. */
@Injectable()
export class ConflictsService {
  constructor(
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  /**
   * A declared conflict between a reviewer and an application: it holds at once, and an assignment of
   * the pair (with any review on it) is withdrawn, so a conflicted review never counts. Declaring twice
   * changes nothing. Runs in the caller's transaction; the reviewer is not told of it.
   */
  async recordDeclared(
    manager: EntityManager,
    actor: AuthenticatedUser,
    applicationId: string,
    reviewerId: string,
    reason: string,
  ): Promise<void> {
    const repo = manager.getRepository(ReviewerConflict);
    const existing = await repo.findOne({
      where: { applicationId, reviewerId },
      lock: { mode: 'pessimistic_write' },
    });
    // Already apart; or declared before and dismissed by staff since: a re-run leaves staff's decision.
    if (existing && (existing.status === 'confirmed' || existing.source === 'declared')) return;
    const conflict = existing ?? repo.create({ applicationId, reviewerId, source: 'declared', reason });
    conflict.status = 'confirmed';
    conflict.reason = existing?.source === 'detected' ? `${existing.reason}; declared: ${reason}` : reason;
    conflict.decidedBy = actor.id;
    conflict.decidedAt = new Date();
    await repo.save(conflict);
    await this.withdrawAssignment(manager, actor, applicationId, reviewerId, 'conflict declared');
    await this.audit.record(manager, actor, {
      action: 'conflict.declared',
      entityType: 'application',
      entityId: applicationId,
      after: { reviewerId, reason },
    });
  }

  /** The cohort's applicants in review, as a declaration is matched against them. */
  async applicantFacts(manager: EntityManager, cohortId: string): Promise<ApplicantIdentityFacts[]> {
    const rows = await applicantContacts(manager, cohortId, REVIEWABLE_STATUSES);
    return rows.map((r) => ({
      applicationId: r.id,
      fullName: r.full_name,
      enterpriseName: r.enterprise_name,
      email: r.email,
    }));
  }

  /** Records the conflicts a declaration names among the given applicants; returns how many it named. */
  async applyDeclaration(
    manager: EntityManager,
    actor: AuthenticatedUser,
    declaration: Pick<ConflictDeclaration, 'reviewerId' | 'names' | 'emails' | 'reason'>,
    applicants: ApplicantIdentityFacts[],
  ): Promise<number> {
    const matches = matchDeclaration(declaration, applicants);
    for (const match of matches) {
      await this.recordDeclared(
        manager,
        actor,
        match.applicationId,
        declaration.reviewerId,
        `${declaration.reason} (named: ${match.named})`,
      );
    }
    return matches.length;
  }

  /** Runs the detection over a cohort's applications and its reviewers; new findings wait for staff. */
  async detect(actor: AuthenticatedUser, cohortId: string): Promise<DetectionResult> {
    return this.transactions.run(async (manager) => {
      const applicants = await applicantContacts(manager, cohortId, REVIEWABLE_STATUSES);
      const reviewers = await reviewerContacts(manager);
      const found = detectConflicts(
        applicants.map((a) => ({
          applicationId: a.id,
          email: a.email,
          enterpriseName: a.enterprise_name,
          refereeEmails: (a.referees ?? []).map((r) => r.email ?? '').filter(Boolean),
        })),
        reviewers.map((r) => ({ reviewerId: r.id, email: r.email, organisation: r.organisation })),
      );
      let inserted = 0;
      for (const conflict of found) {
        const result = await manager
          .createQueryBuilder()
          .insert()
          .into(ReviewerConflict)
          .values({ ...conflict, source: 'detected', status: 'pending' })
          .orIgnore()
          .returning('id')
          .execute();
        inserted += (result.raw as unknown[]).length;
      }
      // Declarations made before these applications were submitted name them now.
      const declarations = await manager
        .getRepository(ConflictDeclaration)
        .find({ where: { cohortId }, order: { createdAt: 'ASC' } });
      const facts = declarations.length ? await this.applicantFacts(manager, cohortId) : [];
      for (const declaration of declarations) await this.applyDeclaration(manager, actor, declaration, facts);
      await this.audit.record(manager, actor, {
        action: 'conflict.detection_run',
        entityType: 'cohort',
        entityId: cohortId,
        after: { found: inserted, known: found.length - inserted },
      });
      return { found: inserted, known: found.length - inserted };
    });
  }

  /** Staff confirm a detected conflict (the pair stays apart, an assignment is withdrawn) or dismiss it. */
  async decide(
    actor: AuthenticatedUser,
    id: string,
    status: 'confirmed' | 'dismissed',
    note?: string,
  ): Promise<ConflictView> {
    return this.transactions.run(async (manager) => {
      const repo = manager.getRepository(ReviewerConflict);
      const conflict = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!conflict) throw new NotFoundError('Conflict', id);
      const before = conflict.status;
      conflict.status = status;
      conflict.decidedBy = actor.id;
      conflict.decidedAt = new Date();
      await repo.save(conflict);
      if (status === 'confirmed') {
        await this.withdrawAssignment(
          manager,
          actor,
          conflict.applicationId,
          conflict.reviewerId,
          'conflict confirmed',
        );
      }
      await this.audit.record(manager, actor, {
        action: `conflict.${status}`,
        entityType: 'application',
        entityId: conflict.applicationId,
        before: { status: before },
        after: { status, reviewerId: conflict.reviewerId },
        reason: note ?? null,
      });
      return (await this.views(manager, [id]))[0];
    });
  }

  async list(cohortId: string, status?: ConflictView['status']): Promise<ConflictView[]> {
    const db = this.transactions.current();
    return this.views(db, await conflictIdsOfCohort(db, cohortId, status ?? null));
  }

  /** Pairs that must stay apart in a cohort: declared, confirmed, or detected and not yet dismissed. */
  async pairsToAvoid(
    manager: EntityManager,
    cohortId: string,
  ): Promise<Array<{ applicationId: string; reviewerId: string }>> {
    const rows = await conflictedPairs(manager, cohortId);
    return rows.map((r) => ({ applicationId: r.application_id, reviewerId: r.reviewer_id }));
  }

  async isConflicted(manager: EntityManager, applicationId: string, reviewerId: string): Promise<boolean> {
    return manager.getRepository(ReviewerConflict).exists({
      where: [
        { applicationId, reviewerId, status: 'confirmed' },
        { applicationId, reviewerId, status: 'pending' },
      ],
    });
  }

  private async withdrawAssignment(
    manager: EntityManager,
    actor: AuthenticatedUser,
    applicationId: string,
    reviewerId: string,
    reason: string,
  ): Promise<void> {
    const assignment = await manager.getRepository(ReviewAssignment).findOneBy({ applicationId, reviewerId });
    if (!assignment) return;
    const review = await manager.getRepository(Review).findOneBy({ assignmentId: assignment.id });
    await manager.getRepository(ReviewAssignment).delete({ id: assignment.id });
    await this.audit.record(manager, actor, {
      action: 'assignment.withdrawn',
      entityType: 'application',
      entityId: applicationId,
      before: { reviewerId, reviewed: !!review, scores: review?.scores ?? null },
      reason,
    });
  }

  private async views(manager: EntityManager, ids: string[]): Promise<ConflictView[]> {
    if (ids.length === 0) return [];
    const rows = await conflictRows(manager, ids);
    return rows.map((r) => ({
      id: r.id,
      applicationId: r.application_id,
      applicantName: r.applicant_name,
      enterpriseName: r.enterprise_name,
      reviewerId: r.reviewer_id,
      reviewerName: r.reviewer_name,
      source: r.source,
      status: r.status,
      reason: r.reason,
      createdAt: r.created_at.toISOString(),
    }));
  }
}
