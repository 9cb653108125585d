import { Injectable } from '@nestjs/common';
import { AppConfig } from '@vgbf/config';
import { OutboxService } from '@vgbf/outbox';
import type { EntityManager } from 'typeorm';
import { evidenceReviewers, recipient } from '../data-access/recipients';
import type { MilestoneAccess } from '../milestone-access';

/** The emails of evidence and its review, written to the outbox in the caller's transaction. */
@Injectable()
export class EvidenceMail {
  constructor(
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  /** To the reviewers: the fellow's active mentor (mentor, both) and the programme team's staff (staff, both). */
  async submitted(manager: EntityManager, milestone: MilestoneAccess, version: number): Promise<void> {
    const recipients = await evidenceReviewers(
      manager,
      milestone.fellowUserId,
      milestone.reviewer !== 'staff' ? milestone.mentorId : null,
      milestone.reviewer !== 'mentor',
    );
    for (const r of recipients)
      await this.outbox.enqueueEmail(manager, {
        template: 'milestone-submitted',
        to: r.email,
        language: r.language,
        data: {
          fullName: r.full_name,
          fellowName: milestone.fellowName,
          milestone: milestone.title[r.language],
          version: String(version),
          dueOn: milestone.dueOn,
          link: `${this.config.PUBLIC_URL}/milestones/review-queue`,
        },
      });
  }

  /** To the fellow, when a decision is made (approved, or changes asked with the comment). */
  async decided(
    manager: EntityManager,
    milestone: MilestoneAccess,
    outcome: 'approved' | 'changes_requested',
    comment: string,
    version: number,
  ): Promise<void> {
    const fellow = (await recipient(manager, milestone.fellowUserId))!;
    await this.outbox.enqueueEmail(manager, {
      template: outcome === 'approved' ? 'milestone-approved' : 'milestone-changes-requested',
      to: fellow.email,
      language: fellow.language,
      data: {
        fullName: fellow.full_name,
        milestone: milestone.title[fellow.language],
        version: String(version),
        comment: comment || '—',
        link: `${this.config.PUBLIC_URL}/programme/milestones`,
      },
    });
  }
}
