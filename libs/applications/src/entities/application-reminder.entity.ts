import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const REMINDER_KINDS = ['deadline_7d', 'deadline_1d'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** One reminder sent for one application: unique, so a reminder goes out once however often the job runs. */
@Entity('application_reminders')
@Index('application_reminders_app_kind_key', ['applicationId', 'kind'], { unique: true })
export class ApplicationReminder {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('uuid')
  applicationId: string;

  @Column('text')
  kind: ReminderKind;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
