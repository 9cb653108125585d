import { Application } from '@vgbf/applications';
import { User } from '@vgbf/identity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export const ASSIGNMENT_SOURCES = ['auto', 'manual'] as const;
export type AssignmentSource = (typeof ASSIGNMENT_SOURCES)[number];

/** One reviewer on one application. */
@Entity('review_assignments')
@Index('review_assignments_pair_key', ['applicationId', 'reviewerId'], { unique: true })
export class ReviewAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('review_assignments_cohort_idx')
  @Column('uuid')
  cohortId: string;

  @Column('uuid')
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Application;

  @Index('review_assignments_reviewer_idx')
  @Column('uuid')
  reviewerId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewer_id' })
  reviewer?: User;

  @Column('text')
  source: AssignmentSource;

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
