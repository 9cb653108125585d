import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type CohortView, CohortsService } from '@vgbf/cohorts';
import { readProgramData } from '@vgbf/config';
import { type AuthenticatedUser, Clock, NotFoundError } from '@vgbf/core';
import { AccessLog, ConsentLedger } from '@vgbf/personal-data';
import { Transactions } from '@vgbf/database';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ApplicationExistsError,
  CohortNotOpenError,
  DeadlinePassedError,
  InvalidFieldsError,
  InvalidSectionError,
  NotEditableError,
} from './applications.errors';
import { missingFields } from './completeness';
import { overLimits } from './limits';
import { applicantIdentity, refereeProblems } from './stored-checks';
import type { ApplicationView } from './dto/application.view';
import { cohortNameOf, cohortNamesOf, documentsOf, toDocumentView } from './document-views';
import type {
  EnterpriseSection,
  EssaysSection,
  HubPreferencesSection,
  LanguagesSection,
  PersonalSection,
  RefereesSection,
} from './dto/sections.dto';
import type { ApplicationDocument } from './entities/application-document.entity';
import { Application, type Region } from './entities/application.entity';

const STAFF = ['staff', 'admin'];

/**
 * The owner and staff may read an application (and its history and documents); anyone else is told
 * it does not exist. Reviewers will read the applications assigned to them once review assignments
 * exist (a later issue): that check plugs in here, so every read path gets it at once.
 */
export function canRead(actor: AuthenticatedUser, app: Pick<Application, 'applicantId'>): boolean {
  return app.applicantId === actor.id || actor.roles.some((r) => STAFF.includes(r));
}

let provinceRegions: Map<string, Region> | undefined;
/** Province → region, from config/provinces.json. */
function regionOf(province: string): Region | undefined {
  provinceRegions ??= new Map(
    Object.entries(readProgramData('provinces.json') as Record<Region, string[]>).flatMap(([region, names]) =>
      names.map((name) => [name, region as Region] as const),
    ),
  );
  return provinceRegions.get(province);
}

const defined = (obj: object): Record<string, unknown> =>
  Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));

export function toApplicationView(
  app: Application,
  documents: ApplicationDocument[],
  cohortName: string,
): ApplicationView {
  const missing = missingFields(app, documents);
  const flags = overLimits(app.essays);
  return {
    id: app.id,
    cohortId: app.cohortId,
    cohortName,
    status: app.status,
    personal: app.personal,
    region: app.region,
    enterprise: app.enterprise,
    languages: app.languages,
    hubPreferences: app.hubPreferences,
    essays: app.essays,
    referees: app.referees,
    documents: documents.map(toDocumentView),
    missing,
    flags,
    complete: missing.length === 0 && flags.length === 0,
    submittedAt: app.submittedAt?.toISOString() ?? null,
    submissionReopenedUntil: app.submissionReopenedUntil?.toISOString() ?? null,
    updatedAt: app.updatedAt.toISOString(),
  };
}

/**
 * A draft changes and is submitted only while its cohort is open and before the deadline (judged
 * at `at`), unless staff reopened this one application's submission and that has not run out.
 */
export function assertDraftWindow(
  app: Pick<Application, 'submissionReopenedUntil'>,
  cohort: { status: string; applicationClosesAt: Date | string },
  at: Date,
): void {
  if (app.submissionReopenedUntil && at < app.submissionReopenedUntil) return;
  const closes = new Date(cohort.applicationClosesAt);
  if (at >= closes) throw new DeadlinePassedError(closes);
  if (cohort.status !== 'open') throw new CohortNotOpenError(cohort.status);
}

