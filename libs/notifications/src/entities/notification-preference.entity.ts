import { User } from '@vgbf/identity';
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const DELIVERIES = ['immediate', 'digest'] as const;
export type Delivery = (typeof DELIVERIES)[number];

/** How a person wants optional-to-batch emails: at once or in one daily digest; and optional ones at all. */
@Entity('notification_preferences')
export class NotificationPreference {
  @PrimaryColumn('uuid')
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column('text', { default: 'immediate' })
  delivery: Delivery;

  /** False after "unsubscribe": optional emails stop; mandatory ones still come and say why. */
  @Column('boolean', { default: true })
  optionalEmails: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
