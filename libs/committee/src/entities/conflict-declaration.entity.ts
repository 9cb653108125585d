import { Cohort } from '@vgbf/cohorts';
import { User } from '@vgbf/identity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What a reviewer declared they know in a cohort: people and organisations by name, and emails. The
 * server matches it against the cohort's applicants; each match becomes a declared conflict. The
 * reviewer is never told what matched (a blind review stays blind); staff see the conflicts it made.
 */
@Entity('conflict_declarations')
export class ConflictDeclaration {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('conflict_declarations_reviewer_idx')
  @Column('uuid')
  reviewerId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reviewer_id' })
  reviewer?: User;

  @Column('uuid')
  cohortId: string;

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Cohort;

  /** People and organisations, as the reviewer wrote them. */
  @Column('jsonb')
  names: string[];

  @Column('jsonb')
  emails: string[];

  @Column('text')
  reason: string;

  /** Applications it matched when declared (for staff). */
  @Column('int', { default: 0 })
  matched: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
