import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Application, ApplicationDocument, ApplicationStatusChange, type Region } from '@vgbf/applications';
import { type CohortView, CohortsService } from '@vgbf/cohorts';
import { readProgramData } from '@vgbf/config';
import { type AuthenticatedUser, Clock, formatInProgramZone, toProgramLocal } from '@vgbf/core';
import { AccountsService, User } from '@vgbf/identity';
import { DOCUMENT_STORAGE, type DocumentStorage } from '@vgbf/storage';
import type { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo-accounts';
import { type DemoApplicant, generateDemo } from './demo-data';
import { tinyPdf } from './tiny-pdf';

/** Same seed, same people: the demo looks the same on every machine. */
export const DEMO_SEED = 2027;
export const DEMO_APPLICANT_COUNT = 300;
const DAY = 86_400_000;
const CHUNK = 500;
/** Files written to storage at once. */
const PARALLEL_FILES = 8;

/**
 * The demo: one account per role, an open cohort (through CohortsService, so it is validated and
 * audited like staff's), and a few hundred applicants with an application in every status.
 *
 * The applicants are written in bulk, straight into the tables, in one transaction: going through
 * the HTTP API or the per-application services would take minutes (an argon2 hash each) and send
 * emails. So they share the demo applicant's password hash (same password) and no outbox row is made.
 * Their CVs and business registrations are tiny generated PDFs, stored through DocumentStorage.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: AccountsService,
    private readonly cohorts: CohortsService,
    private readonly clock: Clock,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  /** Seeds an empty database; returns what it did, for the terminal. */
  async seed(): Promise<string> {
    const users: User[] = [];
    for (const account of DEMO_ACCOUNTS) {
      users.push(await this.accounts.createVerifiedUser({ ...account, password: DEMO_PASSWORD }));
    }
    const staff = users.find((u) => u.roles.includes('staff'));
    const applicant = users.find((u) => u.roles.includes('applicant'));
    if (!staff || !applicant?.passwordHash) throw new Error('the demo accounts need a staff member and an applicant');

    const now = this.clock.now();
    // The accounts and the cohort commit in their services' own transactions; the applicants in one.
    // Should a later step fail, say what is left, since the next run skips a database with accounts.
    const { cohort, demo } = await this.applications(staff, applicant.passwordHash, now).catch((error: Error) => {
      throw new Error(
        `Seeding stopped after creating the demo accounts: ${error.message}. Drop the database, migrate and seed again.`,
      );
    });
    const statuses = new Set(demo.map((d) => d.application.status)).size;
    return (
      `Seeded ${DEMO_ACCOUNTS.length} demo accounts (password ${DEMO_PASSWORD}), ` +
      `cohort "${cohort.name}" open until ${formatInProgramZone(new Date(cohort.applicationClosesAt))}, ` +
      `and ${demo.length} applicants with an application each in ${statuses} statuses.`
    );
  }

  private async applications(
    staff: User,
    passwordHash: string,
    now: Date,
  ): Promise<{ cohort: CohortView; demo: DemoApplicant[] }> {
    const cohort = await this.openCohort(staff, now);
    const demo = generateDemo({
      seed: DEMO_SEED,
      count: DEMO_APPLICANT_COUNT,
      now,
      opensAt: new Date(cohort.applicationOpensAt),
      closesAt: new Date(cohort.applicationClosesAt),
      hubs: cohort.hubs,
      provinces: readProgramData('provinces.json') as Record<Region, string[]>,
      rules: cohort.eligibilityRules,
    });
    // Files stored for a transaction that then fails would belong to nothing: remove them.
    const stored: string[] = [];
    await this.db
      .transaction((manager) => this.insertApplicants(manager, demo, cohort.id, passwordHash, staff.id, stored))
      .catch(async (error: unknown) => {
        await Promise.all(stored.map((key) => this.storage.delete(key)));
        throw error;
      });
    return { cohort, demo };
  }

  /**
   * The cohort applicants can apply to now: opened three weeks ago, closing six weeks ahead (Vietnam
   * time), the programme starting the first of the month five months after. Named after that year.
   */
  private async openCohort(staff: User, now: Date): Promise<CohortView> {
    const actor: AuthenticatedUser = {
      id: staff.id,
      roles: staff.roles,
      sessionId: 'cli-seed',
      via: 'bearer',
      requestId: 'cli-seed',
    };
    const day = (offsetDays: number): string => toProgramLocal(new Date(now.getTime() + offsetDays * DAY)).slice(0, 10);
    const closes = day(42);
    const [y, m] = closes.split('-').map(Number) as [number, number];
    const startMonth = (m - 1 + 5) % 12;
    const startYear = y + Math.floor((m - 1 + 5) / 12);
    const created = await this.cohorts.create(actor, {
      name: `VGBF ${startYear}`,
      year: startYear,
      targetSize: 80,
      trackMonths: 9,
      applicationOpensAt: `${day(-21)}T08:00`,
      applicationClosesAt: `${closes}T23:59`,
      offerResponseDays: 7,
      programmeStartDate: `${startYear}-${String(startMonth + 1).padStart(2, '0')}-01`,
    });
    return this.cohorts.transition(actor, created.id, { status: 'open', reason: 'Demo data: applications open' });
  }

  private async insertApplicants(
    manager: EntityManager,
    demo: DemoApplicant[],
    cohortId: string,
    passwordHash: string,
    staffId: string,
    stored: string[],
  ): Promise<void> {
    const userIds = new Map<string, string>();
    const userRows = demo.map((d) => {
      // Registered and verified shortly before starting the application.
      const registered = new Date(d.application.createdAt.getTime() - 3600_000);
      return {
        email: d.email,
        emailNormalized: d.email.toLowerCase(),
        fullName: d.fullName,
        roles: ['applicant'],
        language: d.language,
        passwordHash,
        emailVerifiedAt: new Date(registered.getTime() + 600_000),
        createdAt: registered,
        updatedAt: registered,
      };
    });
    for (const row of await insertMany(manager, User, userRows, ['id', 'email'])) userIds.set(row.email, row.id);

    const applicationIds = new Map<string, string>();
    const applicationRows = demo.map(({ email, application: a }) => ({
      cohortId,
      applicantId: userIds.get(email),
      status: a.status,
      personal: a.personal,
      region: a.region,
      enterprise: a.enterprise,
      languages: a.languages,
      hubPreferences: a.hubPreferences,
      essays: a.essays,
      referees: a.referees,
      submittedAt: a.submittedAt,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    }));
    for (const row of await insertMany(manager, Application, applicationRows, ['id', 'applicantId'])) {
      applicationIds.set(row.applicant_id, row.id);
    }

    const changes = demo.flatMap(({ email, application: a }) => {
      const applicantId = userIds.get(email) as string;
      return a.history.map((c) => ({
        applicationId: applicationIds.get(applicantId),
        fromStatus: c.from,
        toStatus: c.to,
        actorId: c.by === 'applicant' ? applicantId : staffId,
        reason: c.reason,
        createdAt: c.at,
      }));
    });
    await insertMany(manager, ApplicationStatusChange, changes, ['id']);

    // The PDFs go through the storage the app uploads to, under the same key prefix.
    const uploads = demo.flatMap(({ email, application: a }) => {
      const applicantId = userIds.get(email) as string;
      const applicationId = applicationIds.get(applicantId) as string;
      return a.documents.map((document) => ({ applicantId, applicationId, document }));
    });
    const documentRows: ObjectLiteral[] = [];
    for (let i = 0; i < uploads.length; i += PARALLEL_FILES) {
      const batch = uploads.slice(i, i + PARALLEL_FILES).map(async ({ applicantId, applicationId, document }) => {
        const object = await this.storage.put(Readable.from(tinyPdf(document.lines)), {
          prefix: `applications/${applicationId}`,
        });
        stored.push(object.key);
        return {
          applicationId,
          kind: document.kind,
          filename: document.filename,
          sizeBytes: object.size,
          sha256: object.sha256,
          storageKey: object.key,
          uploadedBy: applicantId,
          createdAt: document.uploadedAt,
        };
      });
      documentRows.push(...(await Promise.all(batch)));
    }
    await insertMany(manager, ApplicationDocument, documentRows, ['id']);
  }
}

/**
 * Multi-row INSERTs, a few hundred rows each (PostgreSQL takes at most 65,535 parameters a statement).
 * `returning` names properties; the rows returned are keyed by column name (applicantId → applicant_id).
 */
async function insertMany(
  manager: EntityManager,
  entity: Function,
  rows: ObjectLiteral[],
  returning: string[],
): Promise<Array<Record<string, string>>> {
  const out: Array<Record<string, string>> = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + CHUNK))
      .returning(returning)
      .execute();
    out.push(...(result.raw as Array<Record<string, string>>));
  }
  return out;
}