/** The applicant's side of an application: start it, save its sections as drafts, read it. */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cohorts: CohortsService,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
    private readonly accessLog: AccessLog,
    private readonly consents: ConsentLedger,
  ) {}

  async start(actor: AuthenticatedUser, cohortId: string): Promise<ApplicationView> {
    const cohort = await this.cohorts.get(cohortId);
    this.assertWindowOpen(cohort);
    // Processing an application needs the applicant's consent to the purpose 'application' (Law 91/2025).
    await this.consents.require(actor.id, 'application');
    const repo = this.db.getRepository(Application);
    const inserted = await repo
      .createQueryBuilder()
      .insert()
      .values({ cohortId, applicantId: actor.id })
      .orIgnore()
      .returning('id')
      .execute();
    const row = (inserted.raw as Array<{ id: string }>)[0];
    if (!row) {
      const existing = await repo.findOneByOrFail({ cohortId, applicantId: actor.id });
      throw new ApplicationExistsError(existing.id);
    }
    return toApplicationView(await repo.findOneByOrFail({ id: row.id }), [], cohort.name);
  }

  async mine(actor: AuthenticatedUser): Promise<ApplicationView[]> {
    const apps = await this.db
      .getRepository(Application)
      .find({ where: { applicantId: actor.id }, order: { createdAt: 'DESC' } });
    const documents = await documentsOf(
      this.db.manager,
      apps.map((a) => a.id),
    );
    const names = await cohortNamesOf(
      this.db.manager,
      apps.map((a) => a.cohortId),
    );
    return apps.map((app) => toApplicationView(app, documents.get(app.id) ?? [], names.get(app.cohortId) ?? ''));
  }

  /** The owner and staff may read; anyone else is told it does not exist. */
  async get(actor: AuthenticatedUser, id: string): Promise<ApplicationView> {
    const app = await this.db.getRepository(Application).findOneBy({ id });
    if (!app || !canRead(actor, app)) throw new NotFoundError('Application', id);
    const documents = (await documentsOf(this.db.manager, [id])).get(id) ?? [];
    // Staff opening someone's full application: a line of the access log (the applicant's own reading is not).
    await this.accessLog.record({
      actorUserId: actor.id,
      subjectUserId: app.applicantId,
      resource: 'application',
      resourceId: id,
    });
    return toApplicationView(app, documents, await cohortNameOf(this.db.manager, app.cohortId));
  }

  savePersonal(actor: AuthenticatedUser, id: string, input: PersonalSection): Promise<ApplicationView> {
    return this.save(actor, id, (app) => {
      let region = app.region;
      // null clears a field (the form's emptied input); a cleared province clears the region derived from it.
      const province = input.province as string | null | undefined;
      if (province === null) region = null;
      else if (province !== undefined) {
        region = regionOf(province) ?? null;
        if (!region)
          throw new InvalidSectionError(
            'province',
            'province must be one of the 63 provinces of Viet Nam',
            'validation.province',
          );
      }
      return { personal: { ...app.personal, ...defined(input) }, region };
    });
  }

  saveEnterprise(actor: AuthenticatedUser, id: string, input: EnterpriseSection): Promise<ApplicationView> {
    return this.save(actor, id, (app) => ({ enterprise: { ...app.enterprise, ...defined(input) } }));
  }

  saveLanguages(actor: AuthenticatedUser, id: string, input: LanguagesSection): Promise<ApplicationView> {
    return this.save(actor, id, (app) => ({ languages: { ...app.languages, ...defined(input) } }));
  }

  saveHubPreferences(actor: AuthenticatedUser, id: string, input: HubPreferencesSection): Promise<ApplicationView> {
    return this.save(actor, id, (_app, cohort) => {
      const codes = new Set(cohort.hubs.map((h) => h.code));
      input.ranking.forEach((code, i) => {
        if (!codes.has(code)) {
          throw new InvalidSectionError(
            `ranking.${i}`,
            `ranking.${i} must be one of this cohort's hubs: ${[...codes].join(', ')}`,
            'validation.hub_of_cohort',
          );
        }
      });
      return { hubPreferences: input.ranking };
    });
  }

  saveEssays(actor: AuthenticatedUser, id: string, input: EssaysSection): Promise<ApplicationView> {
    return this.save(actor, id, (app) => ({ essays: { ...app.essays, ...defined(input) } }));
  }

  saveReferees(actor: AuthenticatedUser, id: string, input: RefereesSection): Promise<ApplicationView> {
    return this.save(actor, id, async (app, _cohort, manager) => {
      const referees = input.referees.map((r) => ({ ...r }));
      const problems = refereeProblems(referees, await applicantIdentity(manager, app));
      if (problems.length) throw new InvalidFieldsError(problems);
      return { referees };
    });
  }

  /**
   * Locks the caller's own application for a change, which only a draft takes, and only before the
   * deadline (judged at `at`). Anyone else's application is a 404. Section saves and documents both use it.
   */
  async lockEditable(
    manager: EntityManager,
    actor: AuthenticatedUser,
    id: string,
    at: Date,
  ): Promise<{ app: Application; cohort: CohortView }> {
    const app = await manager
      .getRepository(Application)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!app || app.applicantId !== actor.id) throw new NotFoundError('Application', id);
    if (app.status !== 'draft') throw new NotEditableError(app.status);
    const cohort = await this.cohorts.get(app.cohortId, manager);
    assertDraftWindow(app, cohort, at);
    return { app, cohort };
  }

  /** One section's draft save: the owner only, a draft only, before the deadline (server clock). */
  private async save(
    actor: AuthenticatedUser,
    id: string,
    change: (
      app: Application,
      cohort: CohortView,
      manager: EntityManager,
    ) => Partial<Application> | Promise<Partial<Application>>,
  ): Promise<ApplicationView> {
    return this.transactions.run(async (manager) => {
      const { app, cohort } = await this.lockEditable(manager, actor, id, this.clock.now());
      Object.assign(app, await change(app, cohort, manager));
      const saved = await manager.getRepository(Application).save(app);
      return toApplicationView(saved, (await documentsOf(manager, [id])).get(id) ?? [], cohort.name);
    });
  }

  private assertWindowOpen(cohort: CohortView): void {
    const now = this.clock.now();
    const closes = new Date(cohort.applicationClosesAt);
    if (now >= closes) throw new DeadlinePassedError(closes);
    if (cohort.status !== 'open' || now < new Date(cohort.applicationOpensAt)) throw new CohortNotOpenError();
  }
}
