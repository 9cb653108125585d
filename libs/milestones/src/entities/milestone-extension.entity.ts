import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Milestone } from './milestone.entity';

/** An extension granted on one milestone (it moves that milestone and every later one), with why. */
@Entity('milestone_extensions')
export class MilestoneExtension {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  milestoneId: string;

  @ManyToOne(() => Milestone, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'milestone_id' })
  milestone?: Milestone;

  @Column('int')
  days: number;

  @Column('text')
  reason: string;

  @Column('uuid')
  grantedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
