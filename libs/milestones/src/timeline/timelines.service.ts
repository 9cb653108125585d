import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, Clock, NotFoundError } from '@vgbf/core';
import { type FellowDatesChange, FellowsService, lockActiveFellowsOfCohort, lockFellows } from '@vgbf/fellows';
import { Transactions, lockInOrder } from '@vgbf/database';
import type { EntityManager } from 'typeorm';
import {
  cascadeDueDates,
  dueDatesOf,
  fellowsForTimelines,
  grantExtension,
  insertTimeline,
  milestoneOwner,
  milestoneRules,
  moveBaseDates,
} from '../data-access/timelines';
import type { ExtensionDto, MilestoneView, TimelinesCreatedView } from '../dto/milestone.dto';
import { MilestoneReadsService } from '../milestone-reads.service';
import { ExtensionPastEndDateError } from '../milestones.errors';
import { addDays, baseDueOn, daysBetween } from './due-dates';
import { MilestoneTemplatesService } from './templates.service';

/**
 * Fellows' timelines: created from the cohort's template, moved by extensions (which cascade to
 * every later milestone) and by changes of the fellow's dates. `due_on` is always
 * `base_due_on + Σ extension_days` of the milestones at or before it (by position), recomputed in
 * the transaction that changes either; reminders, keyed by due_on, follow by themselves.
 */
@Injectable()
export class TimelinesService implements OnModuleInit {
  constructor(
    private readonly templates: MilestoneTemplatesService,
    private readonly fellows: FellowsService,
    private readonly reads: MilestoneReadsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  onModuleInit(): void {
    this.fellows.onStartDateChanged((manager, fellowId, change) => this.followFellowDates(manager, fellowId, change));
  }

  /** Every active fellow of the cohort without a timeline gets one; the others are left as they are. */
  async create(actor: AuthenticatedUser, cohortId: string): Promise<TimelinesCreatedView> {
    return this.transactions.run(async (manager) => {
      const cohort = await this.templates.cohort(manager, cohortId, true);
      const template = await this.templates.ensure(manager, actor, cohort);
      // The cohort's active fellows, locked through fellows (lock-order.ts level 5, after the cohort), then read.
      const ids = await lockActiveFellowsOfCohort(manager, cohortId);
      const fellows = await fellowsForTimelines(manager, ids);
      const created = fellows.filter((f) => !f.has);
      for (const fellow of created) {
        const rows = template.map((t) => {
          const due = baseDueOn(
            { anchor: t.anchor, offsetMonths: t.offset_months, offsetDays: t.offset_days },
            { startDate: fellow.start_date, endDate: fellow.end_date },
          );
          return { ...t, template_id: t.id, due_on: due };
        });
        await insertTimeline(manager, fellow.id, rows);
        await this.audit.record(manager, actor, {
          action: 'milestone.timeline_created',
          entityType: 'fellow',
          entityId: fellow.id,
          after: { cohortId, milestones: rows.map((r) => ({ code: r.code, dueOn: r.due_on })) },
        });
      }
      return {
        created: created.length,
        skipped: fellows.length - created.length,
        fellowIds: created.map((f) => f.id),
      };
    });
  }

  /** Staff grant days on one milestone: it and every later one move by them; audited with the reason. */
  async extend(actor: AuthenticatedUser, id: string, input: ExtensionDto): Promise<MilestoneView> {
    return this.transactions.run(async (manager) => {
      const milestone = await milestoneOwner(manager, id);
      if (!milestone) throw new NotFoundError('Milestone', id);
      // The timeline (the fellow's row), then the milestone it writes: lock-order.ts levels 5 and 7.
      await lockFellows(manager, [milestone.fellow_id]);
      await lockInOrder(manager, [{ table: 'milestones', ids: [id] }]);
      const before = await this.dueDates(manager, milestone.fellow_id);
      await grantExtension(
        manager,
        { milestoneId: id, days: input.days, reason: input.reason, grantedBy: actor.id },
        this.clock.now(),
      );
      await this.cascade(manager, milestone.fellow_id);
      const after = await this.dueDates(manager, milestone.fellow_id);
      const endDate = await this.outlast(manager, actor, milestone.fellow_id, after, input);
      await this.audit.record(manager, actor, {
        action: 'milestone.extended',
        entityType: 'milestone',
        entityId: id,
        before: { dueOn: before, ...(endDate ? { endDate: endDate.before } : {}) },
        after: { days: input.days, dueOn: after, ...(endDate ? { endDate: endDate.after } : {}) },
        reason: input.reason,
      });
      return this.reads.milestone(milestone.fellow_id, id);
    });
  }

  /**
   * Milestones moved past the fellow's end date by an extension: refused (the transaction rolls the
   * extension back) unless staff confirmed moving the end date, which then moves to the last due date.
   */
  private async outlast(
    manager: EntityManager,
    actor: AuthenticatedUser,
    fellowId: string,
    dueOn: Record<string, string>,
    input: ExtensionDto,
  ): Promise<{ before: string; after: string } | null> {
    const fellow = await this.fellows.get(fellowId, manager);
    const late = Object.entries(dueOn).filter(([, day]) => day > fellow.endDate);
    if (!late.length) return null;
    const lastDueOn = late
      .map(([, day]) => day)
      .sort()
      .at(-1)!;
    if (!input.moveEndDate)
      throw new ExtensionPastEndDateError(
        fellow.endDate,
        lastDueOn,
        late.map(([code]) => code),
      );
    return this.fellows.extendEndDate(manager, actor, fellowId, lastDueOn, input.reason);
  }

  /**
   * The fellow's dates changed (inside the fellows update's transaction): each milestone's base date
   * is computed again from its template rule and the new year; a milestone without a template (made
   * by hand) moves by as many days as the start did. Extensions stay granted.
   */
  private async followFellowDates(manager: EntityManager, fellowId: string, change: FellowDatesChange): Promise<void> {
    await this.lockTimeline(manager, fellowId);
    const milestones = await milestoneRules(manager, fellowId);
    if (!milestones.length) return;
    const shift = daysBetween(change.before.startDate, change.after.startDate);
    const moved = milestones.map((m) => ({
      id: m.id,
      base_due_on: m.anchor
        ? baseDueOn({ anchor: m.anchor, offsetMonths: m.offset_months, offsetDays: m.offset_days }, change.after)
        : addDays(m.base_due_on, shift),
    }));
    const before = await this.dueDates(manager, fellowId);
    await moveBaseDates(manager, moved, this.clock.now());
    await this.cascade(manager, fellowId);
    await this.audit.record(manager, change.actor, {
      action: 'milestone.timeline_moved',
      entityType: 'fellow',
      entityId: fellowId,
      before: { ...change.before, dueOn: before },
      after: { ...change.after, dueOn: await this.dueDates(manager, fellowId) },
      reason: change.reason,
    });
  }

  /** due_on = base_due_on + the extension days of every milestone at or before it (peers by position included). */
  private async cascade(manager: EntityManager, fellowId: string): Promise<void> {
    await cascadeDueDates(manager, fellowId, this.clock.now());
  }

  /** One writer at a time per timeline: the fellow's row is the lock. */
  private async lockTimeline(manager: EntityManager, fellowId: string): Promise<void> {
    await lockFellows(manager, [fellowId]);
  }

  private async dueDates(manager: EntityManager, fellowId: string): Promise<Record<string, string>> {
    const rows = await dueDatesOf(manager, fellowId);
    return Object.fromEntries(rows.map((r) => [r.code, r.due_on]));
  }
}
