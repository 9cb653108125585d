import { Cohort, Hub } from '@vgbf/cohorts';
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

export const FELLOW_STATUSES = ['active', 'withdrawn', 'completed'] as const;
export type FellowStatus = (typeof FELLOW_STATUSES)[number];

/** A language certificate as the hubs' rules read it: IELTS 7.0, JLPT N2, TOPIK 4… */
export interface LanguageCertificate {
  test: string;
  level: string;
}

/**
 * The one record per person of the programme year. It is created when an offer is accepted and
 * carries over, as a snapshot, what the programme wing needs from the application (so placement
 * and mentoring never read applications): sector, hub preferences, languages, selection score.
 */
@Entity('fellows')
@Index('fellows_cohort_user_key', ['cohortId', 'userId'], { unique: true })
@Index('fellows_application_key', ['applicationId'], { unique: true })
export class Fellow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  cohortId: string;

  @ManyToOne(() => Cohort, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Cohort;

  @Index('fellows_user_idx')
  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** The accepted application this record came from (a reference, never read by the programme wing). */
  @Column('uuid')
  applicationId: string;

  @Column('text')
  fullName: string;

  @Column('text', { nullable: true })
  gender: string | null;

  @Column('text', { nullable: true })
  region: string | null;

  @Column('text', { nullable: true })
  province: string | null;

  @Column('text', { nullable: true })
  enterpriseName: string | null;

  @Column('text', { nullable: true })
  sector: string | null;

  /** ISO 639-1 codes of the languages the fellow speaks (vi always). */
  @Column('text', { array: true, default: '{}' })
  languages: string[];

  @Column('jsonb', { default: [] })
  languageCertificates: LanguageCertificate[];

  /** Hub codes, first choice first, as ranked in the application. */
  @Column('text', { array: true, default: '{}' })
  hubPreferences: string[];

  /** The committee's calibrated score at selection (null when there was none): placement ties favour the higher. */
  @Column('double precision', { nullable: true })
  selectionScore: number | null;

  /** Expertise the fellow wants from a mentor (finance, legal, export_logistics…). */
  @Column('text', { array: true, default: '{}' })
  goals: string[];

  /** A calendar day in Vietnam; defaults to the cohort's programme start. */
  @Column('date')
  startDate: string;

  @Column('date')
  endDate: string;

  /** The confirmed placement (null until staff confirm one). */
  @Column('uuid', { nullable: true })
  hubId: string | null;

  @ManyToOne(() => Hub, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'hub_id' })
  hub?: Hub;

  @Column('timestamptz', { nullable: true })
  placedAt: Date | null;

  @Column('text', { default: 'active' })
  status: FellowStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
