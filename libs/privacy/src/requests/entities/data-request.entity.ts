import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { REQUEST_KINDS, type RequestKind } from '../request-deadlines';

/** How the person asked: on their account page, or through staff (who record the channel). */
export const REQUEST_CHANNELS = ['account', 'email', 'letter', 'in_person'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

export const REQUEST_STATES = ['received', 'acknowledged', 'in_progress', 'completed', 'refused'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

const list = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');

/**
 * A person's request about their personal data (Law 91/2025/QH15): access, correction, deletion,
 * withdrawal of consent, restriction, objection. Its legal deadlines are Vietnamese working days from
 * the day it was received (Decree 356/2025), stored as days so the queue, the badges and the reminders
 * read the same dates; one extension with a reason; closed with an answer to the person.
 */
@Entity('data_requests')
@Index('data_requests_subject_idx', ['subjectUserId', 'receivedAt'])
@Index('data_requests_open_idx', ['state', 'dueOn'])
@Check('data_requests_kind_check', `"kind" IN (${list(REQUEST_KINDS)})`)
@Check('data_requests_channel_check', `"channel" IN (${list(REQUEST_CHANNELS)})`)
@Check('data_requests_state_check', `"state" IN (${list(REQUEST_STATES)})`)
export class DataRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The person the request is about (and who is answered). */
  @Column('uuid')
  subjectUserId: string;

  // identity's users table, named rather than imported: privacy imports no domain lib.
  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'subject_user_id' })
  subject?: { id: string };

  @Column('text')
  kind: RequestKind;

  @Column('text')
  channel: RequestChannel;

  /** What the person asked, in their words (or as staff wrote it down). */
  @Column('text')
  details: string;

  /** A processor (a hub partner, a mentor abroad…) must act too: the longer deadline applies. */
  @Column('boolean', { default: false })
  processorMustAct: boolean;

  @Column('text', { default: 'received' })
  state: RequestState;

  /** Who filed it: the person, or a staff member on their behalf. */
  @Column('uuid')
  filedBy: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'filed_by' })
  filer?: { id: string };

  @Column('timestamptz')
  receivedAt: Date;

  /** Vietnam's day it was received: the deadlines count working days from the next one. */
  @Column('date')
  receivedOn: string;

  @Column('date')
  acknowledgeBy: string;

  /** The completion deadline (moved once by an extension). */
  @Column('date')
  dueOn: string;

  @Column('timestamptz', { nullable: true })
  acknowledgedAt: Date | null;

  @Column('uuid', { nullable: true })
  acknowledgedBy: string | null;

  @Column('int', { nullable: true })
  extensionDays: number | null;

  @Column('text', { nullable: true })
  extensionReason: string | null;

  @Column('timestamptz', { nullable: true })
  extendedAt: Date | null;

  @Column('uuid', { nullable: true })
  extendedBy: string | null;

  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;

  @Column('uuid', { nullable: true })
  closedBy: string | null;

  /** The answer sent to the person on completion, or the reason of a refusal. */
  @Column('text', { nullable: true })
  answer: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
