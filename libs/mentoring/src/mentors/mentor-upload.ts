import type { Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { MAX_IMPORT_BYTES } from './mentor-csv';
import { MentorFileError, MentorFileTooLargeError } from './mentors.errors';

const refuse = (message: string, code: string) => new MentorFileError([{ field: 'file', message, code }]);

/**
 * The request's one file part, in a part named `file`, read into memory (at most MAX_IMPORT_BYTES:
 * busboy stops passing bytes one past the limit, so a larger upload is refused without being kept).
 * Anything else — a second file, a file under another name, a field — is refused rather than
 * silently dropped: staff who chose two files must not believe both were imported.
 */
export async function receiveCsv(request: FastifyRequest): Promise<{ content: Buffer; filename: string | null }> {
  if (!request.isMultipart()) {
    throw refuse('Send the CSV as multipart/form-data, in a part named file.', 'file_required');
  }
  // files: 2 and one field, so a second file or a stray field is seen (and refused) instead of dropped.
  const parts = request.parts({
    limits: { files: 2, fields: 1, parts: 3, fileSize: MAX_IMPORT_BYTES + 1 },
    throwFileSizeLimit: false,
  } as Parameters<FastifyRequest['parts']>[0]);
  const next = async (): Promise<Multipart | undefined> => {
    try {
      const result = await parts.next();
      return result.done ? undefined : result.value;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
        throw refuse('Send one CSV file, and nothing else.', 'unexpected_part');
      }
      // Errors of the multipart plugin carry their 4xx status; busboy's own (a malformed body) do not.
      if (typeof (error as { statusCode?: unknown }).statusCode === 'number') throw error;
      throw refuse('The multipart body could not be read.', 'file_required');
    }
  };
  const part = await next();
  if (!part) throw refuse('The request has no file.', 'file_required');
  if (part.type !== 'file' || part.fieldname !== 'file') {
    if (part.type === 'file') part.file.resume();
    throw refuse('Send the CSV in a part named file, and nothing else.', 'unexpected_part');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of part.file as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_IMPORT_BYTES) chunks.push(chunk);
  }
  if (size > MAX_IMPORT_BYTES) throw new MentorFileTooLargeError(MAX_IMPORT_BYTES);
  const extra = await next();
  if (extra) {
    if (extra.type === 'file') extra.file.resume();
    throw refuse('Send one CSV file at a time: the import reads exactly one.', 'unexpected_part');
  }
  return { content: Buffer.concat(chunks), filename: part.filename || null };
}
