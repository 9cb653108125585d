import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Milestone } from './milestone.entity';

/** One submission of evidence for a milestone (a resubmission after changes is a new version). */
@Entity('milestone_submissions')
@Index('milestone_submissions_version_key', ['milestoneId', 'version'], { unique: true })
export class MilestoneSubmission {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  milestoneId: string;

  @ManyToOne(() => Milestone, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'milestone_id' })
  milestone?: Milestone;

  @Column('int')
  version: number;

  @Column('text', { nullable: true })
  text: string | null;

  @Column('text', { nullable: true })
  link: string | null;

  /** A file in DocumentStorage (PDF), when the milestone takes one. */
  @Column('text', { nullable: true })
  storageKey: string | null;

  @Column('text', { nullable: true })
  filename: string | null;

  @Column('int', { nullable: true })
  sizeBytes: number | null;

  @Column('text', { nullable: true })
  sha256: string | null;

  @Column('uuid')
  submittedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
