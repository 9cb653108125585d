import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, Clock, NotFoundError } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import { DataSource } from 'typeorm';
import { NothingToReopenError } from './applications.errors';
import { toApplicationView } from './applications.service';
import type { ApplicationView } from './dto/application.view';
import { REOPEN_DEFAULT_DAYS, type ReopenSubmissionDto } from './dto/submission.dto';
import { cohortNameOf, documentsOf } from './document-views';
import { Application } from './entities/application.entity';

const DAY_MS = 86_400_000;

/**
 * Staff reopen one draft's submission after its cohort stopped taking them (the deadline passed or
 * the cohort moved on to reviewing): for some days the applicant may edit and submit it again.
 * Deliberate and audited, with the reason; nothing else reopens a submission.
 */
@Injectable()
export class SubmissionReopeningService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  async reopen(actor: AuthenticatedUser, id: string, input: ReopenSubmissionDto): Promise<ApplicationView> {
    return this.transactions.run(async (manager) => {
      const repo = manager.getRepository(Application);
      const app = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!app) throw new NotFoundError('Application', id);
      if (app.status !== 'draft') throw new NothingToReopenError(app.status);
      const before = app.submissionReopenedUntil?.toISOString() ?? null;
      const until = new Date(this.clock.now().getTime() + (input.days ?? REOPEN_DEFAULT_DAYS) * DAY_MS);
      await repo.update({ id }, { submissionReopenedUntil: until });
      app.submissionReopenedUntil = until;
      await this.audit.record(manager, actor, {
        action: 'application.submission_reopened',
        entityType: 'application',
        entityId: id,
        before: { submissionReopenedUntil: before },
        after: { submissionReopenedUntil: until.toISOString() },
        reason: input.reason,
      });
      const saved = await repo.findOneByOrFail({ id });
      const documents = (await documentsOf(manager, [id])).get(id) ?? [];
      return toApplicationView(saved, documents, await cohortNameOf(manager, saved.cohortId));
    });
  }
}
