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
import { Pairing } from './pairing.entity';

export const SESSION_MODES = ['in_person', 'online', 'phone'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

export interface ActionItem {
  text: string;
  /** A calendar day, e.g. 2027-10-15. */
  dueOn: string | null;
}

/** One mentoring meeting, logged by the mentor; the fellow confirms it happened and may rate it. */
@Entity('mentoring_sessions')
@Index('mentoring_sessions_pairing_idx', ['pairingId', 'heldAt'])
// A pair's sessions for the cohort reads (covering): created by CohortReadIndexes.
@Index('mentoring_sessions_pairing_stats_idx', { synchronize: false })
export class MentoringSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  pairingId: string;

  @ManyToOne(() => Pairing, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pairing_id' })
  pairing?: Pairing;

  @Column('timestamptz')
  heldAt: Date;

  @Column('int')
  durationMinutes: number;

  @Column('text')
  mode: SessionMode;

  @Column('text', { array: true, default: '{}' })
  topics: string[];

  @Column('text', { nullable: true })
  otherTopic: string | null;

  @Column('text', { default: '' })
  notes: string;

  @Column('jsonb', { default: [] })
  actionItems: ActionItem[];

  @Column('uuid')
  loggedBy: string;

  @Column('timestamptz', { nullable: true })
  confirmedAt: Date | null;

  /** 1–5, given by the fellow when confirming (optional). */
  @Column('smallint', { nullable: true })
  rating: number | null;

  @Column('text', { nullable: true })
  ratingComment: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
