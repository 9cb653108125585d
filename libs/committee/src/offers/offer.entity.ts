import { Application } from '@vgbf/applications';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SelectionRun } from '../selection/selection-run.entity';

export const OFFER_STATUSES = ['pending', 'accepted', 'declined', 'expired'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/**
 * A seat offered to one applicant, answered by the deadline. An application is offered at most once.
 * A declined or expired offer frees its seat: `vacancySettledAt` records that the seat was handled
 * (offered to `replacedByOfferId`, or to nobody when no waitlisted candidate fitted), so it is
 * handled once however often a decline is retried or the expiry job runs.
 */
@Entity('offers')
@Index('offers_application_key', ['applicationId'], { unique: true })
@Index('offers_cohort_status_idx', ['cohortId', 'status'])
@Index('offers_pending_expiry_idx', ['expiresAt'], { where: `status = 'pending'` })
@Index('offers_replaced_by_key', ['replacedByOfferId'], { unique: true, where: `replaced_by_offer_id IS NOT NULL` })
export class Offer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id' })
  application?: Application;

  @Column('uuid')
  cohortId: string;

  @Column('uuid')
  runId: string;

  @ManyToOne(() => SelectionRun, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'run_id' })
  run?: SelectionRun;

  @Column('text', { default: 'pending' })
  status: OfferStatus;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  respondedAt: Date | null;

  /** When the "expires in 2 days" reminder went out (once per offer). */
  @Column('timestamptz', { nullable: true })
  remindedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  vacancySettledAt: Date | null;

  @Column('uuid', { nullable: true })
  replacedByOfferId: string | null;

  @ManyToOne(() => Offer, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'replaced_by_offer_id' })
  replacedBy?: Offer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
