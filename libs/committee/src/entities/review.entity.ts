import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ReviewAssignment } from './review-assignment.entity';

export const RECOMMENDATIONS = ['strong_yes', 'yes', 'maybe', 'no'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** A reviewer's scores for one assignment: one 1–5 score per rubric criterion; revisable until the round closes. */
@Entity('reviews')
// A cohort's reviews with what the ranking reads of them (an INCLUDE index, created by its migration).
@Index('reviews_cohort_idx', { synchronize: false })
export class Review {
  @PrimaryColumn('uuid')
  assignmentId: string;

  @OneToOne(() => ReviewAssignment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignment_id' })
  assignment?: ReviewAssignment;

  /**
   * The assignment's cohort, so a cohort's reads find its reviews by index whatever the other cohorts hold.
   * Written by the database (a trigger copies it from the assignment), never by the application.
   */
  @Column({ type: 'uuid', insert: false, update: false })
  cohortId: string;

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
