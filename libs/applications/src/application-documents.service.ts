import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, NotFoundError } from '@vgbf/core';
import { DOCUMENT_STORAGE, type DocumentStorage, storePdf, sanitizeFilename } from '@vgbf/storage';
import { DataSource, type EntityManager } from 'typeorm';
import { TooManyDocumentsError } from './applications.errors';
import { ApplicationsService, canRead } from './applications.service';
import { documentsOf, toDocumentView } from './document-views';
import type { ApplicationDocumentView } from './dto/document.dto';
import { ApplicationDocument, type DocumentKind, SINGLE_DOCUMENT_KINDS } from './entities/application-document.entity';
import { Application } from './entities/application.entity';
import { AccessLog } from '@vgbf/personal-data';

/** How many documents of kind `other` an application may hold. */
export const MAX_OTHER_DOCUMENTS = 5;

/** A file as it arrives: the name the client gave and its bytes, still streaming in. */
export interface IncomingFile {
  filename: string | undefined;
  stream: NodeJS.ReadableStream;
  /** Refuses the upload when another part follows the file (see receivePdfUpload). */
  end?: () => Promise<void>;
}

const snapshot = (d: ApplicationDocument) => ({
  documentId: d.id,
  kind: d.kind,
  filename: d.filename,
  sizeBytes: d.sizeBytes,
  sha256: d.sha256,
});

/**
 * An application's documents: the owner uploads and deletes them while the application is editable;
 * whoever may read the application may list and download them. The bytes live in DocumentStorage,
 * the record of them here; a file belongs to the application only once its row is committed.
 */
@Injectable()
export class ApplicationDocumentsService {
  private readonly logger = new Logger(ApplicationDocumentsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly applications: ApplicationsService,
    private readonly audit: AuditService,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    private readonly accessLog: AccessLog,
  ) {}

  async list(actor: AuthenticatedUser, id: string): Promise<ApplicationDocumentView[]> {
    await this.assertReadable(actor, id);
    return ((await documentsOf(this.db.manager, [id])).get(id) ?? []).map(toDocumentView);
  }

  /** A document and its bytes, to whoever may read the application; anyone else gets a 404. */
  async open(
    actor: AuthenticatedUser,
    id: string,
    documentId: string,
  ): Promise<{ document: ApplicationDocument; content: Readable }> {
    const applicantId = await this.assertReadable(actor, id);
    const document = await this.db.getRepository(ApplicationDocument).findOneBy({ id: documentId, applicationId: id });
    if (!document) throw new NotFoundError('Document', documentId);
    const content = await this.storage.get(document.storageKey);
    // Someone else downloading the applicant's document: a line of the access log (the applicant's own is not).
    await this.accessLog.record({
      actorUserId: actor.id,
      subjectUserId: applicantId,
      resource: 'document',
      resourceId: documentId,
    });
    return { document, content };
  }

  /**
   * Adds an uploaded PDF to the caller's application. Refuses before reading a byte when the
   * application cannot take it; streams the file to storage through the PDF check (magic bytes,
   * size); then records it under the application's lock, checking again. A cv or
   * business_registration replaces the current one, whose file is removed after the commit; when
   * the record fails, the new file is removed instead. The deadline is judged at `arrivedAt`, as
   * for submit: an upload that starts in time counts.
   */
  async upload(
    actor: AuthenticatedUser,
    id: string,
    kind: DocumentKind,
    arrivedAt: Date,
    receive: () => Promise<IncomingFile>,
  ): Promise<ApplicationDocumentView> {
    await this.db.transaction((manager) => this.lockForUpload(manager, actor, id, kind, arrivedAt));
    const file = await receive();
    const stored = await storePdf(this.storage, file.stream, { prefix: `applications/${id}`, end: file.end });
    let replaced: ApplicationDocument[] = [];
    let document: ApplicationDocument;
    try {
      document = await this.db.transaction(async (manager) => {
        await this.lockForUpload(manager, actor, id, kind, arrivedAt);
        const repo = manager.getRepository(ApplicationDocument);
        replaced = SINGLE_DOCUMENT_KINDS.includes(kind) ? await repo.findBy({ applicationId: id, kind }) : [];
        if (replaced.length) await repo.delete(replaced.map((d) => d.id));
        const created = await repo.save(
          repo.create({
            applicationId: id,
            kind,
            filename: sanitizeFilename(file.filename),
            sizeBytes: stored.size,
            sha256: stored.sha256,
            storageKey: stored.key,
            uploadedBy: actor.id,
          }),
        );
        await this.audit.record(manager, actor, {
          action: 'application.document_uploaded',
          entityType: 'application',
          entityId: id,
          before: replaced[0] ? snapshot(replaced[0]) : null,
          after: snapshot(created),
        });
        return created;
      });
    } catch (error) {
      await this.discard(stored.key);
      throw error;
    }
    for (const old of replaced) await this.discard(old.storageKey);
    return toDocumentView(document);
  }

  /** Removes a document from the caller's editable application; its file goes after the commit. */
  async remove(actor: AuthenticatedUser, id: string, documentId: string, at: Date): Promise<void> {
    const document = await this.db.transaction(async (manager) => {
      await this.applications.lockEditable(manager, actor, id, at);
      const repo = manager.getRepository(ApplicationDocument);
      const found = await repo.findOneBy({ id: documentId, applicationId: id });
      if (!found) throw new NotFoundError('Document', documentId);
      await repo.delete(found.id);
      await this.audit.record(manager, actor, {
        action: 'application.document_deleted',
        entityType: 'application',
        entityId: id,
        before: snapshot(found),
        after: null,
      });
      return found;
    });
    await this.discard(document.storageKey);
  }

  /** The application's applicant, when the actor may read it; "not found" otherwise. */
  private async assertReadable(actor: AuthenticatedUser, id: string): Promise<string> {
    const app = await this.db
      .getRepository(Application)
      .findOne({ where: { id }, select: { id: true, applicantId: true } });
    if (!app || !canRead(actor, app)) throw new NotFoundError('Application', id);
    return app.applicantId;
  }

  private async lockForUpload(
    manager: EntityManager,
    actor: AuthenticatedUser,
    id: string,
    kind: DocumentKind,
    at: Date,
  ): Promise<void> {
    await this.applications.lockEditable(manager, actor, id, at);
    if (kind !== 'other') return;
    const count = await manager.getRepository(ApplicationDocument).countBy({ applicationId: id, kind });
    if (count >= MAX_OTHER_DOCUMENTS) throw new TooManyDocumentsError(kind, MAX_OTHER_DOCUMENTS);
  }

  /** Removes a file no row refers to any more; a failure only leaves an orphan behind, so it is logged, not thrown. */
  private async discard(key: string): Promise<void> {
    try {
      await this.storage.delete(key);
    } catch (error) {
      this.logger.warn({ err: error, storageKey: key }, 'Could not remove a stored file no document refers to');
    }
  }
}
