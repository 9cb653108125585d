import { Injectable } from '@nestjs/common';
import { AuditService } from '@vgbf/audit';
import { TRACK_MONTHS } from '@vgbf/cohorts';
import { readProgramData } from '@vgbf/config';
import { type AuthenticatedUser, Clock, NotFoundError, programDay } from '@vgbf/core';
import { Transactions, lockInOrder } from '@vgbf/database';
import type { EntityManager } from 'typeorm';
import {
  type CohortRow,
  type TemplateRow,
  cohortProgramme,
  deleteOtherCodes,
  templateRows,
  upsertTemplate,
} from '../data-access/templates';
import type { PutTemplateDto, TemplateItemView, TemplateView } from '../dto/milestone.dto';
import { MilestoneInputError, ProgrammeStartedError, UnknownTrackError } from '../milestones.errors';
import { type MilestonesConfig, type TemplateItem, parseMilestonesConfig, templateErrors } from './template-rules';

const toItemView = (r: TemplateRow): TemplateItemView => ({
  id: r.id,
  position: r.position,
  code: r.code,
  title: r.title,
  description: r.description,
  anchor: r.anchor,
  offsetMonths: r.offset_months,
  offsetDays: r.offset_days,
  evidence: r.evidence,
  reviewer: r.reviewer,
  pillars: r.pillars,
});

const snapshot = (rows: Array<TemplateRow | TemplateItem>): Array<Record<string, unknown>> =>
  rows.map((r) => ({
    code: r.code,
    anchor: r.anchor,
    offsetMonths: 'offset_months' in r ? r.offset_months : r.offsetMonths,
    offsetDays: 'offset_days' in r ? r.offset_days : r.offsetDays,
    evidence: r.evidence,
    reviewer: r.reviewer,
    title: r.title.en,
  }));

/**
 * A cohort's milestone template: copied from config/milestones.json (read and checked once, at
 * start) for the cohort's track the first time staff or the timelines touch it, then editable by
 * staff until the programme starts. "Started" means the cohort's programme start date has been
 * reached in Vietnam (not the cohort's status): the date is what fellows' timelines are built from.
 */
@Injectable()
export class MilestoneTemplatesService {
  readonly config: MilestonesConfig = parseMilestonesConfig(readProgramData('milestones.json'), TRACK_MONTHS);

  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  async get(actor: AuthenticatedUser, cohortId: string): Promise<TemplateView> {
    return this.transactions.run(async (manager) => {
      // Locked: two first reads copy the config once.
      const cohort = await this.cohort(manager, cohortId, true);
      return this.view(cohort, await this.ensure(manager, actor, cohort));
    });
  }

  /** Replaces the template (order = position), keeping the rows of codes that stay; audited. */
  async put(actor: AuthenticatedUser, cohortId: string, input: PutTemplateDto): Promise<TemplateView> {
    const errors = templateErrors(input.milestones);
    if (errors.length) throw new MilestoneInputError(errors);
    return this.transactions.run(async (manager) => {
      const cohort = await this.cohort(manager, cohortId, true);
      if (programDay(this.clock.now()) >= cohort.programme_start_date)
        throw new ProgrammeStartedError(cohort.programme_start_date);
      const before = await this.ensure(manager, actor, cohort);
      await deleteOtherCodes(
        manager,
        cohortId,
        input.milestones.map((m) => m.code),
      );
      await upsertTemplate(manager, cohortId, input.milestones, { onlyNew: false, at: this.clock.now() });
      const after = await this.rows(manager, cohortId);
      await this.audit.record(manager, actor, {
        action: 'milestone_template.updated',
        entityType: 'cohort',
        entityId: cohortId,
        before: { milestones: snapshot(before) },
        after: { milestones: snapshot(after) },
      });
      return this.view(cohort, after);
    });
  }

  /** The cohort's template rows, copied from the config for its track when it has none yet. */
  async ensure(
    manager: EntityManager,
    actor: AuthenticatedUser,
    cohort: { id: string; track_months: number },
  ): Promise<TemplateRow[]> {
    const existing = await this.rows(manager, cohort.id);
    if (existing.length) return existing;
    const defaults = this.config[String(cohort.track_months)];
    if (!defaults) throw new UnknownTrackError(cohort.track_months);
    await upsertTemplate(manager, cohort.id, defaults, { onlyNew: true });
    await this.audit.record(manager, actor, {
      action: 'milestone_template.copied',
      entityType: 'cohort',
      entityId: cohort.id,
      after: { trackMonths: cohort.track_months, milestones: snapshot(defaults) },
    });
    return this.rows(manager, cohort.id);
  }

  /** The cohort's track and start (from cohorts' cohort_programme_v); `lock` takes the cohort lock first (level 2). */
  async cohort(manager: EntityManager, cohortId: string, lock = false): Promise<CohortRow> {
    if (lock) await lockInOrder(manager, [{ table: 'cohorts', ids: [cohortId] }]);
    const row = await cohortProgramme(manager, cohortId);
    if (!row) throw new NotFoundError('Cohort', cohortId);
    return row;
  }

  rows(manager: EntityManager, cohortId: string): Promise<TemplateRow[]> {
    return templateRows(manager, cohortId);
  }

  private view(cohort: CohortRow, rows: TemplateRow[]): TemplateView {
    return {
      cohortId: cohort.id,
      trackMonths: cohort.track_months,
      programmeStartDate: cohort.programme_start_date,
      editable: programDay(this.clock.now()) < cohort.programme_start_date,
      milestones: rows.map(toItemView),
    };
  }
}
