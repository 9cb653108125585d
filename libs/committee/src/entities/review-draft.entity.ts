import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Recommendation } from './review.entity';
import { ReviewAssignment } from './review-assignment.entity';

/**
 * A review begun but not finished: some scores, maybe a comment and a recommendation. Kept apart from
 * `reviews` so that everything counting reviews (the board, the ranking, reminders, the cockpit, the
 * rubric lock) counts finished ones only; finishing the review deletes the draft.
 */
@Entity('review_drafts')
export class ReviewDraft {
  @PrimaryColumn('uuid')
  assignmentId: string;

  @OneToOne(() => ReviewAssignment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignment_id' })
  assignment?: ReviewAssignment;

  /** Criterion code → score 1–5, for the criteria scored so far. */
  @Column('jsonb')
  scores: Record<string, number>;

  @Column('text', { nullable: true })
  comment: string | null;

  @Column('text', { nullable: true })
  recommendation: Recommendation | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
