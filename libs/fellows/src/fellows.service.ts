import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, Clock, NotFoundError } from '@vgbf/core';
import { AccountsService } from '@vgbf/identity';
import { Transactions } from '@vgbf/database';
import { DataSource, type EntityManager } from 'typeorm';
import type { FellowGoalsDto, FellowView, UpdateFellowDto } from './dto/fellow.dto';
import type { FellowStatus, LanguageCertificate } from './entities/fellow.entity';
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

interface FellowRow {
  id: string;
  cohort_id: string;
  cohort_name: string;
  user_id: string;
  full_name: string;
  email: string;
  gender: string | null;
  region: string | null;
  province: string | null;
  enterprise_name: string | null;
  sector: string | null;
  languages: string[];
  language_certificates: LanguageCertificate[];
  hub_preferences: string[];
  selection_score: number | null;
  goals: string[];
  start_date: string;
  end_date: string;
  hub_id: string | null;
  hub_code: string | null;
  hub_name: string | null;
  hub_name_vi: string | null;
  hub_city: string | null;
  hub_time_zone: string | null;
  placed_at: Date | null;
  status: FellowStatus;
}

const FELLOW_SQL = `
  SELECT f.id, f.cohort_id, c.name AS cohort_name, f.user_id, f.full_name, u.email, f.gender, f.region, f.province,
         f.enterprise_name, f.sector, f.languages, f.language_certificates, f.hub_preferences, f.selection_score,
         f.goals, to_char(f.start_date, 'YYYY-MM-DD') AS start_date, to_char(f.end_date, 'YYYY-MM-DD') AS end_date,
         f.hub_id, h.code AS hub_code, h.name AS hub_name, h.name_vi AS hub_name_vi, h.city AS hub_city, h.time_zone AS hub_time_zone,
         f.placed_at, f.status
    FROM fellows f
    JOIN cohort_programme_v c ON c.id = f.cohort_id
    JOIN user_contacts_v u ON u.id = f.user_id
    LEFT JOIN hubs_v h ON h.id = f.hub_id`;

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
    const [row] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO fellows (cohort_id, user_id, application_id, full_name, gender, region, province, enterprise_name,
                            sector, languages, language_certificates, hub_preferences, selection_score,
                            start_date, end_date)
       SELECT c.id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13,
              c.programme_start_date,
              (c.programme_start_date + make_interval(months => c.track_months) - interval '1 day')::date
         FROM cohort_programme_v c WHERE c.id = $1
       ON CONFLICT (application_id) DO UPDATE SET updated_at = fellows.updated_at
       RETURNING id`,
      [
        input.cohortId,
        input.userId,
        input.applicationId,
        input.fullName,
        input.gender,
        input.region,
        input.province,
        input.enterpriseName,
        input.sector,
        spokenLanguages(input.languages),
        JSON.stringify(languageCertificates(input.languages)),
        input.hubPreferences,
        input.selectionScore,
      ],
    );
    if (!row) throw new NotFoundError('Cohort', input.cohortId);
    await this.accounts.grantRole(manager, input.userId, 'fellow');
    return row.id;
  }

  async listCohort(cohortId: string, manager: EntityManager = this.transactions.current()): Promise<FellowView[]> {
    const rows = await manager.query<FellowRow[]>(`${FELLOW_SQL} WHERE f.cohort_id = $1 ORDER BY f.full_name, f.id`, [
      cohortId,
    ]);
    return rows.map(toView);
  }

  /** The active fellows of a cohort, for placement and matching. */
  async activeInCohort(cohortId: string, manager: EntityManager = this.transactions.current()): Promise<FellowView[]> {
    const rows = await manager.query<FellowRow[]>(
      `${FELLOW_SQL} WHERE f.cohort_id = $1 AND f.status = 'active' ORDER BY f.full_name, f.id`,
      [cohortId],
    );
    return rows.map(toView);
  }

  async get(id: string, manager: EntityManager = this.transactions.current()): Promise<FellowView> {
    const [row] = await manager.query<FellowRow[]>(`${FELLOW_SQL} WHERE f.id = $1`, [id]);
    if (!row) throw new NotFoundError('Fellow', id);
    return toView(row);
  }

  /** The caller's own fellow records, newest cohort first. */
  async mine(actor: AuthenticatedUser): Promise<FellowView[]> {
    const rows = await this.db.query<FellowRow[]>(`${FELLOW_SQL} WHERE f.user_id = $1 ORDER BY f.start_date DESC`, [
      actor.id,
    ]);
    return rows.map(toView);
  }

  /** The fellow record this user holds, or null: how other modules check "is this my fellow record?". */
  async ownedBy(manager: EntityManager, fellowId: string, userId: string): Promise<boolean> {
    const [row] = await manager.query<unknown[]>(`SELECT 1 FROM fellows WHERE id = $1 AND user_id = $2`, [
      fellowId,
      userId,
    ]);
    return row !== undefined;
  }

  /** Sets where fellows are placed (a confirmed placement, or staff moving one), in the caller's transaction. */
  async place(manager: EntityManager, placements: Array<{ fellowId: string; hubId: string }>, at: Date): Promise<void> {
    if (!placements.length) return;
    await manager.query(
      `UPDATE fellows f SET hub_id = p.hub_id, placed_at = $2, updated_at = $2
         FROM jsonb_to_recordset($1::jsonb) AS p(fellow_id uuid, hub_id uuid)
        WHERE f.id = p.fellow_id`,
      [JSON.stringify(placements.map((p) => ({ fellow_id: p.fellowId, hub_id: p.hubId }))), at],
    );
  }

  /** Locks a fellow's row for a change that depends on its current state; null when there is none. */
  async lock(manager: EntityManager, id: string): Promise<FellowView | null> {
    const [row] = await manager.query<unknown[]>(`SELECT 1 FROM fellows WHERE id = $1 FOR UPDATE`, [id]);
    return row ? this.get(id, manager) : null;
  }

  /** A fellow states what they want from a mentor (staff may too); others get "not found". */
  async setGoals(actor: AuthenticatedUser, id: string, input: FellowGoalsDto): Promise<FellowView> {
    return this.transactions.run(async (manager) => {
      const isStaff = actor.roles.includes('staff') || actor.roles.includes('admin');
      const [before] = await manager.query<Array<{ goals: string[]; user_id: string }>>(
        `SELECT goals, user_id FROM fellows WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!before || (!isStaff && before.user_id !== actor.id)) throw new NotFoundError('Fellow', id);
      await manager.query(`UPDATE fellows SET goals = $2, updated_at = $3 WHERE id = $1`, [
        id,
        input.goals,
        this.clock.now(),
      ]);
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
    const [row] = await manager.query<Array<{ end_date: string }>>(
      `SELECT to_char(end_date, 'YYYY-MM-DD') AS end_date FROM fellows WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw new NotFoundError('Fellow', id);
    if (endDate <= row.end_date) return { before: row.end_date, after: row.end_date };
    await manager.query(`UPDATE fellows SET end_date = $2, updated_at = $3 WHERE id = $1`, [
      id,
      endDate,
      this.clock.now(),
    ]);
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
      const [before] = await manager.query<
        Array<{ start_date: string; end_date: string; status: FellowStatus; goals: string[] }>
      >(
        `SELECT to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date, status, goals
           FROM fellows WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!before) throw new NotFoundError('Fellow', id);
      const after = {
        start_date: input.startDate ?? before.start_date,
        end_date: input.endDate ?? before.end_date,
        status: input.status ?? before.status,
        goals: input.goals ?? before.goals,
      };
      if (after.end_date <= after.start_date) throw new FellowDatesError(after.start_date, after.end_date);
      await manager.query(
        `UPDATE fellows SET start_date = $2, end_date = $3, status = $4, goals = $5, updated_at = $6 WHERE id = $1`,
        [id, after.start_date, after.end_date, after.status, after.goals, this.clock.now()],
      );
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
