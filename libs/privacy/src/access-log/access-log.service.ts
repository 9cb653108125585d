import { Injectable } from '@nestjs/common';
import { Clock, type Page, toPage } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import { AccessLog, type AccessRecord } from '@vgbf/personal-data';
import { accessPage, insertAccess } from './data-access/access-log';
import type { PageQuery } from '@vgbf/core';
import type { AccessQuery, AccessView, MyAccessView } from './dto/access.dto';

/**
 * Who opened a person's full application or downloaded their documents (staff, reviewers, mentors).
 * Someone reading their own data is not logged: the log is of others' access.
 */
@Injectable()
export class AccessLogService extends AccessLog {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {
    super();
  }

  async record(access: AccessRecord): Promise<void> {
    if (access.actorUserId === access.subjectUserId) return;
    await this.transactions.run(
      async (manager) => {
        await insertAccess(manager, {
          actor_user_id: access.actorUserId,
          subject_user_id: access.subjectUserId,
          resource: access.resource,
          resource_id: access.resourceId,
          accessed_at: this.clock.now(),
        });
      },
      { label: 'privacy.access' },
    );
  }

  async list(query: AccessQuery & { subjectUserId?: string }): Promise<Page<AccessView>> {
    const { rows, total } = await accessPage(
      this.transactions.current(),
      { subjectUserId: query.subjectUserId, subject: query.subject },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return toPage(rows, total, query);
  }

  /** The caller's own log: which kind of person opened what, when (never who: reviewers stay anonymous). */
  async mine(userId: string, query: PageQuery): Promise<Page<MyAccessView>> {
    const { rows, total } = await accessPage(
      this.transactions.current(),
      { subjectUserId: userId },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return toPage(
      rows.map((r) => ({ by: roleOf(r.actorRoles ?? []), resource: r.resource, accessedAt: r.accessedAt })),
      total,
      query,
    );
  }
}

const roleOf = (roles: string[]): MyAccessView['by'] =>
  roles.includes('staff') || roles.includes('admin')
    ? 'staff'
    : roles.includes('reviewer')
      ? 'reviewer'
      : roles.includes('mentor')
        ? 'mentor'
        : 'other';
