import { Cohort } from '@vgbf/cohorts';
import { Fellow } from '@vgbf/fellows';
import { User } from '@vgbf/identity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export const PAIRING_STATUSES = ['active', 'ended'] as const;
export type PairingStatus = (typeof PAIRING_STATUSES)[number];

/** A mentor ↔ fellow pair approved by staff, with the score and reasons it was made for. */
@Entity('pairings')
@Index('pairings_active_fellow_key', ['fellowId'], { unique: true, where: `status = 'active'` })
@Index('pairings_mentor_idx', ['mentorId', 'status'])
export class Pairing {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('pairings_cohort_idx')
  @Column('uuid')
  cohortId: string;

  @ManyToOne(() => Cohort, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Cohort;

  @Column('uuid')
  fellowId: string;

  @ManyToOne(() => Fellow, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fellow_id' })
  fellow?: Fellow;

  @Column('uuid')
  mentorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'mentor_id' })
  mentor?: User;

  @Column('int')
  score: number;

  /** The score's parts, as the matching gave them (sector, expertise, language, place). */
  @Column('jsonb', { default: [] })
  reasons: Array<Record<string, unknown>>;

  @Column('uuid', { nullable: true })
  matchingRunId: string | null;

  @Column('text', { default: 'active' })
  status: PairingStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  endedAt: Date | null;

  @Column('text', { nullable: true })
  endedReason: string | null;
}
