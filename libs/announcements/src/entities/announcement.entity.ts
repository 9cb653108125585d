import { Cohort } from '@vgbf/cohorts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIENCES = ['applicants', 'fellows', 'mentors'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** The consent an announcement that is not a mandatory notice needs from each recipient. */
export const ANNOUNCEMENT_PURPOSES = ['communications', 'marketing'] as const;
export type AnnouncementPurpose = (typeof ANNOUNCEMENT_PURPOSES)[number];

/** A notice staff sent to one audience of one cohort, in both languages (each recipient reads it in theirs). */
@Entity('announcements')
@Index('announcements_cohort_idx', ['cohortId', 'createdAt'])
export class Announcement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  cohortId: string;

  @ManyToOne(() => Cohort, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Cohort;

  @Column('text')
  audience: Audience;

  /** The template it started from (see ANNOUNCEMENT_TEMPLATES). */
  @Column('text')
  template: string;

  /**
   * Null: a programme notice every member of the audience gets (mandatory). Otherwise the consent its
   * recipients must hold: 'communications' (programme news) or 'marketing'; people without it are left out.
   */
  @Check('announcements_purpose', `"purpose" IN ('communications', 'marketing')`)
  @Column('text', { nullable: true })
  purpose: AnnouncementPurpose | null;

  @Column('text')
  subjectVi: string;

  @Column('text')
  bodyVi: string;

  @Column('text')
  subjectEn: string;

  @Column('text')
  bodyEn: string;

  @Column('int')
  recipientCount: number;

  @Column('uuid')
  sentBy: string;

  // identity's users table, named rather than imported: announcements import only cohorts (config/boundaries.json).
  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sent_by' })
  sender?: { id: string };

  /** The Idempotency-Key of the request that sent it: a retry with it answers the same announcement, once. */
  @Index('announcements_idempotency_key', { unique: true, where: 'idempotency_key IS NOT NULL' })
  @Column('text', { nullable: true })
  idempotencyKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** Who an announcement was addressed to when it was sent, in which language, and the email that carries it. */
@Entity('announcement_recipients')
@Index('announcement_recipients_user_idx', ['userId', 'createdAt'])
export class AnnouncementRecipient {
  @Column('uuid', { primary: true })
  announcementId: string;

  @ManyToOne(() => Announcement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'announcement_id' })
  announcement?: Announcement;

  @Column('uuid', { primary: true })
  userId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: { id: string };

  @Column('text')
  language: 'vi' | 'en';

  @Column('uuid')
  outboxId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
