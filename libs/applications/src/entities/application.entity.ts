import { Cohort } from '@vgbf/cohorts';
import { User } from '@vgbf/identity';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'ineligible',
  'under_review',
  'shortlisted',
  'interviewed',
  'offered',
  'waitlisted',
  'rejected',
  'accepted',
  'declined',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const REGIONS = ['North', 'Central', 'South'] as const;
export type Region = (typeof REGIONS)[number];

/**
 * One applicant's application to one cohort. Each section is saved on its own as a draft
 * (partially filled is fine); completeness is checked at submit.
 */
@Entity('applications')
@Index('applications_cohort_applicant_key', ['cohortId', 'applicantId'], { unique: true })
@Index('applications_cohort_status_idx', ['cohortId', 'status'])
// Trigram index over the diacritic-folded name + enterprise (an expression; created by its migration).
@Index('applications_search_idx', { synchronize: false })
export class Application {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  cohortId: string;

  @ManyToOne(() => Cohort, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Cohort;

  @Index('applications_applicant_idx')
  @Column('uuid')
  applicantId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'applicant_id' })
  applicant?: User;

  @Column('text', { default: 'draft' })
  status: ApplicationStatus;

  @Column('jsonb', { default: {} })
  personal: Record<string, unknown>;

  /** Derived from personal.province, kept as a column for filters and quotas. */
  @Column('text', { nullable: true })
  region: Region | null;

  @Column('jsonb', { default: {} })
  enterprise: Record<string, unknown>;

  @Column('jsonb', { default: {} })
  languages: Record<string, unknown>;

  /** Hub codes, first choice first. */
  @Column('text', { array: true, default: '{}' })
  hubPreferences: string[];

  @Column('jsonb', { default: {} })
  essays: Record<string, unknown>;

  @Column('jsonb', { default: [] })
  referees: Array<Record<string, unknown>>;

  @Column('timestamptz', { nullable: true })
  submittedAt: Date | null;

  /** The Idempotency-Key of the submit that succeeded: a retried submit with it answers the same, once. */
  @Column('text', { nullable: true })
  submitIdempotencyKey: string | null;

  /**
   * Staff reopened this one draft's submission (audited, with a reason) after its cohort stopped
   * taking them: until then it may be edited and submitted whatever the cohort's window or status.
   */
  @Column('timestamptz', { nullable: true })
  submissionReopenedUntil: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
