import type { Role } from '@vgbf/core';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** As the person typed it (trimmed). */
  @Column('text')
  email: string;

  /** Lower-cased email: unique, so one person cannot register twice by changing case. */
  @Index('users_email_normalized_key', { unique: true })
  @Column('text')
  emailNormalized: string;

  /** Unicode NFC, diacritics intact ("Nguyễn Văn An"). */
  @Column('text')
  fullName: string;

  @Column('text', { array: true })
  roles: Role[];

  @Column('text', { default: 'vi' })
  language: Language;

  /** argon2id; null until an invited person sets a password. */
  @Column('text', { nullable: true })
  passwordHash: string | null;

  @Column('timestamptz', { nullable: true })
  emailVerifiedAt: Date | null;

  /** Set by an admin: the account cannot sign in and its sessions are revoked; null while active. */
  @Column('timestamptz', { nullable: true })
  deactivatedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
