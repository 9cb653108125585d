import { Application } from '@vgbf/applications';
import { User } from '@vgbf/identity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export const CONFLICT_SOURCES = ['declared', 'detected'] as const;
export type ConflictSource = (typeof CONFLICT_SOURCES)[number];
/** pending: detected, awaiting staff; confirmed and pending both keep the pair apart; dismissed does not. */
export const CONFLICT_STATUSES = ['pending', 'confirmed', 'dismissed'] as const;
export type ConflictStatus = (typeof CONFLICT_STATUSES)[number];

/** A reviewer who must not review an application: declared by the reviewer, or detected and shown to staff. */
@Entity('reviewer_conflicts')
@Index('reviewer_conflicts_pair_key', ['applicationId', 'reviewerId'], { unique: true })
export class ReviewerConflict {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Application;

  @Index('reviewer_conflicts_reviewer_idx')
  @Column('uuid')
  reviewerId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reviewer_id' })
  reviewer?: User;

  @Column('text')
  source: ConflictSource;

  @Column('text')
  status: ConflictStatus;

  /** Why: the reviewer's words, or what the detection found (e.g. "same email domain: lua-vang.vn"). */
  @Column('text')
  reason: string;

  @Column('uuid', { nullable: true })
  decidedBy: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
