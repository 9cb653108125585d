import type { Multipart } from '@fastify/multipart';
import { DomainError } from '@vgbf/core';
import type { FastifyRequest } from 'fastify';
import { MAX_PDF_BYTES } from './pdf-upload';

/** No file part named `file` in the request: a 400 on the `file` field. */
export class FileRequiredError extends DomainError {
  constructor(message = 'file is required: send it as multipart/form-data in a field named file') {
    super('file_required', 'invalid', 'The request carries no file.', { errors: [{ field: 'file', message }] });
  }
}

/** A part the upload does not take (a file not named `file`, a second file, a field after the file, an unknown field). */
export class UnexpectedPartError extends DomainError {
  constructor(part: string, why: string) {
    const message = `${why}: send one PDF in a field named file${part === 'file' ? '' : ` (got "${part}")`}`;
    super('unexpected_part', 'invalid', 'The request carries a part the upload does not take.', {
      errors: [{ field: part === 'file' ? 'file' : part, message }],
    });
  }
}

/** One PDF arriving in a multipart request, still streaming, with the text fields sent before it. */
export interface PdfUploadRequest {
  filename: string;
  stream: NodeJS.ReadableStream;
  fields: Record<string, string>;
  /**
   * Reads what follows the file once it has been consumed: resolves when nothing does, rejects with
   * UnexpectedPartError when another part follows (storePdf then removes what it stored).
   */
  end: () => Promise<void>;
}

const drain = (part: Multipart): void => {
  if (part.type === 'file') part.file.resume();
};

/**
 * The one way an upload is read from a multipart request: text fields named in `fields` may come
 * first, then exactly one file in a part named `file`, and nothing after it. Anything else — a file
 * under another name, a second file, an unknown field — is a 400 naming the part, before or (for a
 * part after the file) instead of keeping the file.
 */
export async function receivePdfUpload(
  request: FastifyRequest,
  {
    maxBytes = MAX_PDF_BYTES,
    fields = [],
    fieldSize = 1024,
  }: { maxBytes?: number; fields?: string[]; fieldSize?: number } = {},
): Promise<PdfUploadRequest> {
  if (!request.isMultipart()) throw new FileRequiredError();
  // files: 2, so a second file is seen (and refused) rather than silently dropped by the parser.
  // One field more than taken, so a stray one is seen and named.
  const options = {
    limits: { files: 2, fileSize: maxBytes + 1, fields: fields.length + 1, fieldSize, parts: fields.length + 3 },
    // Read by the plugin (as for request.file()) though its types for parts() omit it: the PDF check
    // answers an oversized file with its own 413.
    throwFileSizeLimit: false,
  };
  const parts = request.parts(options);
  const next = async (): Promise<Multipart | undefined> => {
    try {
      const result = await parts.next();
      return result.done ? undefined : result.value;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
        throw new UnexpectedPartError('file', 'the request has more parts than the upload takes');
      }
      // Errors of the multipart plugin carry their 4xx status; busboy's own (a malformed body) do not.
      if (typeof (error as { statusCode?: unknown }).statusCode === 'number') throw error;
      throw new FileRequiredError('the multipart body could not be read');
    }
  };
  const values: Record<string, string> = {};
  for (let part = await next(); part; part = await next()) {
    if (part.type === 'field') {
      if (!fields.includes(part.fieldname) || part.fieldname in values) {
        throw new UnexpectedPartError(part.fieldname, `"${part.fieldname}" is not a field this upload takes`);
      }
      values[part.fieldname] = String(part.value);
      continue;
    }
    if (part.fieldname !== 'file') {
      drain(part);
      throw new UnexpectedPartError(part.fieldname, `the file must be sent in a field named file`);
    }
    return {
      filename: part.filename,
      stream: part.file,
      fields: values,
      end: async () => {
        const extra = await next();
        if (!extra) return;
        drain(extra);
        throw new UnexpectedPartError(
          extra.type === 'file' ? 'file' : extra.fieldname,
          extra.type === 'file' ? 'only one file is taken' : `"${extra.fieldname}" must come before the file`,
        );
      },
    };
  }
  throw new FileRequiredError();
}
