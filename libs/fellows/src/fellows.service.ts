import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, Clock, NotFoundError } from '@vgbf/core';
import { AccountsService } from '@vgbf/identity';
import { Transactions } from '@vgbf/database';
import { DataSource, type EntityManager } from 'typeorm';
import type { FellowGoalsDto, FellowView, UpdateFellowDto } from './dto/fellow.dto';
import {
  admitFellow,
  type FellowRow,
  fellowById,
  fellowOwnedBy,
  fellowsOfCohort,
  fellowsOfUser,
  lockFellow,
  placeFellows,
  updateFellow,
} from './data-access/fellows';
import { FellowDatesError } from './fellows.errors';
import { type ApplicationLanguages, languageCertificates, spokenLanguages } from './language-fit';

/** What the selection hands over when an offer is accepted: the application's snapshot. */
export interface AdmitFellow {
  cohortId: string;
  userId: string;
  applicationId: string;
  fullName: string;
  gender: string | null;
  region: string | null;
  province: string | null;
  enterpriseName: string | null;
  sector: string | null;
  languages: ApplicationLanguages;
  hubPreferences: string[];
  selectionScore: number | null;
}

const toView = (r: FellowRow): FellowView => ({
  id: r.id,
  cohortId: r.cohort_id,
  cohortName: r.cohort_name,
  userId: r.user_id,
  fullName: r.full_name,
  email: r.email,
  gender: r.gender,
  region: r.region,
  province: r.province,
  enterpriseName: r.enterprise_name,
  sector: r.sector,
  languages: r.languages,
  languageCertificates: r.language_certificates,
  hubPreferences: r.hub_preferences,
  selectionScore: r.selection_score,
  goals: r.goals,
  startDate: r.start_date,
  endDate: r.end_date,
  hub:
    r.hub_id && r.hub_code && r.hub_name && r.hub_city && r.hub_time_zone
      ? {
          id: r.hub_id,
          code: r.hub_code,
          name: r.hub_name,
          nameVi: r.hub_name_vi,
          city: r.hub_city,
          timeZone: r.hub_time_zone,
        }
      : null,
  placedAt: r.placed_at?.toISOString() ?? null,
  status: r.status,
});

/** A fellow's programme year before and after staff changed its dates. */
export interface FellowDatesChange {
  before: { startDate: string; endDate: string };
  after: { startDate: string; endDate: string };
  actor: AuthenticatedUser;
  reason: string;
}

/** Called inside the transaction that changes a fellow's dates, so what depends on them moves with them. */
export type FellowDatesListener = (
  manager: EntityManager,
  fellowId: string,
  change: FellowDatesChange,
) => Promise<void>;

/**
 * The programme year's one record per person. The selection admits fellows (an accepted offer);
 * staff adjust their dates; fellows state what they want from a mentor. Placement and mentoring
 * read fellows through this service.
 */
@Injectable()
export class FellowsService {
  private readonly datesListeners: FellowDatesListener[] = [];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  /**
   * Registers a listener for changes of a fellow's start or end date (e.g. milestones, whose due
   * dates follow them): it runs inside the update's transaction, and its failure undoes the change.
   * Modules register in onModuleInit; fellows never import them.
   */
  onStartDateChanged(listener: FellowDatesListener): void {
    this.datesListeners.push(listener);
  }

  /**
   * Within the acceptance's transaction: the fellow record (dates from the cohort) and the fellow
   * role. Accepting twice admits once.
   */
  async admit(manager: EntityManager, input: AdmitFellow): Promise<string> {
    const id = await admitFellow(manager, input.cohortId, {
      user_id: input.userId,
      application_id: input.applicationId,
      full_name: input.fullName,
      gender: input.gender,
      region: input.region,
      province: input.province,
      enterprise_name: input.enterpriseName,
      sector: input.sector,
      languages: spokenLanguages(input.languages),
      language_certificates: languageCertificates(input.languages),
      hub_preferences: input.hubPreferences,
      selection_score: input.selectionScore,
    });
    if (!id) throw new NotFoundError('Cohort', input.cohortId);
    await this.accounts.grantRole(manager, input.userId, 'fellow');
    return id;
  }

  async listCohort(cohortId: string, manager: EntityManager = this.transactions.current()): Promise<FellowView[]> {
    const rows = await fellowsOfCohort(manager, cohortId, false);
    return rows.map(toView);
  }

  /** The active fellows of a cohort, for placement and matching. */
  async activeInCohort(cohortId: string, manager: EntityManager = this.transactions.current()): Promise<FellowView[]> {
    const rows = await fellowsOfCohort(manager, cohortId, true);
    return rows.map(toView);
  }

