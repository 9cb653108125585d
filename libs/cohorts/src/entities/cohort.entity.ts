import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { FeedbackCheckpoint } from '../feedback/checkpoint-rules';
import type { Hub } from './hub.entity';

export const COHORT_STATUSES = ['draft', 'open', 'reviewing', 'selecting', 'running', 'closed'] as const;
export type CohortStatus = (typeof COHORT_STATUSES)[number];

export const TRACK_MONTHS = [6, 9, 12] as const;

/** The eligibility rules the server knows how to judge (libs/applications/src/eligibility.ts). */
export const ELIGIBILITY_RULE_CODES = ['max_age', 'vietnamese_citizen', 'enterprise_min_years'] as const;
export type EligibilityRuleCode = (typeof ELIGIBILITY_RULE_CODES)[number];

/** A configured test applications must pass, e.g. `{ code: 'max_age', params: { maxAge: 40 } }`. */
export interface EligibilityRule {
  code: string;
  params: Record<string, unknown>;
}

/** One intake, e.g. "VGBF 2027". Times are stored in UTC; people enter and read them in Vietnam time. */
@Entity('cohorts')
export class Cohort {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('cohorts_name_key', { unique: true })
  @Column('text')
  name: string;

  @Column('int')
  year: number;

  @Column('int')
  targetSize: number;

  @Column('int')
  trackMonths: number;

  @Column('timestamptz')
  applicationOpensAt: Date;

  @Column('timestamptz')
  applicationClosesAt: Date;

  @Column('int')
  offerResponseDays: number;

  /** A calendar day in Vietnam, e.g. 2027-09-01. */
  @Column('date')
  programmeStartDate: string;

  @Column('text', { default: 'draft' })
  status: CohortStatus;

  @Column('jsonb')
  eligibilityRules: EligibilityRule[];

  /** The two-way feedback forms of the programme year (config/feedback.json for a new cohort); staff edit them until it starts. */
  @Column('jsonb')
  feedbackCheckpoints: FeedbackCheckpoint[];

  @OneToMany('Hub', 'cohort')
  hubs?: Hub[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
