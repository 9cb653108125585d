import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One reminder step of one family for one subject, due date (and time) and recipient: unique, so it goes out once
 * however often (or however many workers concurrently) the pipeline runs; a moved due date is a new chain.
 */
@Entity('reminder_log')
@Index('reminder_log_key', ['family', 'subjectId', 'step', 'dueOn', 'dueTime', 'recipientId'], { unique: true })
export class ReminderLogEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('text')
  family: string;

  @Column('uuid')
  subjectId: string;

  @Column('text')
  step: string;

  @Column('date')
  dueOn: string;

  /** The due time that day ('HH:MI', Vietnam) for items that have one; '' for day-only items. */
  @Column('text', { default: '' })
  dueTime: string;

  @Column('uuid')
  recipientId: string;

  /** sent: emailed at once; digest: queued for the recipient's daily digest; skipped: optional, unsubscribed. */
  @Column('text')
  delivery: 'sent' | 'digest' | 'skipped';

  /** The run's instant (from the Clock), not the database's. */
  @Column('timestamptz')
  createdAt: Date;
}
