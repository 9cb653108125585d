import { Cohort } from '@vgbf/cohorts';
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Rubric } from '../rubric';

/**
 * A cohort's review round: the rubric reviewers score on, how many reviewers each application gets,
 * when reviewing closes and when two reviews disagree. One per cohort, created with defaults from
 * config/rubric.json the first time staff or the assignment touch it.
 */
@Entity('review_rounds')
export class ReviewRound {
  @PrimaryColumn('uuid')
  cohortId: string;

  @OneToOne(() => Cohort, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Cohort;

  @Column('jsonb')
  rubric: Rubric;

  @Column('int', { default: 3 })
  reviewersPerApplication: number;

  /** Reviewers may revise until then (and while the cohort is reviewing); reminders count down to it. */
  @Column('timestamptz', { nullable: true })
  reviewDeadline: Date | null;

  /** Normalized scores of one application further apart than this flag a disagreement. */
  @Column('numeric', { precision: 3, scale: 2, default: 1.0 })
  disagreementGap: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
