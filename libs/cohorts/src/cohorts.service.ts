import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import {
  type AuthenticatedUser,
  Clock,
  NotFoundError,
  programDay,
  parseProgramLocal,
  PROGRAM_TIME_ZONE,
  toProgramLocal,
} from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import { DataSource, type EntityManager, In } from 'typeorm';
import { cohortSettings } from './data-access/cohort-settings';
import { canTransition, COHORT_TRANSITIONS } from './cohort-lifecycle';
import { CohortHooks, type TransitionBlocker } from './cohort-hooks';
import { cohortBlockers } from './cohort-preconditions';
import {
  CohortNameTakenError,
  CohortSettingsLockedError,
  CohortTransitionBlockedError,
  IllegalCohortTransitionError,
  InvalidCohortError,
} from './cohorts.errors';
import {
  type CohortView,
  type CreateCohortDto,
  eligibilityRuleErrors,
  type EligibilityRuleDto,
  type HubDto,
  type TransitionDto,
  type TransitionOptionView,
  type UpdateCohortDto,
} from './dto/cohort.dto';
import { Cohort, type CohortStatus, type EligibilityRule } from './entities/cohort.entity';
import { Hub } from './entities/hub.entity';
import { defaultFeedbackCheckpoints } from './feedback/checkpoint-rules';
import { defaultEligibilityRules, defaultHubs } from './program-defaults';

/** The cohort's own settings, as shown and as recorded before/after in the audit log. */
function snapshot(cohort: Cohort) {
  return {
    name: cohort.name,
    year: cohort.year,
    targetSize: cohort.targetSize,
    trackMonths: cohort.trackMonths,
    applicationOpensAt: cohort.applicationOpensAt.toISOString(),
    applicationClosesAt: cohort.applicationClosesAt.toISOString(),
    offerResponseDays: cohort.offerResponseDays,
    programmeStartDate: cohort.programmeStartDate,
    status: cohort.status,
    eligibilityRules: cohort.eligibilityRules,
  };
}

/** Settings that stay editable only while applications have not been judged yet. */
const EDITABLE_UNTIL_REVIEW: readonly CohortStatus[] = ['draft', 'open'];

/** Rules as stored: only the parameters each rule reads. */
export function storedRules(rules: EligibilityRuleDto[]): EligibilityRule[] {
  const errors = eligibilityRuleErrors(rules);
  if (errors.length) throw new InvalidCohortError(errors[0].field, errors[0].message, errors[0].code);
  return rules.map(({ code, params }) => ({
    code,
    params: Object.fromEntries(Object.entries(params ?? {}).filter(([, v]) => v !== undefined)),
  }));
}

function toView(cohort: Cohort, hubs: Hub[]): CohortView {
  return {
    id: cohort.id,
    ...snapshot(cohort),
    applicationWindowLocal: {
      opens: toProgramLocal(cohort.applicationOpensAt),
      closes: toProgramLocal(cohort.applicationClosesAt),
      timeZone: PROGRAM_TIME_ZONE,
    },
    eligibilityRules: cohort.eligibilityRules,
    hubs: hubs
      .sort((a, b) => a.code.localeCompare(b.code))
      .map(
        ({
          id,
          code,
          name,
          nameVi,
          city,
          capacity,
          minimumFellows,
          timeZone,
          localLanguages,
          partnerOrganisations,
          languageRequirements,
        }) => ({
          id,
          code,
          name,
          nameVi,
          city,
          capacity,
          minimumFellows,
          timeZone,
          localLanguages,
          partnerOrganisations,
          languageRequirements,
        }),
      ),
  };
}

/** Staff run cohorts: their window (in Vietnam time), size, track, hubs, and lifecycle. Every change is audited. */
/** A hub as stored for a cohort, its optional fields defaulted: for a new cohort and for replaced hubs. */
export const hubRow = (cohortId: string, hub: HubDto) => ({
  cohortId,
  code: hub.code,
  name: hub.name,
  nameVi: hub.nameVi ?? null,
  city: hub.city,
  capacity: hub.capacity,
  minimumFellows: hub.minimumFellows ?? 0,
  timeZone: hub.timeZone ?? 'UTC',
  localLanguages: hub.localLanguages ?? [],
  partnerOrganisations: hub.partnerOrganisations ?? [],
  languageRequirements: hub.languageRequirements ?? [],
});

/** A hub cannot ask for more fellows than it can take (400 on the hub's minimum). */
export function assertHubMinimums(hubs: readonly HubDto[]): void {
  hubs.forEach((hub, i) => {
    if ((hub.minimumFellows ?? 0) > hub.capacity) {
      throw new InvalidCohortError(
        `hubs.${i}.minimumFellows`,
        `hubs.${i}.minimumFellows (${hub.minimumFellows}) must be at most the hub's capacity (${hub.capacity})`,
        'validation.minimum_over_capacity',
        { capacity: hub.capacity },
      );
    }
  });
}

