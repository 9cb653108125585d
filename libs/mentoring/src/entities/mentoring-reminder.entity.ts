import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const MENTORING_REMINDER_KINDS = ['mentor_inactive', 'fellow_unconfirmed', 'session_upcoming'] as const;
export type MentoringReminderKind = (typeof MENTORING_REMINDER_KINDS)[number];

/** One reminder for one pair and period: unique, so it goes out once however often the job runs. */
@Entity('mentoring_reminders')
@Index('mentoring_reminders_key', ['pairingId', 'kind', 'period'], { unique: true })
export class MentoringReminder {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('uuid')
  pairingId: string;

  @Column('text')
  kind: MentoringReminderKind;

  /** Which period it covers, e.g. the day the 30 days of silence began. */
  @Column('text')
  period: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
