import { Transform, type TransformCallback } from 'node:stream';
import { DomainError } from '@vgbf/core';
import type { DocumentStorage, StoredObject } from './document-storage';

/** The largest PDF accepted anywhere (application documents, milestone evidence): 10 MiB. */
export const MAX_PDF_BYTES = 10 * 1024 * 1024;

/** Every PDF starts with this header (ISO 32000-1 §7.5.2); nothing else is a PDF here, whatever its name. */
export const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/** Whether these first bytes of a file open a PDF. Pure. */
export function startsAsPdf(head: Uint8Array): boolean {
  return head.length >= PDF_MAGIC.length && PDF_MAGIC.equals(head.subarray(0, PDF_MAGIC.length));
}

/** A file that is not a PDF by its first bytes (whatever its name): a 400 on the `file` field. */
export class NotPdfError extends DomainError {
  constructor() {
    const message = 'file must be a PDF document';
    super('invalid_document', 'invalid', 'The file is not a PDF document.', { errors: [{ field: 'file', message }] });
  }
}

/** Answered 413 (not 400): the request itself was too large, and clients and proxies know that status. */
export class DocumentTooLargeError extends DomainError {
  constructor(maxBytes: number) {
    const message = `file must be at most ${maxBytes / (1024 * 1024)} MB`;
    super('document_too_large', 'too_large', `The file is larger than ${maxBytes / (1024 * 1024)} MB.`, {
      maxBytes,
      errors: [{ field: 'file', message }],
    });
  }
}

/**
 * Passes an upload through while checking it: fails with NotPdfError unless the first bytes are the
 * PDF header, and with DocumentTooLargeError as soon as it grows past `maxBytes`. Holds back at most
 * the few bytes of the header until it can decide, so nothing of a refused file reaches storage.
 */
export class PdfUploadCheck extends Transform {
  private head: Buffer | null = Buffer.alloc(0);
  private size = 0;

  constructor(private readonly maxBytes = MAX_PDF_BYTES) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return done(new DocumentTooLargeError(this.maxBytes));
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
    done(this.head === null ? null : new NotPdfError());
  }
}

/**
 * Streams an uploaded file to storage through the PDF check: a refused file (not a PDF, too large,
 * or the client gone midway) leaves nothing stored and rejects with the check's error. Whatever the
 * client still sends is read to the end, so the answer gets through.
 */
export async function storePdf(
  storage: DocumentStorage,
  upload: NodeJS.ReadableStream,
  options: { prefix: string; maxBytes?: number },
): Promise<StoredObject> {
  const checked = new PdfUploadCheck(options.maxBytes);
  // pipe() does not pass a source's failure on (e.g. the client went away mid-upload).
  upload.once('error', (error: Error) => checked.destroy(error));
  try {
    return await storage.put(upload.pipe(checked), { prefix: options.prefix });
  } finally {
    upload.unpipe(checked);
    upload.resume();
  }
}
