import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const DELIVERIES = ['immediate', 'digest'] as const;
export type Delivery = (typeof DELIVERIES)[number];

/** How a person wants optional-to-batch emails: at once or in one daily digest; and optional ones at all. */
@Entity('notification_preferences')
export class NotificationPreference {
  @PrimaryColumn('uuid')
  userId: string;

  // identity's users table, named rather than imported: infrastructure never imports a domain lib.
  @OneToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: { id: string };

  @Column('text', { default: 'immediate' })
  delivery: Delivery;

  /** False after "unsubscribe": optional emails stop; mandatory ones still come and say why. */
  @Column('boolean', { default: true })
  optionalEmails: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
