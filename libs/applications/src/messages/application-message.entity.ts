import { User } from '@vgbf/identity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Application } from '../entities/application.entity';

/**
 * An email staff sent to an applicant about their application, from a template they may edit: kept
 * as sent (subject, body, language), with its sender and the outbox row that carries it. Staff only.
 */
@Entity('application_messages')
@Index('application_messages_app_idx', ['applicationId', 'createdAt'])
@Index('application_messages_idempotency_key', ['applicationId', 'idempotencyKey'], {
  unique: true,
  where: 'idempotency_key IS NOT NULL',
})
export class ApplicationMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id' })
  application?: Application;

  /** The template it started from (see APPLICANT_MESSAGE_TEMPLATES). */
  @Column('text')
  template: string;

  @Column('text')
  language: 'vi' | 'en';

  @Column('text')
  subject: string;

  @Column('text')
  body: string;

  @Column('uuid')
  sentBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sent_by' })
  sender?: User;

  @Column('uuid')
  outboxId: string;

  /** The Idempotency-Key of the request that sent it: a retry with it answers the same message, once. */
  @Column('text', { nullable: true })
  idempotencyKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
