import { Transform, type TransformCallback } from 'node:stream';
import { DocumentTooLargeError, NotPdfError } from './applications.errors';

/** The largest accepted document: 10 MiB. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Every PDF starts with this header (ISO 32000-1 §7.5.2); nothing else is a PDF here, whatever its name. */
export const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/** Whether these first bytes of a file open a PDF. Pure. */
export function startsAsPdf(head: Uint8Array): boolean {
  return head.length >= PDF_MAGIC.length && PDF_MAGIC.equals(head.subarray(0, PDF_MAGIC.length));
}

/**
 * Passes an upload through while checking it: fails with NotPdfError unless the first bytes are the
 * PDF header, and with DocumentTooLargeError as soon as it grows past `maxBytes`. Holds back at most
 * the few bytes of the header until it can decide, so nothing of a refused file reaches storage.
 */
export class PdfUploadCheck extends Transform {
  private head: Buffer | null = Buffer.alloc(0);
  private size = 0;

  constructor(private readonly maxBytes = MAX_DOCUMENT_BYTES) {
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
