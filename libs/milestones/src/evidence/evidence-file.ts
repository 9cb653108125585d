import { MAX_PDF_BYTES } from '@vgbf/storage';

/** The largest evidence file: the same 10 MiB as application documents. */
export const MAX_EVIDENCE_BYTES = MAX_PDF_BYTES;
