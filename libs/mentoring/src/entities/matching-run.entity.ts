import { Cohort } from '@vgbf/cohorts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export const MATCHING_RUN_STATUSES = ['proposed', 'approved', 'superseded'] as const;
export type MatchingRunStatus = (typeof MATCHING_RUN_STATUSES)[number];

/** One run of the mentor matching: weights, the proposed pairs with their reasons, until staff approve it. */
@Entity('matching_runs')
@Index('matching_runs_cohort_idx', ['cohortId', 'createdAt'])
export class MatchingRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  cohortId: string;

  @ManyToOne(() => Cohort, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Cohort;

  @Column('jsonb')
  input: Record<string, unknown>;

  @Column('jsonb')
  result: Record<string, unknown>;

  @Column('text', { default: 'proposed' })
  status: MatchingRunStatus;

  @Column('uuid')
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('uuid', { nullable: true })
  approvedBy: string | null;

  @Column('timestamptz', { nullable: true })
  approvedAt: Date | null;
}
