import { User } from '@vgbf/identity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Pairing } from './pairing.entity';

export const REMATCH_STATUSES = ['open', 'rematched', 'kept'] as const;
export type RematchStatus = (typeof REMATCH_STATUSES)[number];

/** A fellow or mentor asks staff for another match, with a reason; staff rematch or keep the pair. */
@Entity('rematch_requests')
@Index('rematch_requests_open_key', ['pairingId', 'requestedBy'], { unique: true, where: `status = 'open'` })
export class RematchRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  pairingId: string;

  @ManyToOne(() => Pairing, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pairing_id' })
  pairing?: Pairing;

  @Column('uuid')
  requestedBy: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'requested_by' })
  requester?: User;

  /** fellow or mentor: who asked. */
  @Column('text')
  requesterRole: 'fellow' | 'mentor';

  @Column('text')
  reason: string;

  @Column('text', { default: 'open' })
  status: RematchStatus;

  @Column('text', { nullable: true })
  resolution: string | null;

  @Column('uuid', { nullable: true })
  resolvedBy: string | null;

  @Column('timestamptz', { nullable: true })
  resolvedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
