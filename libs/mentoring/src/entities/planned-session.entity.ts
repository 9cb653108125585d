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
import { MentoringSession, type SessionMode } from './mentoring-session.entity';
import { Pairing } from './pairing.entity';

/** planned → cancelled, or planned → logged (the mentor turned it into a logged session after it took place). */
export const PLANNED_SESSION_STATUSES = ['planned', 'cancelled', 'logged'] as const;
export type PlannedSessionStatus = (typeof PLANNED_SESSION_STATUSES)[number];

/** An upcoming mentoring meeting either side of a pair scheduled; it becomes a session once logged. */
@Entity('planned_sessions')
@Index('planned_sessions_pairing_idx', ['pairingId', 'startsAt'])
export class PlannedSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  pairingId: string;

  @ManyToOne(() => Pairing, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pairing_id' })
  pairing?: Pairing;

  @Column('timestamptz')
  startsAt: Date;

  @Column('int')
  durationMinutes: number;

  @Column('text')
  mode: SessionMode;

  @Column('text', { array: true, default: '{}' })
  topics: string[];

  @Column('text', { default: '' })
  agenda: string;

  @Column('text', { default: 'planned' })
  status: PlannedSessionStatus;

  @Column('uuid')
  scheduledBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scheduled_by' })
  scheduler?: User;

  /** The logged session it became. */
  @Index('planned_sessions_session_key', { unique: true, where: 'session_id IS NOT NULL' })
  @Column('uuid', { nullable: true })
  sessionId: string | null;

  @ManyToOne(() => MentoringSession, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'session_id' })
  session?: MentoringSession;

  @Column('timestamptz', { nullable: true })
  cancelledAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
