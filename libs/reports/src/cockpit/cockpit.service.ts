import { Injectable } from '@nestjs/common';
import type { CohortStatus } from '@vgbf/cohorts';
import type { AuthenticatedUser } from '@vgbf/core';
import { Transactions, runQuery } from '@vgbf/database';
import { cockpitStatement } from '../data-access/cockpit';
import { statement } from '../data-access/relations';
import { ProgressQuery } from '../progress/progress-query';
import type { CockpitView } from './cockpit.dto';

/** A pair is silent after this many days without a session (the mentoring reminder's figure). */
export const SILENT_PAIR_DAYS = 30;
export const OFFER_EXPIRY_WINDOW_HOURS = 48;
export const REPORT_READY_DAYS = 7;

/** The staff home: every cohort's stage and what needs attention in it, in two queries. */
@Injectable()
export class CockpitService {
  constructor(
    private readonly progress: ProgressQuery,
    private readonly transactions: Transactions,
  ) {}

  async cockpit(actor: AuthenticatedUser): Promise<CockpitView> {
    const now = this.progress.now();
    const rows = await runQuery(
      this.transactions.current(),
      statement(
        cockpitStatement({
          now,
          userId: actor.id,
          silentDays: SILENT_PAIR_DAYS,
          offerWindowHours: OFFER_EXPIRY_WINDOW_HOURS,
          reportDays: REPORT_READY_DAYS,
        }),
      ),
    );
    const unacknowledged = new Map<string, number>();
    // A closed cohort's year is over: its flags are history, not work, and reading every past year's
    // fellows would make the home page pay for the programme's age.
    const live = rows.filter((r) => r.status !== 'closed').map((r) => r.id);
    if (live.length > 0) {
      const flagged = await this.progress.rows(live, true);
      for (const fellow of flagged) {
        const open = fellow.flags.filter((flag) => !fellow.acknowledgements[flag.rule]).length;
        unacknowledged.set(fellow.cohort_id, (unacknowledged.get(fellow.cohort_id) ?? 0) + open);
      }
    }
    return {
      now: now.toISOString(),
      cohorts: rows.map((r) => ({
        id: r.id,
        name: r.name,
        year: r.year,
        status: r.status as CohortStatus,
        applicationOpensAt: r.application_opens_at.toISOString(),
        applicationClosesAt: r.application_closes_at.toISOString(),
        reviewDeadline: r.review_deadline?.toISOString() ?? null,
        programmeStart: r.programme_start,
        programmeEnd: r.programme_end,
        attention: {
          applicationsToCheck: r.applications_to_check,
          reviewsOverdue: r.reviews_overdue,
          overdueReviewers: r.overdue_reviewers,
          conflictsToDecide: r.conflicts_to_decide,
          offersExpiring: r.offers_expiring,
          placementsUnconfirmed: r.placements_unconfirmed,
          pairsSilent: r.pairs_silent,
          evidenceWaiting: r.evidence_waiting,
          atRiskUnacknowledged: unacknowledged.get(r.id) ?? 0,
          reportsReady: r.reports_ready,
        },
      })),
    };
  }
}
