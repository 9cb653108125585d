import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CohortsService } from '@vgbf/cohorts';
import { type AuthenticatedUser, Clock, PROGRAM_TIME_ZONE } from '@vgbf/core';
import { runQuery } from '@vgbf/database';
import { DataSource, type EntityManager } from 'typeorm';
import { FeedbackService } from '../feedback/feedback.service';
import { MentoringSessionsService } from './mentoring-sessions.service';
import { pairFor } from './pair-access';
import type { CohortPairsView, MyPairsView, PairActivityView, PairView } from './pair.dto';
import { type PairStatsRow, type PairsFilter, hours, pairsWithStats, toPairView } from './pair-stats.sql';

/** Pairs as each side sees them, and as staff follow a cohort's mentoring. */
@Injectable()
export class PairsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cohorts: CohortsService,
    private readonly sessions: MentoringSessionsService,
    private readonly feedback: FeedbackService,
    private readonly clock: Clock,
  ) {}

  /** The caller's pairs: their fellows (as a mentor) and their mentor (as a fellow), active first. */
  async mine(actor: AuthenticatedUser): Promise<MyPairsView> {
    const pairs = await this.query(this.db.manager, actor.id, { mineOf: actor.id });
    return { active: pairs.filter((p) => p.status === 'active'), ended: pairs.filter((p) => p.status === 'ended') };
  }

  /** Every pair of a cohort with its stats, and the cohort's totals: one query. */
  async cohort(actor: AuthenticatedUser, cohortId: string): Promise<CohortPairsView> {
    await this.cohorts.get(cohortId); // 404 for an unknown cohort
    const rows = await this.rows(this.db.manager, actor.id, { cohortId });
    const first = rows[0];
    return {
      totals: {
        pairs: first?.total_pairs ?? 0,
        activePairs: first?.total_active ?? 0,
        sessions: first?.total_sessions ?? 0,
        sessionsThisMonth: first?.total_this_month ?? 0,
        hours: hours(first?.total_minutes ?? 0),
        averageRating: first?.total_average_rating ?? null,
        unconfirmed: first?.total_unconfirmed ?? 0,
      },
      pairs: rows.map(toPairView),
    };
  }

  /** Staff: one pair with its sessions and both sides' feedback. */
  async activity(actor: AuthenticatedUser, pairingId: string): Promise<PairActivityView> {
    const manager = this.db.manager;
    await pairFor(manager, actor, pairingId, ['staff']);
    const [pair] = await this.query(manager, actor.id, { pairingId });
    return {
      pair: pair,
      sessions: await this.sessions.ofPair(manager, pairingId),
      feedback: await this.feedback.answersOfPair(manager, pairingId),
    };
  }

  private rows(manager: EntityManager, viewer: string, filter: PairsFilter): Promise<PairStatsRow[]> {
    return runQuery(manager, pairsWithStats(filter, PROGRAM_TIME_ZONE, this.clock.now(), viewer));
  }

  private async query(manager: EntityManager, viewer: string, filter: PairsFilter): Promise<PairView[]> {
    return (await this.rows(manager, viewer, filter)).map(toPairView);
  }
}
