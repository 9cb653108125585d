import { Transform, type TransformCallback } from 'node:stream';
import { DomainError } from '@vgbf/core';
import { PDFDocument } from 'pdf-lib';
import type { DocumentStorage, StoredObject } from './document-storage';

/** The largest PDF accepted anywhere (application documents, milestone evidence): 10 MiB. */
export const MAX_PDF_BYTES = 10 * 1024 * 1024;

/** Every PDF starts with this header (ISO 32000-1 §7.5.2); nothing else is a PDF here, whatever its name. */
export const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/** Whether these first bytes of a file open a PDF. Pure. */
export function startsAsPdf(head: Uint8Array): boolean {
  return head.length >= PDF_MAGIC.length && PDF_MAGIC.equals(head.subarray(0, PDF_MAGIC.length));
}

/**
 * A file that is not a PDF (whatever its name): its first bytes are not the header, it does not
 * parse as a PDF, or it has no page. A 400 on the `file` field.
 */
export class NotPdfError extends DomainError {
  constructor(message = 'file must be a PDF document') {
    super('invalid_document', 'invalid', 'The file is not a PDF document that opens.', {
      errors: [{ field: 'file', message }],
    });
  }
}

/** A password-protected PDF: reviewers could not open it, so it is refused with its own message. */
export class EncryptedPdfError extends DomainError {
  constructor() {
    const message = 'file is a password-protected (encrypted) PDF: upload one without a password';
    super('encrypted_document', 'invalid', 'The PDF is password-protected.', { errors: [{ field: 'file', message }] });
  }
}

/**
 * Whether these bytes are a PDF that opens with at least one page; the error to refuse it with
 * otherwise. A "%PDF-" header alone, or an HTML page that starts with one, does not parse.
 */
export async function verifyPdf(bytes: Uint8Array): Promise<NotPdfError | EncryptedPdfError | null> {
  let pages: number;
  try {
    const document = await PDFDocument.load(bytes, { updateMetadata: false });
    pages = document.getPageCount();
  } catch (error) {
    // pdf-lib throws its EncryptedPDFError (by name: its class is not exported the same way in every build).
    if (error instanceof Error && (error.name === 'EncryptedPDFError' || /is encrypted/i.test(error.message))) {
      return new EncryptedPdfError();
    }
    return new NotPdfError('file must be a PDF document that opens: this one is damaged or not a PDF');
  }
  return pages > 0 ? null : new NotPdfError('file must be a PDF document with at least one page');
}

/** Answered 413 (not 400): the request itself was too large, and clients and proxies know that status. */
export class DocumentTooLargeError extends DomainError {
  constructor(maxBytes: number) {
    const message = `file must be at most ${maxBytes / (1024 * 1024)} MB`;
    super('document_too_large', 'too_large', `The file is larger than ${maxBytes / (1024 * 1024)} MB.`, {
      maxBytes,
      maxMegabytes: maxBytes / (1024 * 1024),
      errors: [{ field: 'file', message }],
    });
  }
}

/**
 * Passes an upload through while checking it: fails with NotPdfError unless the first bytes are the
 * PDF header, and with DocumentTooLargeError as soon as it grows past `maxBytes`. Holds back at most
 * the few bytes of the header until it can decide. At the end it parses the whole file (at most
 * `maxBytes`, kept in memory) and fails unless it opens with a page: storage only keeps a file once
 * its stream ends without error, so nothing of a refused file is kept.
 */
export class PdfUploadCheck extends Transform {
  private head: Buffer | null = Buffer.alloc(0);
  private size = 0;
  private readonly chunks: Buffer[] = [];

  constructor(private readonly maxBytes = MAX_PDF_BYTES) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return done(new DocumentTooLargeError(this.maxBytes));
    this.chunks.push(chunk);
    if (this.head === null) return done(null, chunk);
    const head = Buffer.concat([this.head, chunk]);
    if (head.length < PDF_MAGIC.length) {
      this.head = head;
      return done();
    }
    if (!startsAsPdf(head)) return done(new NotPdfError());
    this.head = null;
    done(null, head);
  }

  override _flush(done: TransformCallback): void {
    // Shorter than the header (an empty file included): not a PDF.
    if (this.head !== null) return done(new NotPdfError());
    verifyPdf(Buffer.concat(this.chunks)).then(
      (refused) => done(refused),
      (error: Error) => done(error),
    );
  }
}

/**
 * Streams an uploaded file to storage through the PDF check: a refused file (not a PDF, one that does
 * not open or has no page, an encrypted one, too large, or the client gone midway) leaves nothing
 * stored and rejects with the check's error; so does a part after the file (`end`, from
 * receivePdfUpload). Whatever the client still sends is read to the end, so the answer gets through.
 */
export async function storePdf(
  storage: DocumentStorage,
  upload: NodeJS.ReadableStream,
  options: { prefix: string; maxBytes?: number; end?: () => Promise<void> },
): Promise<StoredObject> {
  const checked = new PdfUploadCheck(options.maxBytes);
  // pipe() does not pass a source's failure on (e.g. the client went away mid-upload).
  upload.once('error', (error: Error) => checked.destroy(error));
  let stored: StoredObject;
  try {
    stored = await storage.put(upload.pipe(checked), { prefix: options.prefix });
  } finally {
    upload.unpipe(checked);
    upload.resume();
  }
  // What followed the file (a second file, a stray field) refuses the whole upload: nothing is kept.
  try {
    await options.end?.();
  } catch (error) {
    await storage.delete(stored.key);
    throw error;
  }
  return stored;
}
