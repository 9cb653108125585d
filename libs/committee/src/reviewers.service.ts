import { Injectable } from '@nestjs/common';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, NotFoundError } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import { NotAReviewerError } from './committee.errors';
import { accountRoles, reviewerRows } from './data-access/reviewers';
import type { ReviewerProfileDto, ReviewerView } from './dto/reviewer.dto';
import { ReviewerProfile } from './entities/reviewer-profile.entity';

/** The reviewers (users with the reviewer role) and what assignment needs to know of them. */
@Injectable()
export class ReviewersService {
  constructor(
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  async list(id?: string): Promise<ReviewerView[]> {
    const rows = await reviewerRows(this.transactions.current(), id ?? null);
    return rows.map((r) => ({
      id: r.id,
      fullName: r.full_name,
      email: r.email,
      sectors: r.sectors ?? [],
      organisation: r.organisation,
      maxLoad: r.max_load,
      assignments: r.assignments,
      reviewsDone: r.reviews_done,
    }));
  }

  async saveProfile(actor: AuthenticatedUser, userId: string, input: ReviewerProfileDto): Promise<ReviewerView> {
    await this.transactions.run(async (manager) => {
      const roles = await accountRoles(manager, userId);
      if (!roles) throw new NotFoundError('User', userId);
      if (!roles.includes('reviewer')) throw new NotAReviewerError();
      const repo = manager.getRepository(ReviewerProfile);
      const before = await repo.findOneBy({ userId });
      const after = {
        userId,
        sectors: input.sectors,
        organisation: input.organisation ?? null,
        maxLoad: input.maxLoad ?? null,
      };
      await repo.upsert(after, ['userId']);
      await this.audit.record(manager, actor, {
        action: 'reviewer.profile_saved',
        entityType: 'user',
        entityId: userId,
        before: before ? { sectors: before.sectors, organisation: before.organisation, maxLoad: before.maxLoad } : null,
        after: { sectors: after.sectors, organisation: after.organisation, maxLoad: after.maxLoad },
      });
    });
    return (await this.list(userId))[0];
  }
}
