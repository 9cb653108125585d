import { Fellow } from '@vgbf/fellows';
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
import type { CertificationPillar, EvidenceKind, LocalizedText, MilestoneReviewer } from './milestone-template.entity';

/**
 * What is stored of a milestone's state. upcoming, due soon and overdue are never stored: they are
 * derived from `due_on` and today (Asia/Ho_Chi_Minh) whenever the milestone is read.
 */
export const MILESTONE_STATES = ['open', 'submitted', 'changes_requested', 'approved', 'waived'] as const;
export type MilestoneState = (typeof MILESTONE_STATES)[number];

/**
 * One fellow's milestone: the template's content at the time, and a concrete due date. `due_on` is
 * `base_due_on` (from the fellow's start) plus every extension granted to this milestone or an
 * earlier one (extensions cascade), recomputed in the transaction that changes either.
 */
@Entity('milestones')
@Index('milestones_fellow_code_key', ['fellowId', 'code'], { unique: true })
@Index('milestones_state_due_idx', ['state', 'dueOn'])
// A fellow's milestones for the cohort reads (covering, and the owed ones): created by CohortReadIndexes.
@Index('milestones_fellow_progress_idx', { synchronize: false })
@Index('milestones_fellow_owed_idx', { synchronize: false })
export class Milestone {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  fellowId: string;

  @ManyToOne(() => Fellow, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fellow_id' })
  fellow?: Fellow;

  @Column('uuid', { nullable: true })
  templateId: string | null;

  @Column('text')
  code: string;

  @Column('int')
  position: number;

  @Column('jsonb')
  title: LocalizedText;

  @Column('jsonb')
  description: LocalizedText;

  @Column('text', { array: true })
  evidence: EvidenceKind[];

  @Column('text')
  reviewer: MilestoneReviewer;

  @Column('text', { array: true, default: '{}' })
  pillars: CertificationPillar[];

  /** From the fellow's start date and the template's anchor and offset, before any extension. */
  @Column('date')
  baseDueOn: string;

  /** Days granted to this milestone; they move it and every later one. */
  @Column('int', { default: 0 })
  extensionDays: number;

  @Column('date')
  dueOn: string;

  @Column('text', { default: 'open' })
  state: MilestoneState;

  @Column('text', { nullable: true })
  waivedReason: string | null;

  @Column('timestamptz', { nullable: true })
  submittedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  approvedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
