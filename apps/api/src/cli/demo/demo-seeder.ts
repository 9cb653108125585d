import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Application, ApplicationDocument, ApplicationStatusChange, type Region } from '@vgbf/applications';
import { type CohortView, CohortsService } from '@vgbf/cohorts';
import type { Rubric } from '@vgbf/committee';
import { readProgramData } from '@vgbf/config';
import {
  type AuthenticatedUser,
  Clock,
  formatInProgramZone,
  parseProgramLocal,
  programDay,
  toProgramLocal,
} from '@vgbf/core';
import { runQuery, typedSql } from '@vgbf/database';
import { FellowsService } from '@vgbf/fellows';
import { AccountsService, User } from '@vgbf/identity';
import { TimelinesService } from '@vgbf/milestones';
import { type Purpose, TransferRegister } from '@vgbf/personal-data';
import { ConsentsService } from '@vgbf/privacy';
import { DOCUMENT_STORAGE, type DocumentStorage } from '@vgbf/storage';
import { FieldCipher } from '@vgbf/encryption';
import type { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo-accounts';
import { insertCommittee, insertReviewers } from './demo-committee-writer';
import { type DemoApplicant, type DemoInput, applicationKey, generateDemo } from './demo-data';
import { seedMilestones } from './demo-milestones-writer';
import { DEMO_FELLOW_EMAIL, DEMO_MENTORS } from './demo-mentors';
import type { DemoProgramme } from './demo-programme';
import { DEMO_FELLOW, seedProgramme } from './demo-running-cohort';
import { recordDemoTransfers } from './demo-transfers';
import { DEMO_REVIEWERS } from './demo-reviewers';
import { type DemoCommittee, generateCommittee } from './demo-reviews';
import { insertMany } from './insert-many';
import { tinyPdf } from './tiny-pdf';

/** Same seed, same people: the demo looks the same on every machine. */
export const DEMO_SEED = 2027;
export const DEMO_APPLICANT_COUNT = 300;
/**
 * The earlier cohort, whose window has closed and whose review is done: most of its applications
 * interviewed (more than the smallest cohort selection takes), so staff can run a selection at once.
 */
export const SELECTING_STATUSES = { under_review: 8, shortlisted: 14, interviewed: 78, rejected: 20 } as const;
const SELECTING_COUNT = Object.values(SELECTING_STATUSES).reduce((a, b) => a + b, 0);
/** The running cohort's fellows: every one accepted an offer. */
export const RUNNING_FELLOW_COUNT = 40;
/** Its applications: the fellows, and the others its selection turned away or who turned it down. */
export const RUNNING_STATUSES = {
  accepted: RUNNING_FELLOW_COUNT,
  declined: 4,
  waitlisted: 7,
  rejected: 46,
  ineligible: 9,
  withdrawn: 5,
} as const;
const REVIEWERS_PER_APPLICATION = 3;
const DAY = 86_400_000;
/** Files written to storage at once. */
const PARALLEL_FILES = 8;

/**
 * The demo: one account per role, an open cohort (through CohortsService, so it is validated and
 * audited like staff's) with a few hundred applicants in every status, the year before's cohort now
 * selecting, the year before that one's running: forty fellows (the demo fellow among them) placed in
 * the hubs and paired with mentors, months into their programme. And the committee: nine reviewers
 * with their expertise, each application that entered review assigned to three of them (the optimal
 * assignment), their reviews and the interviews.
 *
 * The applicants are written in bulk, straight into the tables, in one transaction: going through
 * the HTTP API or the per-application services would take minutes (an argon2 hash each) and send
 * emails. So they share the demo applicant's password hash (same password) and no outbox row is made.
 * Their CVs and business registrations are tiny generated PDFs, stored through DocumentStorage.
 * The committee's and the programme's rows are written the same way (no audit rows, no emails).
 */
@Injectable()
export class DemoSeeder {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: AccountsService,
    private readonly cohorts: CohortsService,
    private readonly clock: Clock,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    private readonly fellows: FellowsService,
    private readonly timelines: TimelinesService,
    private readonly cipher: FieldCipher,
    private readonly transfers: TransferRegister,
    private readonly consents: ConsentsService,
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
    // The accounts and the cohorts commit in their services' own transactions; the rest in one.
    // Should a later step fail, say what is left, since the next run skips a database with accounts.
    const seeded = await this.cohortsAndApplications(staff, users, applicant.passwordHash, now).catch(
      (error: Error) => {
        throw new Error(
          `Seeding stopped after creating the demo accounts: ${error.message}. Drop the database, migrate and seed again.`,
        );
      },
    );
    const { open, selecting, running } = seeded;
    const consents = await this.consentsOfApplicants();
    const statuses = new Set(open.demo.map((d) => d.application.status)).size;
    const reviews = [open, selecting, running].flatMap((c) => c.committee.assignments.filter((a) => a.review)).length;
    const sessions = running.programme.pairs.flatMap((p) => p.sessions);
    const interviewed = selecting.demo.filter((d) => d.application.status === 'interviewed').length;
    const { milestones } = running;
    const states = (state: string): number => milestones.progress.filter((p) => p.state === state).length;
    // The fellows made to be at risk, by email (the programme names them by application key).
    const emailOf = new Map(running.demo.map((d, i) => [applicationKey(i), d.email]));
    const atRisk = new Set([
      ...milestones.overdue,
      ...Object.values(running.programme.atRisk)
        .flat()
        .map((key) => emailOf.get(key)),
    ]);
    return (
      `Seeded ${DEMO_ACCOUNTS.length} demo accounts and ${DEMO_REVIEWERS.length - 1} more reviewers ` +
      `(password ${DEMO_PASSWORD}); cohort "${open.cohort.name}" open until ` +
      `${formatInProgramZone(new Date(open.cohort.applicationClosesAt))}, ` +
      `and ${open.demo.length} applicants with an application each in ${statuses} statuses; ` +
      `cohort "${selecting.cohort.name}" selecting, with ${selecting.demo.length} applicants through review ` +
      `(${interviewed} interviewed); ${reviews} reviews by ${DEMO_REVIEWERS.length} reviewers; ` +
      `cohort "${running.cohort.name}" running since ${running.cohort.programmeStartDate}, with ` +
      `${running.programme.placement.placements.length} fellows placed in ${running.cohort.hubs.length} hubs, ` +
      `${DEMO_MENTORS.length} mentors, ${running.programme.pairs.length} pairs and ${sessions.length} sessions ` +
      `(${sessions.filter((s) => !s.confirmedAt).length} awaiting the fellow's confirmation); ` +
      `${milestones.fellows} milestone timelines, ${states('approved')} milestones approved, ` +
      `${states('submitted')} awaiting review, ${states('changes_requested')} with changes requested; ` +
      `${atRisk.size} fellows at risk; ${consents.people} applicants and fellows with their consents ` +
      `(${consents.declinedMarketing} declined marketing, ${consents.declinedDirectory} the alumni directory).`
    );
  }

  /**
   * Every applicant and fellow consented, when they registered, to what applying and the programme year
   * need (application, review, abroad, communications); most also to the alumni directory and to
   * marketing, some not (about one in five declines the directory, one in three marketing).
   */
  private async consentsOfApplicants(): Promise<{
    people: number;
    declinedMarketing: number;
    declinedDirectory: number;
  }> {
    const ids = (await applicantAndFellowIds(this.db.manager)).sort();
    const evidence = { channel: 'seed' as const, userAgent: null };
    const needed: Purpose[] = ['application', 'review', 'abroad', 'communications'];
    await this.consents.giveToMany(ids, needed, evidence);
    const directory = ids.filter((_, i) => i % 5 !== 4);
    const marketing = ids.filter((_, i) => i % 3 !== 2);
    await this.consents.giveToMany(directory, ['alumni_directory'], evidence);
    await this.consents.giveToMany(marketing, ['marketing'], evidence);
    return {
      people: ids.length,
      declinedMarketing: ids.length - marketing.length,
      declinedDirectory: ids.length - directory.length,
    };
  }

  private async cohortsAndApplications(staff: User, users: User[], passwordHash: string, now: Date) {
    const actor: AuthenticatedUser = {
      id: staff.id,
      roles: staff.roles,
      sessionId: 'cli-seed',
      via: 'bearer',
      requestId: 'cli-seed',
    };
    const openCohort = await this.openCohort(actor, now);
    const selectingCohort = await this.selectingCohort(actor, now, openCohort.year - 1);
    const runningCohort = await this.runningCohort(actor, now, openCohort.year - 2);
    // The running cohort's offers were all accepted three weeks before its programme started.
    const offersDone = new Date(
      (parseProgramLocal(`${runningCohort.programmeStartDate}T12:00`) as Date).getTime() - 21 * DAY,
    );
    const provinces = readProgramData('provinces.json') as Record<Region, string[]>;
    const demoInput = (cohort: CohortView): Omit<DemoInput, 'seed' | 'count'> => ({
      now,
      opensAt: new Date(cohort.applicationOpensAt),
      closesAt: new Date(cohort.applicationClosesAt),
      hubs: cohort.hubs,
      provinces,
      rules: cohort.eligibilityRules,
    });
    const openDemo = generateDemo({ ...demoInput(openCohort), seed: DEMO_SEED, count: DEMO_APPLICANT_COUNT });
    const selectingDemo = generateDemo({
      ...demoInput(selectingCohort),
      seed: DEMO_SEED - 1,
      count: SELECTING_COUNT,
      statuses: SELECTING_STATUSES,
      beforeSelection: true,
      searchable: false,
      exclude: openDemo,
    });
    const runningDemo = generateDemo({
      ...demoInput(runningCohort),
      now: offersDone,
      seed: DEMO_SEED - 2,
      count: Object.values(RUNNING_STATUSES).reduce((a, b) => a + b, 0),
      statuses: RUNNING_STATUSES,
      searchable: false,
      placeable: true,
      people: [DEMO_FELLOW],
      peopleStatus: 'accepted',
      exclude: [...openDemo, ...selectingDemo],
    });
    const rubric = readProgramData('rubric.json') as Rubric;
    // The selecting cohort's reviewing closed three days ago; the open one's round has no deadline yet.
    const reviewDeadline = new Date(Math.floor((now.getTime() - 3 * DAY) / 60_000) * 60_000);
    const committeeOf = (demo: DemoApplicant[], seed: number, deadline?: Date, at = now): DemoCommittee =>
      generateCommittee({
        seed,
        now: at,
        rubric,
        reviewers: DEMO_REVIEWERS,
        applications: demo.map((d, i) => ({
          key: applicationKey(i),
          sector: (d.application.enterprise.sector as string | undefined) ?? null,
          status: d.application.status,
          history: d.application.history,
        })),
        k: REVIEWERS_PER_APPLICATION,
        declaredConflicts: 2,
        reviewDeadline: deadline,
      });
    const open = { cohort: openCohort, demo: openDemo, committee: committeeOf(openDemo, DEMO_SEED), deadline: null };
    const selecting = {
      cohort: selectingCohort,
      demo: selectingDemo,
      committee: committeeOf(selectingDemo, DEMO_SEED - 1, reviewDeadline),
      deadline: reviewDeadline,
    };
    const running = {
      cohort: runningCohort,
      demo: runningDemo,
      committee: committeeOf(runningDemo, DEMO_SEED - 2, offersDone, offersDone),
      deadline: offersDone,
    };
    let programme: DemoProgramme | undefined;

    // Files stored for a transaction that then fails would belong to nothing: remove them.
    const stored: string[] = [];
    await this.db
      .transaction(async (manager) => {
        const reviewerIds = await insertReviewers(
          manager,
          DEMO_REVIEWERS,
          new Map(users.filter((u) => u.roles.includes('reviewer')).map((u) => [u.email, u.id])),
          passwordHash,
          new Date(selectingCohort.applicationOpensAt),
        );
        const accounts = new Map(users.map((u) => [u.email, u.id]));
        for (const { cohort, demo, committee, deadline } of [open, selecting, running]) {
          const ids = await this.insertApplicants(manager, demo, cohort.id, passwordHash, staff.id, stored, accounts);
          await insertCommittee(manager, {
            cohortId: cohort.id,
            rubric,
            reviewersPerApplication: REVIEWERS_PER_APPLICATION,
            reviewDeadline: deadline,
            committee,
            applicationIds: new Map(ids.applications.map((id, i) => [applicationKey(i), id])),
            reviewerIds,
            staffId: staff.id,
          });
          if (cohort === runningCohort) {
            programme = await seedProgramme(manager, this.fellows, running, ids, {
              seed: DEMO_SEED - 2,
              staff,
              accounts,
              passwordHash,
              now,
              cipher: this.cipher,
            });
          }
        }
      })
      .catch(async (error: unknown) => {
        await Promise.all(stored.map((key) => this.storage.delete(key)));
        throw error;
      });
    if (!programme) throw new Error('the running cohort’s programme was not written');
    // Its placements and pairings abroad, in the transfer register (as confirming them does).
    await recordDemoTransfers(this.db, this.transfers, runningCohort.id);
    // The timelines through the milestones lib, in its own transactions; then their progress in bulk.
    const milestones = await seedMilestones(this.db, this.timelines, {
      actor,
      cohortId: runningCohort.id,
      seed: DEMO_SEED - 2,
      now,
      demoEmail: DEMO_FELLOW_EMAIL,
    });
    return { open, selecting, running: { ...running, programme, milestones } };
  }

  /**
   * The cohort applicants can apply to now: opened three weeks ago, closing six weeks ahead (Vietnam
   * time), the programme starting the first of the month five months after. Named after that year.
   */
  private async openCohort(actor: AuthenticatedUser, now: Date): Promise<CohortView> {
    const day = (offsetDays: number): string => programDay(new Date(now.getTime() + offsetDays * DAY));
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

  /**
   * The year before's cohort, taken through its lifecycle as staff would: its window closed six weeks
   * ago (after five months open), its review is done, and it is selecting. The programme starts the
   * first of the month two months after the window closed.
   */
  private async selectingCohort(actor: AuthenticatedUser, now: Date, year: number): Promise<CohortView> {
    const day = (offsetDays: number): string => programDay(new Date(now.getTime() + offsetDays * DAY));
    const closes = day(-42);
    const [y, m] = closes.split('-').map(Number) as [number, number];
    const start = `${y + Math.floor((m - 1 + 2) / 12)}-${String(((m - 1 + 2) % 12) + 1).padStart(2, '0')}-01`;
    const created = await this.cohorts.create(actor, {
      name: `VGBF ${year}`,
      year,
      targetSize: 60,
      trackMonths: 9,
      applicationOpensAt: `${day(-192)}T08:00`,
      applicationClosesAt: `${closes}T23:59`,
      offerResponseDays: 7,
      programmeStartDate: start,
    });
    const steps: Array<[CohortView['status'], string]> = [
      ['open', 'Demo data: applications open'],
      ['reviewing', 'Demo data: the window has closed, review starts'],
      ['selecting', 'Demo data: reviews and interviews done'],
    ];
    let cohort = created;
    for (const [status, reason] of steps) cohort = await this.cohorts.transition(actor, created.id, { status, reason });
    return cohort;
  }

  /** The applicants' accounts (but for those in `accounts`, the demo accounts), applications, histories and PDFs. */
  /**
   * The cohort before the selecting one, now in its programme: taken through its whole lifecycle, its
   * window closed five months before the programme started, the first of the month four months ago.
   */
  private async runningCohort(actor: AuthenticatedUser, now: Date, year: number): Promise<CohortView> {
    const [y, m] = toProgramLocal(now).slice(0, 7).split('-').map(Number) as [number, number];
    const month = y * 12 + (m - 1) - 4;
    const start = `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
    const day = (offsetDays: number): string =>
      new Date(Date.parse(`${start}T00:00:00Z`) + offsetDays * DAY).toISOString().slice(0, 10);
    const created = await this.cohorts.create(actor, {
      name: `VGBF ${year}`,
      year,
      targetSize: RUNNING_FELLOW_COUNT,
      trackMonths: 9,
      applicationOpensAt: `${day(-300)}T08:00`,
      applicationClosesAt: `${day(-150)}T23:59`,
      offerResponseDays: 7,
      programmeStartDate: start,
    });
    const steps: Array<[CohortView['status'], string]> = [
      ['open', 'Demo data: applications open'],
      ['reviewing', 'Demo data: the window has closed, review starts'],
      ['selecting', 'Demo data: reviews and interviews done'],
      ['running', 'Demo data: the fellows have accepted, the programme starts'],
    ];
    let cohort = created;
    for (const [status, reason] of steps) cohort = await this.cohorts.transition(actor, created.id, { status, reason });
    return cohort;
  }

  private async insertApplicants(
    manager: EntityManager,
    demo: DemoApplicant[],
    cohortId: string,
    passwordHash: string,
    staffId: string,
    stored: string[],
    accounts: ReadonlyMap<string, string>,
  ): Promise<{ applications: string[]; users: string[] }> {
    const userIds = new Map<string, string>(
      demo.flatMap((d) => (accounts.has(d.email) ? [[d.email, accounts.get(d.email) as string]] : [])),
    );
    const userRows = demo
      .filter((d) => !userIds.has(d.email))
      .map((d) => {
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
    const users = demo.map(({ email }) => userIds.get(email) as string);
    return { applications: users.map((id) => applicationIds.get(id) as string), users };
  }
}

/** The accounts that register themselves or take part in the programme: applicants and fellows. */
async function applicantAndFellowIds(manager: EntityManager): Promise<string[]> {
  const rows = await runQuery(
    manager,
    typedSql
      .selectFrom('user_contacts_v')
      .select('id')
      .where((eb) =>
        eb.or([eb(eb.val('applicant'), '=', eb.fn.any('roles')), eb(eb.val('fellow'), '=', eb.fn.any('roles'))]),
      ),
  );
  return rows.map((r) => r.id!);
}