@Injectable()
export class CohortsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly hooks: CohortHooks,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  /** Inside a caller's transaction (a copy) it joins that transaction; otherwise it opens its own. */
  async create(actor: AuthenticatedUser, input: CreateCohortDto): Promise<CohortView> {
    const window = this.window(input.applicationOpensAt, input.applicationClosesAt, input.programmeStartDate);
    const hubs: HubDto[] = input.hubs ?? defaultHubs();
    assertHubMinimums(hubs);
    const eligibilityRules = input.eligibilityRules ? storedRules(input.eligibilityRules) : defaultEligibilityRules();
    return this.transactions.run(async (manager) => {
      await this.assertNameFree(manager, input.name);
      const cohort = await manager.getRepository(Cohort).save({
        name: input.name,
        year: input.year,
        targetSize: input.targetSize,
        trackMonths: input.trackMonths,
        applicationOpensAt: window.opens,
        applicationClosesAt: window.closes,
        offerResponseDays: input.offerResponseDays,
        programmeStartDate: input.programmeStartDate,
        status: 'draft',
        eligibilityRules,
        feedbackCheckpoints: defaultFeedbackCheckpoints(),
      });
      const saved = await manager.getRepository(Hub).save(hubs.map((hub) => hubRow(cohort.id, hub)));
      await this.audit.record(manager, actor, {
        action: 'cohort.created',
        entityType: 'cohort',
        entityId: cohort.id,
        after: { ...snapshot(cohort), hubs: saved.map((h) => ({ code: h.code, capacity: h.capacity })) },
      });
      return toView(cohort, saved);
    });
  }

  async list(): Promise<CohortView[]> {
    const cohorts = await this.db.getRepository(Cohort).find({ order: { year: 'DESC', name: 'ASC' } });
    return this.withHubs(cohorts);
  }

  /** Cohorts taking applications now: what an applicant can apply to. */
  async listOpen(now: Date): Promise<CohortView[]> {
    const cohorts = await this.db
      .getRepository(Cohort)
      .createQueryBuilder('c')
      .where(`c.status = 'open' AND c.application_opens_at <= :now AND c.application_closes_at > :now`, { now })
      .orderBy('c.application_closes_at', 'ASC')
      .getMany();
    return this.withHubs(cohorts);
  }

  /**
   * Inside a transaction pass its manager: a second pool connection taken while the transaction holds
   * one deadlocks the pool once every connection is such a transaction (a burst of submits did).
   */
  async get(id: string, manager: EntityManager = this.transactions.current()): Promise<CohortView> {
    const cohort = await manager.getRepository(Cohort).findOneBy({ id });
    if (!cohort) throw new NotFoundError('Cohort', id);
    return (await this.withHubs([cohort], manager))[0];
  }

  /** The cohort's own settings (window, eligibility rules) without its hubs: what judging a submission needs. */
  async settings(
    id: string,
    manager: EntityManager = this.transactions.current(),
  ): Promise<
    Pick<Cohort, 'id' | 'name' | 'status' | 'applicationOpensAt' | 'applicationClosesAt' | 'eligibilityRules'>
  > {
    // One typed SELECT, no entity hydration: this is on the submit path, the busiest write.
    const row = await cohortSettings(manager, id);
    if (!row) throw new NotFoundError('Cohort', id);
    return {
      id: row.id,
      name: row.name,
      status: row.status,
      applicationOpensAt: row.application_opens_at,
      applicationClosesAt: row.application_closes_at,
      eligibilityRules: row.eligibility_rules,
    };
  }

  async update(actor: AuthenticatedUser, id: string, input: UpdateCohortDto): Promise<CohortView> {
    return this.transactions.run(async (manager) => {
      const repo = manager.getRepository(Cohort);
      const cohort = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!cohort) throw new NotFoundError('Cohort', id);
      const before = snapshot(cohort);
      if (input.eligibilityRules !== undefined && !EDITABLE_UNTIL_REVIEW.includes(cohort.status))
        throw new CohortSettingsLockedError('eligibility rules', cohort.status);
      const eligibilityRules = input.eligibilityRules ? storedRules(input.eligibilityRules) : cohort.eligibilityRules;
      if (input.name !== undefined && input.name !== cohort.name) await this.assertNameFree(manager, input.name);
      const window = this.window(
        input.applicationOpensAt ?? toProgramLocal(cohort.applicationOpensAt),
        input.applicationClosesAt ?? toProgramLocal(cohort.applicationClosesAt),
        input.programmeStartDate ?? cohort.programmeStartDate,
      );
      Object.assign(cohort, {
        ...input,
        eligibilityRules,
        applicationOpensAt: window.opens,
        applicationClosesAt: window.closes,
      });
      await repo.save(cohort);
      await this.audit.record(manager, actor, {
        action: 'cohort.updated',
        entityType: 'cohort',
        entityId: id,
        before,
        after: snapshot(cohort),
      });
      const hubs = await manager.getRepository(Hub).findBy({ cohortId: id });
      return toView(cohort, hubs);
    });
  }

  /** The changes a cohort can make next, each with the preconditions still unmet. */
  async transitionOptions(id: string): Promise<TransitionOptionView[]> {
    const cohort = await this.db.getRepository(Cohort).findOneBy({ id });
    if (!cohort) throw new NotFoundError('Cohort', id);
    const options: TransitionOptionView[] = [];
    for (const to of COHORT_TRANSITIONS[cohort.status]) {
      options.push({ to, blockers: await this.blockers(this.db.manager, cohort, to) });
    }
    return options;
  }

  /**
   * Applies one status change from the lifecycle table once its preconditions hold (or staff override
   * them with a reason), with the reason and any overridden preconditions in the audit log.
   */
  async transition(actor: AuthenticatedUser, id: string, input: TransitionDto): Promise<CohortView> {
    if (input.override && !input.reason?.trim())
      throw new InvalidCohortError('reason', 'reason is required to override a precondition', 'validation.required');
    return this.transactions.run(async (manager) => {
      const repo = manager.getRepository(Cohort);
      const cohort = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!cohort) throw new NotFoundError('Cohort', id);
      const from = cohort.status;
      if (!canTransition(from, input.status)) {
        throw new IllegalCohortTransitionError(from, input.status, COHORT_TRANSITIONS[from]);
      }
      const blockers = await this.blockers(manager, cohort, input.status);
      if (blockers.length && !input.override) throw new CohortTransitionBlockedError(from, input.status, blockers);
      await repo.update({ id }, { status: input.status });
      cohort.status = input.status;
      await this.audit.record(manager, actor, {
        action: 'cohort.status_changed',
        entityType: 'cohort',
        entityId: id,
        before: { status: from },
        after: blockers.length
          ? { status: input.status, overridden: blockers.map((b) => b.code) }
          : { status: input.status },
        reason: input.reason ?? null,
      });
      return toView(cohort, await manager.getRepository(Hub).findBy({ cohortId: id }));
    });
  }

  private async blockers(manager: EntityManager, cohort: Cohort, to: CohortStatus): Promise<TransitionBlocker[]> {
    const now = this.clock.now();
    const hubs = await manager.getRepository(Hub).countBy({ cohortId: cohort.id });
    const blockers = cohortBlockers({ ...cohort, hubs }, cohort.status, to, now, programDay(now));
    for (const { check } of this.hooks.checks) blockers.push(...(await check(manager, cohort.id, cohort.status, to)));
    return blockers;
  }

  private window(opensLocal: string, closesLocal: string, programmeStartDate: string): { opens: Date; closes: Date } {
    const opens = parseProgramLocal(opensLocal);
    if (!opens) {
      const message = 'applicationOpensAt is not a real date and time';
      throw new InvalidCohortError('applicationOpensAt', message, 'validation.local_date_time');
    }
    const closes = parseProgramLocal(closesLocal);
    if (!closes) {
      const message = 'applicationClosesAt is not a real date and time';
      throw new InvalidCohortError('applicationClosesAt', message, 'validation.local_date_time');
    }
    if (closes <= opens) {
      const message = 'applicationClosesAt must be after applicationOpensAt';
      throw new InvalidCohortError('applicationClosesAt', message, 'validation.closes_after_opens');
    }
    const start = parseProgramLocal(`${programmeStartDate}T00:00`);
    if (!start) {
      const message = 'programmeStartDate is not a real date';
      throw new InvalidCohortError('programmeStartDate', message, 'validation.calendar_date');
    }
    if (start <= closes) {
      throw new InvalidCohortError(
        'programmeStartDate',
        'programmeStartDate must be after the application window closes',
        'validation.starts_after_window',
      );
    }
    return { opens, closes };
  }

  private async assertNameFree(manager: EntityManager, name: string): Promise<void> {
    const taken = await manager
      .getRepository(Cohort)
      .createQueryBuilder('c')
      .where('lower(c.name) = lower(:name)', { name })
      .getExists();
    if (taken) throw new CohortNameTakenError(name);
  }

  private async withHubs(
    cohorts: Cohort[],
    manager: EntityManager = this.transactions.current(),
  ): Promise<CohortView[]> {
    if (!cohorts.length) return [];
    const hubs = await manager.getRepository(Hub).findBy({ cohortId: In(cohorts.map((c) => c.id)) });
    return cohorts.map((c) =>
      toView(
        c,
        hubs.filter((h) => h.cohortId === c.id),
      ),
    );
  }
}
