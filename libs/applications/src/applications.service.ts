import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type CohortView, CohortsService } from '@vgbf/cohorts';
import { readProgramData } from '@vgbf/config';
import { type AuthenticatedUser, Clock, NotFoundError } from '@vgbf/core';
import { DataSource } from 'typeorm';
import {
  ApplicationExistsError,
  CohortNotOpenError,
  DeadlinePassedError,
  InvalidSectionError,
  NotEditableError,
} from './applications.errors';
import { missingFields } from './completeness';
import type { ApplicationView } from './dto/application.view';
import type {
  EnterpriseSection,
  EssaysSection,
  HubPreferencesSection,
  LanguagesSection,
  PersonalSection,
  RefereesSection,
} from './dto/sections.dto';
import { Application, type Region } from './entities/application.entity';

const STAFF = ['staff', 'admin'];

/** The owner and staff may read an application; anyone else is told it does not exist. */
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

export function toApplicationView(app: Application): ApplicationView {
  const missing = missingFields(app);
  return {
    id: app.id,
    cohortId: app.cohortId,
    status: app.status,
    personal: app.personal,
    region: app.region,
    enterprise: app.enterprise,
    languages: app.languages,
    hubPreferences: app.hubPreferences,
    essays: app.essays,
    referees: app.referees,
    missing,
    complete: missing.length === 0,
    submittedAt: app.submittedAt?.toISOString() ?? null,
    updatedAt: app.updatedAt.toISOString(),
  };
}

/** The applicant's side of an application: start it, save its sections as drafts, read it. */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cohorts: CohortsService,
    private readonly clock: Clock,
  ) {}

  async start(actor: AuthenticatedUser, cohortId: string): Promise<ApplicationView> {
    const cohort = await this.cohorts.get(cohortId);
    this.assertWindowOpen(cohort);
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
    return toApplicationView(await repo.findOneByOrFail({ id: row.id }));
  }

  async mine(actor: AuthenticatedUser): Promise<ApplicationView[]> {
    const apps = await this.db
      .getRepository(Application)
      .find({ where: { applicantId: actor.id }, order: { createdAt: 'DESC' } });
    return apps.map(toApplicationView);
  }

  /** The owner and staff may read; anyone else is told it does not exist. */
  async get(actor: AuthenticatedUser, id: string): Promise<ApplicationView> {
    const app = await this.db.getRepository(Application).findOneBy({ id });
    if (!app || !canRead(actor, app)) throw new NotFoundError('Application', id);
    return toApplicationView(app);
  }

  savePersonal(actor: AuthenticatedUser, id: string, input: PersonalSection): Promise<ApplicationView> {
    return this.save(actor, id, (app) => {
      let region = app.region;
      if (input.province !== undefined) {
        region = regionOf(input.province) ?? null;
        if (!region) throw new InvalidSectionError('province', 'province must be one of the 63 provinces of Viet Nam');
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
    return this.save(actor, id, () => ({ referees: input.referees.map((r) => ({ ...r })) }));
  }

  /** One section's draft save: the owner only, a draft only, before the deadline (server clock). */
  private async save(
    actor: AuthenticatedUser,
    id: string,
    change: (app: Application, cohort: CohortView) => Partial<Application>,
  ): Promise<ApplicationView> {
    return this.db.transaction(async (manager) => {
      const repo = manager.getRepository(Application);
      const app = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!app || app.applicantId !== actor.id) throw new NotFoundError('Application', id);
      if (app.status !== 'draft') throw new NotEditableError(app.status);
      const cohort = await this.cohorts.get(app.cohortId);
      const closes = new Date(cohort.applicationClosesAt);
      if (this.clock.now() >= closes) throw new DeadlinePassedError(closes);
      Object.assign(app, change(app, cohort));
      return toApplicationView(await repo.save(app));
    });
  }

  private assertWindowOpen(cohort: CohortView): void {
    const now = this.clock.now();
    const closes = new Date(cohort.applicationClosesAt);
    if (now >= closes) throw new DeadlinePassedError(closes);
    if (cohort.status !== 'open' || now < new Date(cohort.applicationOpensAt)) throw new CohortNotOpenError();
  }
}