  async get(id: string, manager: EntityManager = this.transactions.current()): Promise<FellowView> {
    const row = await fellowById(manager, id);
    if (!row) throw new NotFoundError('Fellow', id);
    return toView(row);
  }

  /** The caller's own fellow records, newest cohort first. */
  async mine(actor: AuthenticatedUser): Promise<FellowView[]> {
    const rows = await fellowsOfUser(this.db.manager, actor.id);
    return rows.map(toView);
  }

  /** The fellow record this user holds, or null: how other modules check "is this my fellow record?". */
  async ownedBy(manager: EntityManager, fellowId: string, userId: string): Promise<boolean> {
    return fellowOwnedBy(manager, fellowId, userId);
  }

  /** Sets where fellows are placed (a confirmed placement, or staff moving one), in the caller's transaction. */
  async place(manager: EntityManager, placements: Array<{ fellowId: string; hubId: string }>, at: Date): Promise<void> {
    if (!placements.length) return;
    await placeFellows(
      manager,
      placements.map((p) => ({ fellow_id: p.fellowId, hub_id: p.hubId })),
      at,
    );
  }

  /** Locks a fellow's row for a change that depends on its current state; null when there is none. */
  async lock(manager: EntityManager, id: string): Promise<FellowView | null> {
    const row = await lockFellow(manager, id);
    return row ? this.get(id, manager) : null;
  }

  /** A fellow states what they want from a mentor (staff may too); others get "not found". */
  async setGoals(actor: AuthenticatedUser, id: string, input: FellowGoalsDto): Promise<FellowView> {
    return this.transactions.run(async (manager) => {
      const isStaff = actor.roles.includes('staff') || actor.roles.includes('admin');
      const before = await lockFellow(manager, id);
      if (!before || (!isStaff && before.user_id !== actor.id)) throw new NotFoundError('Fellow', id);
      await updateFellow(manager, id, { goals: input.goals, updated_at: this.clock.now() });
      await this.audit.record(manager, actor, {
        action: 'fellow.goals_changed',
        entityType: 'fellow',
        entityId: id,
        before: { goals: before.goals },
        after: { goals: input.goals },
      });
      return this.get(id, manager);
    });
  }

  /**
   * Within the caller's transaction (a milestone extension staff confirmed would outlast the year):
   * the fellow's end date moves later to `endDate`, audited with the reason. The date listeners are
   * not told: the milestones moved first, and re-anchoring them on the new end would move them twice.
   */
  async extendEndDate(
    manager: EntityManager,
    actor: AuthenticatedUser,
    id: string,
    endDate: string,
    reason: string,
  ): Promise<{ before: string; after: string }> {
    const row = await lockFellow(manager, id);
    if (!row) throw new NotFoundError('Fellow', id);
    if (endDate <= row.end_date) return { before: row.end_date, after: row.end_date };
    await updateFellow(manager, id, { end_date: endDate, updated_at: this.clock.now() });
    await this.audit.record(manager, actor, {
      action: 'fellow.end_date_extended',
      entityType: 'fellow',
      entityId: id,
      before: { endDate: row.end_date },
      after: { endDate },
      reason,
    });
    return { before: row.end_date, after: endDate };
  }

  /** Staff change a fellow's dates (e.g. a visa delay), status or goals; the reason is audited. */
  async update(actor: AuthenticatedUser, id: string, input: UpdateFellowDto): Promise<FellowView> {
    return this.transactions.run(async (manager) => {
      const before = await lockFellow(manager, id);
      if (!before) throw new NotFoundError('Fellow', id);
      const after = {
        start_date: input.startDate ?? before.start_date,
        end_date: input.endDate ?? before.end_date,
        status: input.status ?? before.status,
        goals: input.goals ?? before.goals,
      };
      if (after.end_date <= after.start_date) throw new FellowDatesError(after.start_date, after.end_date);
      await updateFellow(manager, id, {
        start_date: after.start_date,
        end_date: after.end_date,
        status: after.status,
        goals: after.goals,
        updated_at: this.clock.now(),
      });
      await this.audit.record(manager, actor, {
        action: 'fellow.updated',
        entityType: 'fellow',
        entityId: id,
        before: { startDate: before.start_date, endDate: before.end_date, status: before.status, goals: before.goals },
        after: {
          startDate: after.start_date,
          endDate: after.end_date,
          status: after.status,
          goals: after.goals,
          reason: input.reason,
        },
      });
      if (after.start_date !== before.start_date || after.end_date !== before.end_date) {
        const change: FellowDatesChange = {
          before: { startDate: before.start_date, endDate: before.end_date },
          after: { startDate: after.start_date, endDate: after.end_date },
          actor,
          reason: input.reason,
        };
        for (const listener of this.datesListeners) await listener(manager, id, change);
      }
      return this.get(id, manager);
    });
  }
}
