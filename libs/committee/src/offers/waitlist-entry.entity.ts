import { Application } from '@vgbf/applications';
import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { SelectionRun } from '../selection/selection-run.entity';

/** waiting: may still be offered a freed seat; offered: got one; removed: no longer waitlisted (withdrew, rejected). */
export const WAITLIST_STATUSES = ['waiting', 'offered', 'removed'] as const;
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number];

/** A place on a cohort's ranked waitlist (rank 1 first), made when staff confirm the selection. */
@Entity('waitlist_entries')
@Index('waitlist_entries_cohort_rank_key', ['cohortId', 'rank'], { unique: true })
export class WaitlistEntry {
  @PrimaryColumn('uuid')
  applicationId: string;

  @OneToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Application;

  @Column('uuid')
  cohortId: string;

  @Column('uuid')
  runId: string;

  @ManyToOne(() => SelectionRun, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'run_id' })
  run?: SelectionRun;

  @Column('int')
  rank: number;

  @Column('text', { default: 'waiting' })
  status: WaitlistStatus;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
