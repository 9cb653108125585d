import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, NotFoundError } from '@vgbf/core';
import { User } from '@vgbf/identity';
import { Transactions } from '@vgbf/database';
import type { DataSource } from 'typeorm';
import { NotAReviewerError } from './committee.errors';
import type { ReviewerProfileDto, ReviewerView } from './dto/reviewer.dto';
import { ReviewerProfile } from './entities/reviewer-profile.entity';

/** The reviewers (users with the reviewer role) and what assignment needs to know of them. */
@Injectable()
export class ReviewersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  async list(id?: string): Promise<ReviewerView[]> {
    const rows = await this.db.query<
      Array<{
        id: string;
        full_name: string;
        email: string;
        sectors: string[] | null;
        organisation: string | null;
        max_load: number | null;
        assignments: number;
        reviews_done: number;
      }>
    >(
      // One pass over the assignments (a reviewer's load spans every cohort), not a scan of reviews per reviewer.
      `WITH load AS (
         SELECT a.reviewer_id, count(*)::int AS assignments, count(r.assignment_id)::int AS reviews_done
           FROM review_assignments a LEFT JOIN reviews r ON r.assignment_id = a.id
          WHERE ($1::uuid IS NULL OR a.reviewer_id = $1)
          GROUP BY a.reviewer_id
       )
       SELECT u.id, u.full_name, u.email, p.sectors, p.organisation, p.max_load,
              coalesce(l.assignments, 0) AS assignments, coalesce(l.reviews_done, 0) AS reviews_done
         FROM user_contacts_v u LEFT JOIN reviewer_profiles p ON p.user_id = u.id LEFT JOIN load l ON l.reviewer_id = u.id
        WHERE 'reviewer' = ANY(u.roles) AND ($1::uuid IS NULL OR u.id = $1)
        ORDER BY u.full_name, u.id`,
      [id ?? null],
    );
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
      const user = await manager.getRepository(User).findOneBy({ id: userId });
      if (!user) throw new NotFoundError('User', userId);
      if (!user.roles.includes('reviewer')) throw new NotAReviewerError();
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
