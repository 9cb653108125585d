import { User } from '@vgbf/identity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Application } from './application.entity';

export const DOCUMENT_KINDS = ['cv', 'business_registration', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Kinds an application holds one current file of: a new upload replaces the previous one. */
export const SINGLE_DOCUMENT_KINDS: readonly DocumentKind[] = ['cv', 'business_registration'];

/**
 * A PDF uploaded to an application. The bytes live in DocumentStorage under `storageKey`; this row
 * is what makes them part of the application (a stored file without a row is garbage).
 */
@Entity('application_documents')
@Index('application_documents_app_idx', ['applicationId', 'createdAt'])
@Index('application_documents_single_kind_key', ['applicationId', 'kind'], {
  unique: true,
  where: `"kind" IN ('cv', 'business_registration')`,
})
export class ApplicationDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  applicationId: string;

  // RESTRICT: removing an application must also remove its stored files, which the database cannot do.
  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id' })
  application?: Application;

  @Column('text')
  kind: DocumentKind;

  /** The uploader's file name, sanitized (no path, no control characters, ends in .pdf). */
  @Column('text')
  filename: string;

  @Column('integer')
  sizeBytes: number;

  /** SHA-256 of the stored bytes, lowercase hex. */
  @Column('text')
  sha256: string;

  @Index('application_documents_storage_key_key', { unique: true })
  @Column('text')
  storageKey: string;

  @Column('uuid')
  uploadedBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by' })
  uploader?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
