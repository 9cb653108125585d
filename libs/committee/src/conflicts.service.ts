import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, NotFoundError } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import { DataSource, type EntityManager } from 'typeorm';
import { type ApplicantIdentityFacts, detectConflicts, matchDeclaration } from './conflict-detection';
import type { ConflictView, DetectionResult } from './dto/conflict.dto';
import { ConflictDeclaration } from './entities/conflict-declaration.entity';
import { Review } from './entities/review.entity';
import { ReviewAssignment } from './entities/review-assignment.entity';
import { ReviewerConflict } from './entities/reviewer-conflict.entity';

/** Statuses in which an application is in (or past) review: the ones a reviewer can have a conflict with. */
export const REVIEWABLE_STATUSES = ['submitted', 'under_review', 'shortlisted', 'interviewed'] as const;

interface ConflictRow {
  id: string;
  application_id: string;
  applicant_name: string | null;
  enterprise_name: string | null;
  reviewer_id: string;
  reviewer_name: string;
  source: ConflictView['source'];
  status: ConflictView['status'];
  reason: string;
  created_at: Date;
}

/** Conflicts of interest: declared by reviewers, detected for staff to confirm or dismiss. */
@Injectable()
export class ConflictsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
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
    const rows = await manager.query<
      Array<{ id: string; full_name: string | null; enterprise_name: string | null; email: string }>
    >(
      `SELECT a.id, a.full_name, a.enterprise_name, u.email
         FROM application_review_v a JOIN user_contacts_v u ON u.id = a.applicant_id
        WHERE a.cohort_id = $1 AND a.status = ANY($2)`,
      [cohortId, REVIEWABLE_STATUSES],
    );
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
      const applicants = await manager.query<
        Array<{ id: string; email: string; enterprise_name: string | null; referees: Array<{ email?: string }> }>
      >(
        `SELECT a.id, u.email, a.enterprise_name, a.referees
           FROM application_review_v a JOIN user_contacts_v u ON u.id = a.applicant_id
          WHERE a.cohort_id = $1 AND a.status = ANY($2)`,
        [cohortId, REVIEWABLE_STATUSES],
      );
      const reviewers = await manager.query<Array<{ id: string; email: string; organisation: string | null }>>(
        `SELECT u.id, u.email, p.organisation
           FROM user_contacts_v u LEFT JOIN reviewer_profiles p ON p.user_id = u.id
          WHERE 'reviewer' = ANY(u.roles)`,
      );
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
    const rows = await this.db.query<Array<{ id: string }>>(
      `SELECT c.id FROM reviewer_conflicts c JOIN applications_blind_v a ON a.id = c.application_id
        WHERE a.cohort_id = $1 AND ($2::text IS NULL OR c.status = $2)`,
      [cohortId, status ?? null],
    );
    return this.views(
      this.db.manager,
      rows.map((r) => r.id),
    );
  }

  /** Pairs that must stay apart in a cohort: declared, confirmed, or detected and not yet dismissed. */
  async pairsToAvoid(
    manager: EntityManager,
    cohortId: string,
  ): Promise<Array<{ applicationId: string; reviewerId: string }>> {
    const rows = await manager.query<Array<{ application_id: string; reviewer_id: string }>>(
      `SELECT c.application_id, c.reviewer_id FROM reviewer_conflicts c
         JOIN applications_blind_v a ON a.id = c.application_id
        WHERE a.cohort_id = $1 AND c.status <> 'dismissed'`,
      [cohortId],
    );
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
    const rows = await manager.query<ConflictRow[]>(
      `SELECT c.id, c.application_id, a.full_name AS applicant_name, a.enterprise_name,
              c.reviewer_id, u.full_name AS reviewer_name, c.source, c.status, c.reason, c.created_at
         FROM reviewer_conflicts c
         JOIN application_review_v a ON a.id = c.application_id
         JOIN user_contacts_v u ON u.id = c.reviewer_id
        WHERE c.id = ANY($1)
        ORDER BY c.status, c.created_at, c.id`,
      [ids],
    );
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
