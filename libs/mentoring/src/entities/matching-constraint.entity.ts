import { Fellow } from '@vgbf/fellows';
import { User } from '@vgbf/identity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export const PAIR_CONSTRAINT_KINDS = ['lock', 'forbid'] as const;
export type PairConstraintKind = (typeof PAIR_CONSTRAINT_KINDS)[number];

/** A staff decision the matching must honour: this pair always (lock) or never (forbid). */
@Entity('matching_constraints')
@Index('matching_constraints_pair_key', ['fellowId', 'mentorId'], { unique: true })
@Index('matching_constraints_one_lock_key', ['fellowId'], { unique: true, where: `kind = 'lock'` })
export class MatchingConstraint {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('matching_constraints_cohort_idx')
  @Column('uuid')
  cohortId: string;

  @Column('uuid')
  fellowId: string;

  @ManyToOne(() => Fellow, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fellow_id' })
  fellow?: Fellow;

  @Column('uuid')
  mentorId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentor_id' })
  mentor?: User;

  @Column('text')
  kind: PairConstraintKind;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('uuid')
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
