import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AuthenticatedUser, Clock, NotFoundError, programDay } from '@vgbf/core';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  MilestoneView,
  ReviewQueueItemView,
  MilestoneReviewView,
  SubmissionView,
  TimelineView,
} from './dto/milestone.dto';
import type { EvidenceKind, LocalizedText, MilestoneReviewer } from './entities/milestone-template.entity';
import type { MilestoneState } from './entities/milestone.entity';
import { ACTIVE_MENTOR_SQL, isStaff } from './milestone-access';
import { type MilestoneStatus, milestoneStatusSql } from './milestone-status';

interface MilestoneRow {
  id: string;
  fellow_id: string;
  code: string;
  position: number;
  title: LocalizedText;
  description: LocalizedText;
  evidence: EvidenceKind[];
  reviewer: MilestoneReviewer;
  pillars: MilestoneView['pillars'];
  base_due_on: string;
  extension_days: number;
  due_on: string;
  state: MilestoneState;
  status: MilestoneStatus;
  waived_reason: string | null;
  submitted_at: Date | null;
  approved_at: Date | null;
  submission:
    | (Omit<SubmissionView, 'file'> & { filename: string | null; sizeBytes: number | null; sha256: string | null })
    | null;
  reviews: MilestoneReviewView[];
}

interface FellowRow {
  id: string;
  cohort_id: string;
  user_id: string;
  full_name: string;
  start_date: string;
  end_date: string;
  mentor_id: string | null;
}

const FELLOW_SQL = `
  SELECT f.id, f.cohort_id, f.user_id, f.full_name, to_char(f.start_date, 'YYYY-MM-DD') AS start_date,
         to_char(f.end_date, 'YYYY-MM-DD') AS end_date, ${ACTIVE_MENTOR_SQL} AS mentor_id
    FROM fellows_v f`;

/** `$2` is today in Vietnam; the status comes from the one derived-status expression. */
const MILESTONES_SQL = `
  SELECT m.id, m.fellow_id, m.code, m.position, m.title, m.description, m.evidence, m.reviewer, m.pillars,
         to_char(m.base_due_on, 'YYYY-MM-DD') AS base_due_on, m.extension_days, to_char(m.due_on, 'YYYY-MM-DD') AS due_on,
         m.state, ${milestoneStatusSql('m', '$2::date')} AS status, m.waived_reason, m.submitted_at, m.approved_at,
         s.submission, coalesce(r.reviews, '[]'::jsonb) AS reviews
    FROM milestones m
    LEFT JOIN LATERAL (
      SELECT s.id, jsonb_build_object('id', s.id, 'version', s.version, 'text', s.text, 'link', s.link,
                                      'filename', s.filename, 'sizeBytes', s.size_bytes, 'sha256', s.sha256,
                                      'submittedAt', s.created_at) AS submission
        FROM milestone_submissions s WHERE s.milestone_id = m.id ORDER BY s.version DESC LIMIT 1) s ON true
    LEFT JOIN LATERAL (
      SELECT jsonb_agg(jsonb_build_object('decision', r.decision, 'comment', r.comment, 'reviewerRole', r.reviewer_role,
                                          'reviewedAt', r.created_at) ORDER BY r.created_at, r.id) AS reviews
        FROM milestone_reviews r WHERE r.submission_id = s.id) r ON true
   WHERE m.fellow_id = $1
   ORDER BY m.position, m.code`;

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
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return programDay(this.clock.now());
  }

  /** The caller's timelines, one per programme year, newest first. */
  async mine(actor: AuthenticatedUser): Promise<TimelineView[]> {
    const fellows = await this.db.query<FellowRow[]>(
      `${FELLOW_SQL} WHERE f.user_id = $1 ORDER BY f.start_date DESC, f.id`,
      [actor.id],
    );
    const today = this.today();
    return Promise.all(fellows.map((f) => this.timeline(this.db.manager, f, today)));
  }

  /** A fellow's timeline for staff, or for their active mentor; anyone else gets "not found". */
  async forFellow(actor: AuthenticatedUser, fellowId: string): Promise<TimelineView> {
    const [fellow] = await this.db.query<FellowRow[]>(`${FELLOW_SQL} WHERE f.id = $1`, [fellowId]);
    if (!fellow || !(isStaff(actor) || (fellow.mentor_id !== null && fellow.mentor_id === actor.id)))
      throw new NotFoundError('Fellow', fellowId);
    return this.timeline(this.db.manager, fellow, this.today());
  }

  async milestone(manager: EntityManager, fellowId: string, id: string): Promise<MilestoneView> {
    const rows = await manager.query<MilestoneRow[]>(MILESTONES_SQL, [fellowId, this.today()]);
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
    const rows = await this.db.query<
      Array<{
        side: 'mentor' | 'staff';
        milestone_id: string;
        fellow_id: string;
        fellow_name: string;
        cohort_id: string;
        code: string;
        title: LocalizedText;
        reviewer: MilestoneReviewer;
        due_on: string;
        status: MilestoneStatus;
        submission_id: string;
        version: number;
        submitted_at: Date;
      }>
    >(
      `WITH waiting AS (
         SELECT m.*, f.full_name, f.cohort_id, f.user_id AS fellow_user_id, ${ACTIVE_MENTOR_SQL} AS mentor_id,
                s.id AS submission_id, s.version, s.created_at AS submission_at
           FROM milestones m
           JOIN fellows_v f ON f.id = m.fellow_id
           JOIN LATERAL (SELECT id, version, created_at FROM milestone_submissions
                          WHERE milestone_id = m.id ORDER BY version DESC LIMIT 1) s ON true
          WHERE m.state = 'submitted' AND ($4::uuid IS NULL OR f.cohort_id = $4) AND f.user_id <> $1),
       sides AS (
         SELECT 'mentor' AS side, w.* FROM waiting w WHERE w.reviewer IN ('mentor', 'both') AND w.mentor_id = $1
         UNION ALL
         SELECT 'staff' AS side, w.* FROM waiting w WHERE w.reviewer IN ('staff', 'both') AND $2::boolean)
       SELECT x.side, x.id AS milestone_id, x.fellow_id, x.full_name AS fellow_name, x.cohort_id, x.code, x.title,
              x.reviewer, to_char(x.due_on, 'YYYY-MM-DD') AS due_on, ${milestoneStatusSql('x', '$3::date')} AS status,
              x.submission_id, x.version, x.submission_at AS submitted_at
         FROM sides x
        WHERE NOT EXISTS (SELECT 1 FROM milestone_reviews r WHERE r.submission_id = x.submission_id AND r.reviewer_role = x.side)
        ORDER BY x.submission_at, x.id, x.side`,
      [actor.id, isStaff(actor), this.today(), cohortId ?? null],
    );
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
    const rows = await manager.query<MilestoneRow[]>(MILESTONES_SQL, [fellow.id, today]);
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
