import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Pairing } from './pairing.entity';

export const FEEDBACK_AUTHOR_ROLES = ['fellow', 'mentor'] as const;
export type FeedbackAuthorRole = (typeof FEEDBACK_AUTHOR_ROLES)[number];

/** One side's answers about the other at one checkpoint (month 1, mid-programme, end): given once. */
@Entity('feedback_answers')
@Index('feedback_answers_key', ['pairingId', 'checkpoint', 'authorRole'], { unique: true })
export class FeedbackAnswer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  pairingId: string;

  @ManyToOne(() => Pairing, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pairing_id' })
  pairing?: Pairing;

  @Column('text')
  checkpoint: string;

  @Column('text')
  authorRole: FeedbackAuthorRole;

  @Column('uuid')
  authorId: string;

  @Column('jsonb')
  answers: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
