import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { MAX_IMPORT_BYTES } from './mentor-csv';
import { MentorFileError, MentorFileTooLargeError } from './mentors.errors';

/**
 * The request's one file part, read into memory (at most MAX_IMPORT_BYTES: busboy stops passing
 * bytes one past the limit, so a larger upload is refused without being kept).
 */
export async function receiveCsv(request: FastifyRequest): Promise<{ content: Buffer; filename: string | null }> {
  const missing = (message: string) => new MentorFileError([{ field: 'file', message, code: 'file_required' }]);
  if (!request.isMultipart()) throw missing('Send the CSV as multipart/form-data, in a part named file.');
  let part: MultipartFile | undefined;
  try {
    part = await request.file({ limits: { files: 1, fileSize: MAX_IMPORT_BYTES + 1 }, throwFileSizeLimit: false });
  } catch (error) {
    // Errors of the multipart plugin carry their 4xx status; busboy's own (a malformed body) do not.
    if (typeof (error as { statusCode?: unknown }).statusCode === 'number') throw error;
    throw missing('The multipart body could not be read.');
  }
  if (!part) throw missing('The request has no file.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of part.file as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_IMPORT_BYTES) chunks.push(chunk);
  }
  if (size > MAX_IMPORT_BYTES) throw new MentorFileTooLargeError(MAX_IMPORT_BYTES);
  return { content: Buffer.concat(chunks), filename: part.filename || null };
}
