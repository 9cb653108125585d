import type { Purpose } from '@vgbf/personal-data';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export const CONSENT_ACTIONS = ['given', 'withdrawn'] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];

/** Where a consent was given or withdrawn: the registration form, the account page, staff on the person's behalf, the demo seeder. */
export const CONSENT_CHANNELS = ['registration', 'account', 'staff', 'seed'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/**
 * One version of the privacy notice of one purpose, in both languages. A version published as a
 * material change means consents given under older versions no longer stand until the person consents again.
 */
@Entity('privacy_notices')
@Check('privacy_notices_version_positive', '"version" > 0')
export class PrivacyNotice {
  @PrimaryColumn('text')
  purpose: Purpose;

  @PrimaryColumn('int')
  version: number;

  @Column('text')
  titleVi: string;

  @Column('text')
  titleEn: string;

  @Column('text')
  bodyVi: string;

  @Column('text')
  bodyEn: string;

  @Column('boolean')
  material: boolean;

  /** What changed, for staff (null for the first version). */
  @Column('text', { nullable: true })
  changeNote: string | null;

  /** Null for the versions loaded from config/privacy-notices.json. */
  @Column('uuid', { nullable: true })
  publishedBy: string | null;

  // identity's users table, named rather than imported: privacy imports no domain lib (DESIGN.md).
  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'published_by' })
  publisher?: { id: string };

  @Column('timestamptz')
  publishedAt: Date;
}

/**
 * A consent given or withdrawn: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE), so the
 * record proves what the person agreed to, under which notice version, when, where and from which device.
 */
@Entity('consent_events')
@Index('consent_events_user_purpose_idx', ['userId', 'purpose', 'id'])
@Index('consent_events_purpose_idx', ['purpose', 'userId'])
@Check('consent_events_action', `"action" IN ('given', 'withdrawn')`)
@Check('consent_events_channel', `"channel" IN ('registration', 'account', 'staff', 'seed')`)
export class ConsentEvent {
  /** Also the order of events (several may share one instant of the clock). */
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('uuid')
  userId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: { id: string };

  @Column('text')
  purpose: Purpose;

  @Column('text')
  action: ConsentAction;

  /** The notice version the person was shown (for a withdrawal: the version of the consent withdrawn). */
  @Column('int')
  noticeVersion: number;

  @Column('text')
  channel: ConsentChannel;

  /** The device: the browser's User-Agent as sent (null when none was sent). */
  @Column('text', { nullable: true })
  userAgent: string | null;

  /** The person themself, or the staff member who recorded it on their behalf. */
  @Column('uuid')
  recordedBy: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by' })
  recorder?: { id: string };

  @Column('timestamptz')
  recordedAt: Date;
}

export const CONSENT_ENTITIES = [PrivacyNotice, ConsentEvent];
