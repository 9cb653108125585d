import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const REVIEW_REMINDER_KINDS = ['review_3d', 'review_1d'] as const;
export type ReviewReminderKind = (typeof REVIEW_REMINDER_KINDS)[number];

/** One reminder sent to one reviewer for one cohort's review deadline: unique, so it goes out once. */
@Entity('review_reminders')
@Index('review_reminders_key', ['cohortId', 'reviewerId', 'kind'], { unique: true })
export class ReviewReminder {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('uuid')
  cohortId: string;

  @Column('uuid')
  reviewerId: string;

  @Column('text')
  kind: ReviewReminderKind;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
