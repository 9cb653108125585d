import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One notification waiting for its recipient's daily digest (sent_at set when the digest goes out). */
@Entity('digest_items')
@Index('digest_items_pending_idx', ['userId'], { where: 'sent_at IS NULL' })
export class DigestItem {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('uuid')
  userId: string;

  /** The email it stands for: template and data, rendered as one entry of the digest. */
  @Column('jsonb')
  message: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;
}
