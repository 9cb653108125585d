import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ReviewAssignment } from './review-assignment.entity';

export const RECOMMENDATIONS = ['strong_yes', 'yes', 'maybe', 'no'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** A reviewer's scores for one assignment: one 1–5 score per rubric criterion; revisable until the round closes. */
@Entity('reviews')
export class Review {
  @PrimaryColumn('uuid')
  assignmentId: string;

  @OneToOne(() => ReviewAssignment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignment_id' })
  assignment?: ReviewAssignment;

  /** Criterion code → score 1–5, every criterion of the rubric. */
  @Column('jsonb')
  scores: Record<string, number>;

  /**
   * The weighted mean of `scores` on the rubric (1–5), written with them. The rubric is fixed once the
   * first review exists, so it never goes stale, and the ranking aggregates it instead of re-reading
   * every score of every review.
   */
  @Column('double precision')
  weightedScore: number;

  @Column('text')
  comment: string;

  @Column('text')
  recommendation: Recommendation;

  @CreateDateColumn({ type: 'timestamptz' })
  submittedAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
