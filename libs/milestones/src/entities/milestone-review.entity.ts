import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Milestone } from './milestone.entity';

export const REVIEW_DECISIONS = ['approved', 'changes_requested'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** A reviewer's decision on a submission: approve, or ask for changes with a comment. */
@Entity('milestone_reviews')
@Index('milestone_reviews_milestone_idx', ['milestoneId', 'createdAt'])
export class MilestoneReview {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  milestoneId: string;

  @ManyToOne(() => Milestone, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'milestone_id' })
  milestone?: Milestone;

  @Column('uuid')
  submissionId: string;

  @Column('uuid')
  reviewerId: string;

  /** mentor or staff: which side of a "both" milestone this decision is. */
  @Column('text')
  reviewerRole: 'mentor' | 'staff';

  @Column('text')
  decision: ReviewDecision;

  @Column('text', { default: '' })
  comment: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
