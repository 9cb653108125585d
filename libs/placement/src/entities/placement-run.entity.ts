import { Cohort } from '@vgbf/cohorts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export const PLACEMENT_RUN_STATUSES = ['proposed', 'confirmed', 'superseded'] as const;
export type PlacementRunStatus = (typeof PLACEMENT_RUN_STATUSES)[number];

/**
 * One run of the placement solver: the weights used and the answer (each fellow's hub, its rank and
 * why no better one), kept as a proposal until staff confirm it. A cohort has one confirmed run.
 */
@Entity('placement_runs')
@Index('placement_runs_cohort_idx', ['cohortId', 'createdAt'])
@Index('placement_runs_confirmed_key', ['cohortId'], { unique: true, where: `status = 'confirmed'` })
export class PlacementRun {
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
  status: PlacementRunStatus;

  @Column('uuid')
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('uuid', { nullable: true })
  confirmedBy: string | null;

  @Column('timestamptz', { nullable: true })
  confirmedAt: Date | null;
}
