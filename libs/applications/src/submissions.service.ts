import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CohortsService } from '@vgbf/cohorts';
import { type AuthenticatedUser, NotFoundError, formatInProgramZone } from '@vgbf/core';
import { User } from '@vgbf/identity';
import { OutboxService } from '@vgbf/outbox';
import { DataSource, type EntityManager } from 'typeorm';
import { type ApplicationRow, applicationFromRow } from './application-rows';
import { lockApplication, lockApplicationWithApplicant } from './data-access/application-locks';
import { ApplicationTransitions } from './application-transitions';
import {
  AlreadySubmittedError,
  IncompleteApplicationError,
  InvalidApplicationError,
  NotEligibleError,
} from './applications.errors';
import { assertDraftWindow, canRead, toApplicationView } from './applications.service';
import { missingFields } from './completeness';
import type { ApplicationView } from './dto/application.view';
import { cohortNameOf, documentsOf } from './document-views';
import { evaluateEligibility } from './eligibility';
import { eligibilityOverridden } from './notes/eligibility-override';
import { submissionProblems } from './stored-checks';
import { Application } from './entities/application.entity';
import { ConsentLedger } from '@vgbf/personal-data';
import { ApplicationStatusChange } from './entities/application-status-change.entity';

/** Submitting and withdrawing: the status changes an applicant makes, each recorded in the history. */
@Injectable()
export class SubmissionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cohorts: CohortsService,
    private readonly outbox: OutboxService,
    private readonly transitions: ApplicationTransitions,
    private readonly consents: ConsentLedger,
  ) {}

  /**
   * Submits once. `arrivedAt` is when the request reached the server: a submit that arrives before the
   * deadline and commits after it still counts. A retry with the same Idempotency-Key answers the same
   * and changes nothing; the confirmation email is written with the change, in the same transaction.
   */
  async submit(
    actor: AuthenticatedUser,
    id: string,
    arrivedAt: Date,
    idempotencyKey?: string,
  ): Promise<ApplicationView> {
    return this.db.transaction(async (manager) => {
      const app = await this.lockOwn(manager, actor, id, { withApplicant: true });
      // Read under the application's lock, which document uploads and deletes also take.
      const documents = (await documentsOf(manager, [id])).get(id) ?? [];
      if (app.status !== 'draft') {
        if (idempotencyKey && app.submitIdempotencyKey === idempotencyKey)
          return toApplicationView(app, documents, await cohortNameOf(manager, app.cohortId));
        throw new AlreadySubmittedError();
      }
      // Withdrawn since the draft was started: no submission without the consent to 'application'.
      await this.consents.require(actor.id, 'application');
      // Every read goes through the transaction's connection: see CohortsService.get.
      const cohort = await this.cohorts.settings(app.cohortId, manager);
      const closes = cohort.applicationClosesAt;
      assertDraftWindow(app, cohort, arrivedAt);
      const missing = missingFields(app, documents);
      if (missing.length) throw new IncompleteApplicationError(missing);
      const applicant = app.applicant!; // loaded with the lock (an inner join: every application has one)
      const problems = submissionProblems(app, {
        email: applicant.email,
        names: [applicant.fullName, app.personal.fullName].filter((n): n is string => typeof n === 'string'),
      });
      if (problems.length) throw new InvalidApplicationError(problems);
      // A reopened submission is judged on the window's rules as they were: age at the original close.
      const failed = evaluateEligibility(cohort.eligibilityRules, app, closes).filter((o) => !o.passed);
      if (failed.length && !(await eligibilityOverridden(manager, app.id)))
        throw new NotEligibleError(failed.map(({ code, reason, params }) => ({ code, reason, params })));

      await this.transitions.move(manager, app, 'submitted', actor.id, null, {
        submittedAt: arrivedAt,
        submitIdempotencyKey: idempotencyKey ?? null,
      });
      await this.outbox.enqueueEmail(manager, {
        template: 'application-submitted',
        to: applicant.email,
        language: applicant.language,
        data: {
          fullName: typeof app.personal.fullName === 'string' ? app.personal.fullName : applicant.fullName,
          cohort: cohort.name,
          submittedAt: formatInProgramZone(arrivedAt),
        },
      });
      return toApplicationView(app, documents, cohort.name);
    });
  }

  async withdraw(actor: AuthenticatedUser, id: string, reason?: string): Promise<ApplicationView> {
    return this.db.transaction(async (manager) => {
      const app = await this.lockOwn(manager, actor, id);
      await this.transitions.move(manager, app, 'withdrawn', actor.id, reason ?? null);
      const documents = (await documentsOf(manager, [id])).get(id) ?? [];
      return toApplicationView(app, documents, await cohortNameOf(manager, app.cohortId));
    });
  }

  /** The owner's or staff's view of the status history, oldest first. */
  async history(actor: AuthenticatedUser, id: string): Promise<ApplicationStatusChange[]> {
    const app = await this.db.getRepository(Application).findOneBy({ id });
    if (!app || !canRead(actor, app)) throw new NotFoundError('Application', id);
    return this.db
      .getRepository(ApplicationStatusChange)
      .find({ where: { applicationId: id }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * Locks the caller's own application (its row only, not the applicant's). `withApplicant` brings the
   * applicant's name, email and language in the same query (identity's user_contacts_v), for the email a
   * submission writes.
   */
  private async lockOwn(
    manager: EntityManager,
    actor: AuthenticatedUser,
    id: string,
    { withApplicant = false } = {},
  ): Promise<Application> {
    const owned = <R extends ApplicationRow>(row: R | undefined): R => {
      if (!row || row.applicant_id !== actor.id) throw new NotFoundError('Application', id);
      return row;
    };
    if (!withApplicant) return applicationFromRow(owned((await lockApplication(manager, { id }))[0]));
    const row = owned((await lockApplicationWithApplicant(manager, { id }))[0]);
    const app = applicationFromRow(row);
    app.applicant = { id: row.applicant_id, email: row.email, fullName: row.full_name, language: row.language } as User;
    return app;
  }
}
