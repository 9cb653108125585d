import { Transform, type TransformCallback } from 'node:stream';
import { EvidenceNotPdfError, EvidenceTooLargeError } from '../milestones.errors';

/** The largest evidence file: 10 MiB, as for application documents. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/**
 * Passes an evidence upload through while checking it is a PDF by its first bytes and no larger than
 * the limit; nothing of a refused file reaches storage. The same check as application documents
 * (libs/applications/src/pdf-upload.ts), kept here because the programme wing never imports the
 * selection wing.
 */
export class EvidencePdfCheck extends Transform {
  private head: Buffer | null = Buffer.alloc(0);
  private size = 0;

  constructor(private readonly maxBytes = MAX_EVIDENCE_BYTES) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return done(new EvidenceTooLargeError(this.maxBytes));
    if (this.head === null) return done(null, chunk);
    const head = Buffer.concat([this.head, chunk]);
    if (head.length < PDF_MAGIC.length) {
      this.head = head;
      return done();
    }
    if (!PDF_MAGIC.equals(head.subarray(0, PDF_MAGIC.length))) return done(new EvidenceNotPdfError());
    this.head = null;
    done(null, head);
  }

  override _flush(done: TransformCallback): void {
    done(this.head === null ? null : new EvidenceNotPdfError());
  }
}

/** A file name safe to store and to send back in Content-Disposition. */
export function evidenceFilename(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // Control characters and quotes would break the header; the rest of Unicode is kept.
  // eslint-disable-next-line no-control-regex
  const unsafe = /[\u0000-\u001f\u007f"]/g;
  const clean = base.replace(unsafe, '').trim().slice(0, 200);
  return clean || 'evidence.pdf';
}
