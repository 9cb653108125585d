import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only record of who changed what, with before/after and the reason. A trigger in the
 * database refuses UPDATE, DELETE and TRUNCATE on this table, whoever asks.
 */
@Entity('audit_log')
@Index('audit_log_entity_idx', ['entityType', 'entityId', 'createdAt'])
@Index('audit_log_actor_idx', ['actorId', 'createdAt'])
@Index('audit_log_created_idx', ['createdAt'])
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  /** The account that made the change; null for the system (jobs, CLI). */
  @Column('uuid', { nullable: true })
  actorId: string | null;

  /** e.g. `invitation.created`, `application.status_changed`. */
  @Column('text')
  action: string;

  @Column('text')
  entityType: string;

  @Column('text')
  entityId: string;

  @Column('jsonb', { nullable: true })
  before: Record<string, unknown> | null;

  @Column('jsonb', { nullable: true })
  after: Record<string, unknown> | null;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('text', { nullable: true })
  requestId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
