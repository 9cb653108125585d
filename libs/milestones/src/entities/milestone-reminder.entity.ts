import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One step of a milestone's reminder chain sent to one person for one due date: unique, so it goes
 * out once however often the job runs, and a moved due date makes a new chain.
 */
@Entity('milestone_reminders')
@Index('milestone_reminders_key', ['milestoneId', 'step', 'dueOn', 'recipientId'], { unique: true })
export class MilestoneReminder {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('uuid')
  milestoneId: string;

  @Column('text')
  step: string;

  @Column('date')
  dueOn: string;

  @Column('uuid')
  recipientId: string;

  /** sent: emailed at once; digest: queued for the recipient's daily digest. */
  @Column('text')
  delivery: 'sent' | 'digest';

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
