import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ApplicationStatus } from './application.entity';

/** Every status change of an application: the history the applicant sees. */
@Entity('application_status_changes')
@Index('application_status_changes_app_idx', ['applicationId', 'createdAt'])
export class ApplicationStatusChange {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('uuid')
  applicationId: string;

  @Column('text')
  fromStatus: ApplicationStatus;

  @Column('text')
  toStatus: ApplicationStatus;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('text', { nullable: true })
  reason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
