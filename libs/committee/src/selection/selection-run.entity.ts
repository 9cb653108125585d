import { Cohort } from '@vgbf/cohorts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { SelectionOutcome, SelectionSettings } from './selection.types';

export const SELECTION_RUN_STATUSES = ['proposed', 'confirmed', 'superseded'] as const;
export type SelectionRunStatus = (typeof SELECTION_RUN_STATUSES)[number];

/**
 * One run of the optimal selection: the settings staff chose and the solver's answer, kept as a
 * proposal until staff confirm it (which makes the offers and the waitlist). A newer proposal
 * supersedes the open ones; a cohort has at most one confirmed run.
 */
@Entity('selection_runs')
@Index('selection_runs_cohort_idx', ['cohortId', 'createdAt'])
@Index('selection_runs_confirmed_key', ['cohortId'], { unique: true, where: `status = 'confirmed'` })
export class SelectionRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  cohortId: string;

  @ManyToOne(() => Cohort, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Cohort;

  @Column('jsonb')
  input: SelectionSettings;

  @Column('jsonb')
  result: SelectionOutcome;

  @Column('text', { default: 'proposed' })
  status: SelectionRunStatus;

  @Column('uuid')
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('uuid', { nullable: true })
  confirmedBy: string | null;

  @Column('timestamptz', { nullable: true })
  confirmedAt: Date | null;
}
