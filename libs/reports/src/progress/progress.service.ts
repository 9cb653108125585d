import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, toPage } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import type { DataSource } from 'typeorm';
import { cohortRow } from '../cohort-reads';
import { FellowNotInCohortError } from '../reports.errors';
import type {
  AcknowledgeDto,
  AcknowledgementView,
  AtRiskPageQuery,
  AtRiskView,
  CohortProgressView,
  FellowProgressView,
  FlagView,
  ProgressPageQuery,
} from './progress.dto';
import { ProgressQuery } from './progress-query';
import type { ProgressRow } from '../data-access/progress';
import { acknowledgementNote, fellowInCohort, upsertAcknowledgement } from '../data-access/acknowledgements';

const flagsOf = (row: ProgressRow): FlagView[] =>
  row.flags.map((flag) => ({ ...flag, acknowledgement: row.acknowledgements[flag.rule] ?? null }));

export const toFellowProgress = (row: ProgressRow): FellowProgressView => ({
  fellowId: row.fellow_id,
  fullName: row.full_name,
  hub: row.hub,
  milestones: {
    total: row.milestones,
    dueToDate: row.due,
    approvedOfDue: row.approved_due,
    approved: row.approved,
    overdue: row.overdue,
    percentApproved: row.percent_approved,
  },
  sessions: {
    confirmed: row.confirmed_sessions,
    lastConfirmedAt: row.last_confirmed_at?.toISOString() ?? null,
    daysSinceLastConfirmed: row.days_since_session,
    averageRating: row.average_rating,
  },
  latestFeedback: row.latest_feedback,
  flags: flagsOf(row),
});

/** Fellows' progress and at-risk flags: two queries per page (the figures and the page's ids, the page's rows), however many fellows. */
@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly query: ProgressQuery,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  /** One page of the cohort's fellows, by name; the summary and the total count the whole cohort. */
  async progress(cohortId: string, page: Pick<ProgressPageQuery, 'page' | 'pageSize' | 'offset'>): Promise<CohortProgressView> {
    await cohortRow(this.db.manager, cohortId);
    const { summary: s, rows } = await this.query.page(cohortId, false, page.pageSize, page.offset);
    return {
      ...toPage(rows.map(toFellowProgress), s.total, page),
      today: s.today,
      summary: {
        fellows: s.fellows,
        atRisk: s.at_risk,
        dueToDate: s.due,
        approvedOfDue: s.approved_due,
        percentApproved: s.due ? Math.round((1000 * s.approved_due) / s.due) / 10 : null,
        overdue: s.overdue,
        confirmedSessions: s.confirmed_sessions,
      },
    };
  }

  /** One page of the cohort's fellows with at least one flag, by name; the total counts them all. */
  async atRisk(cohortId: string, page: Pick<AtRiskPageQuery, 'page' | 'pageSize' | 'offset'>): Promise<AtRiskView> {
    await cohortRow(this.db.manager, cohortId);
    const { summary, rows } = await this.query.page(cohortId, true, page.pageSize, page.offset);
    return {
      ...toPage(
        rows.map((r) => ({ fellowId: r.fellow_id, fullName: r.full_name, hub: r.hub, flags: flagsOf(r) })),
        summary.total,
        page,
      ),
      today: summary.today,
    };
  }

  /**
   * Staff note that they have seen a flag and what they do about it; once per fellow and rule (a second
   * acknowledgement replaces the note). The flag stays listed, marked, while the rule still holds.
   */
  async acknowledge(
    actor: AuthenticatedUser,
    cohortId: string,
    fellowId: string,
    input: AcknowledgeDto,
  ): Promise<AcknowledgementView> {
    return this.transactions.run(async (manager) => {
      await cohortRow(manager, cohortId);
      if (!(await fellowInCohort(manager, fellowId, cohortId))) throw new FellowNotInCohortError(fellowId);
      const before = await acknowledgementNote(manager, fellowId, input.rule);
      const row = await upsertAcknowledgement(manager, {
        fellowId,
        rule: input.rule,
        note: input.note,
        acknowledgedBy: actor.id,
        at: this.query.now(),
      });
      await this.audit.record(manager, actor, {
        action: 'at_risk.acknowledged',
        entityType: 'fellow',
        entityId: fellowId,
        before: before !== undefined ? { rule: input.rule, note: before } : null,
        after: { rule: input.rule, note: input.note },
      });
      return { note: row.note, acknowledgedBy: row.acknowledged_by, acknowledgedAt: row.created_at.toISOString() };
    });
  }

}
