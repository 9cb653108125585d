import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const SCHEDULED_RUN_OUTCOMES = ['running', 'succeeded', 'failed'] as const;
export type ScheduledRunOutcome = (typeof SCHEDULED_RUN_OUTCOMES)[number];

/**
 * One run of a scheduled job for one period (its scheduled fire time). Unique per (job, period):
 * a run is claimed by inserting this row, so a repeated job for the same period does nothing.
 */
@Entity('scheduled_job_runs')
@Index('scheduled_job_runs_job_period_key', ['jobName', 'period'], { unique: true })
export class ScheduledJobRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  jobName: string;

  @Column('timestamptz')
  period: Date;

  @Column('text', { default: 'running' })
  outcome: ScheduledRunOutcome;

  /** How many times the run was claimed (a failed run is retried by its job). */
  @Column('int', { default: 1 })
  attempts: number;

  @Column('timestamptz', { default: () => 'now()' })
  startedAt: Date;

  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;

  @Column('jsonb', { nullable: true })
  result: Record<string, unknown> | null;

  @Column('text', { nullable: true })
  error: string | null;
}
