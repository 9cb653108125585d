import { User } from '@vgbf/identity';
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** What the assignment needs to know of a reviewer: sector expertise, and their organisation (conflicts). */
@Entity('reviewer_profiles')
export class ReviewerProfile {
  @PrimaryColumn('uuid')
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column('text', { array: true, default: '{}' })
  sectors: string[];

  @Column('text', { nullable: true })
  organisation: string | null;

  /** At most this many applications in one round (null: no cap). */
  @Column('int', { nullable: true })
  maxLoad: number | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
