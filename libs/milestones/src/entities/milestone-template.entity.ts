import { Cohort } from '@vgbf/cohorts';
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

export const DUE_ANCHORS = ['start', 'mid', 'end'] as const;
export type DueAnchor = (typeof DUE_ANCHORS)[number];
export const EVIDENCE_KINDS = ['text', 'link', 'file'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const MILESTONE_REVIEWERS = ['mentor', 'staff', 'both'] as const;
export type MilestoneReviewer = (typeof MILESTONE_REVIEWERS)[number];
export const CERTIFICATION_PILLARS = [
  'global_management',
  'international_legal',
  'intercultural_negotiation',
  'esg',
] as const;
export type CertificationPillar = (typeof CERTIFICATION_PILLARS)[number];

export interface LocalizedText {
  vi: string;
  en: string;
}

/**
 * One milestone of a cohort's template (copied from config/milestones.json for the cohort's track,
 * editable by staff before the programme starts): what is due, when relative to a fellow's year,
 * what evidence it takes and who reviews it.
 */
@Entity('milestone_templates')
@Index('milestone_templates_cohort_code_key', ['cohortId', 'code'], { unique: true })
export class MilestoneTemplate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  cohortId: string;

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Cohort;

  @Column('text')
  code: string;

  @Column('int')
  position: number;

  @Column('jsonb')
  title: LocalizedText;

  @Column('jsonb')
  description: LocalizedText;

  /** Due relative to the fellow's start, the middle of their year, or its end. */
  @Column('text')
  anchor: DueAnchor;

  @Column('int', { default: 0 })
  offsetMonths: number;

  @Column('int', { default: 0 })
  offsetDays: number;

  @Column('text', { array: true })
  evidence: EvidenceKind[];

  @Column('text')
  reviewer: MilestoneReviewer;

  @Column('text', { array: true, default: '{}' })
  pillars: CertificationPillar[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
