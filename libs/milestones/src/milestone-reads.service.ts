import { Injectable } from '@nestjs/common';
import { type AuthenticatedUser, Clock, NotFoundError, programDay } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import type { EntityManager } from 'typeorm';
import { reviewQueue } from './data-access/review-queue';
import {
  type FellowRow,
  type MilestoneRow,
  fellowById,
  fellowsOfUser,
  milestonesOfFellow,
} from './data-access/timeline-reads';
import type { MilestoneView, ReviewQueueItemView, TimelineView } from './dto/milestone.dto';
import { isStaff } from './milestone-access';

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

const toView = (r: MilestoneRow): MilestoneView => ({
  id: r.id,
  fellowId: r.fellow_id,
  code: r.code,
  position: r.position,
  title: r.title,
  description: r.description,
  evidence: r.evidence,
  reviewer: r.reviewer,
  pillars: r.pillars,
  baseDueOn: r.base_due_on,
  extensionDays: r.extension_days,
  dueOn: r.due_on,
  state: r.state,
  status: r.status,
  waivedReason: r.waived_reason,
  submittedAt: iso(r.submitted_at),
  approvedAt: iso(r.approved_at),
  latestSubmission: r.submission
    ? {
        id: r.submission.id,
        version: r.submission.version,
        text: r.submission.text,
        link: r.submission.link,
        file:
          r.submission.filename !== null
            ? {
                filename: r.submission.filename,
                sizeBytes: r.submission.sizeBytes ?? 0,
                sha256: r.submission.sha256 ?? '',
              }
            : null,
        submittedAt: iso(r.submission.submittedAt)!,
      }
    : null,
  reviews: r.reviews.map((v) => ({ ...v, reviewedAt: iso(v.reviewedAt)! })),
});

/**
 * Reading timelines: the fellow's own, a fellow's for staff or their active mentor, and the review
 * queue. Statuses (upcoming, due soon, overdue…) are derived in SQL from today in Vietnam.
 */
@Injectable()
export class MilestoneReadsService {
  constructor(
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  today(): string {
    return programDay(this.clock.now());
  }

  /** The caller's timelines, one per programme year, newest first. */
  async mine(actor: AuthenticatedUser): Promise<TimelineView[]> {
    const manager = this.transactions.current();
    const fellows = await fellowsOfUser(manager, actor.id);
    const today = this.today();
    return Promise.all(fellows.map((f) => this.timeline(manager, f, today)));
  }

  /** A fellow's timeline for staff, or for their active mentor; anyone else gets "not found". */
  async forFellow(actor: AuthenticatedUser, fellowId: string): Promise<TimelineView> {
    const manager = this.transactions.current();
    const fellow = await fellowById(manager, fellowId);
    if (!fellow || !(isStaff(actor) || (fellow.mentor_id !== null && fellow.mentor_id === actor.id)))
      throw new NotFoundError('Fellow', fellowId);
    return this.timeline(manager, fellow, this.today());
  }

  /** One milestone of the fellow, read in the current transaction (it may have just changed it). */
  async milestone(fellowId: string, id: string): Promise<MilestoneView> {
    const rows = await milestonesOfFellow(this.transactions.current(), fellowId, this.today());
    const row = rows.find((r) => r.id === id);
    if (!row) throw new NotFoundError('Milestone', id);
    return toView(row);
  }

  /**
   * Submitted milestones awaiting the caller's side: as a mentor, those of their active fellows where
   * the mentor side has not decided on the latest submission; as staff, the same for the staff side.
   * Never the caller's own milestones.
   */
  async reviewQueue(actor: AuthenticatedUser, cohortId: string | undefined): Promise<ReviewQueueItemView[]> {
    const rows = await reviewQueue(this.transactions.current(), {
      userId: actor.id,
      staff: isStaff(actor),
      today: this.today(),
      cohortId: cohortId ?? null,
    });
    return rows.map((r) => ({
      side: r.side,
      milestoneId: r.milestone_id,
      fellowId: r.fellow_id,
      fellowName: r.fellow_name,
      cohortId: r.cohort_id,
      code: r.code,
      title: r.title,
      reviewer: r.reviewer,
      dueOn: r.due_on,
      status: r.status,
      submissionId: r.submission_id,
      version: r.version,
      submittedAt: new Date(r.submitted_at).toISOString(),
    }));
  }

  private async timeline(manager: EntityManager, fellow: FellowRow, today: string): Promise<TimelineView> {
    const rows = await milestonesOfFellow(manager, fellow.id, today);
    return {
      fellowId: fellow.id,
      cohortId: fellow.cohort_id,
      fullName: fellow.full_name,
      startDate: fellow.start_date,
      endDate: fellow.end_date,
      today,
      milestones: rows.map(toView),
    };
  }
}
