import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { DocumentTooLargeError, NotPdfError, PdfUploadCheck, startsAsPdf } from './pdf-upload';

const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n', 'latin1');
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200, 0)]);

/** Runs chunks through the check; the bytes that came out, or the error. */
async function check(chunks: Buffer[], max?: number): Promise<Buffer> {
  const out = new PdfUploadCheck(max);
  const collected = buffer(out);
  await pipeline(Readable.from(chunks), out).catch(() => undefined);
  return collected;
}

describe(startsAsPdf.name, () => {
  it.each([
    ['a PDF header', PDF, true],
    ['a Windows executable (MZ)', EXE, false],
    ['a PNG', Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), false],
    ['the header later in the file', Buffer.from(' %PDF-1.4'), false],
    ['a lower-case header', Buffer.from('%pdf-1.4'), false],
    ['only part of the header', Buffer.from('%PDF'), false],
    ['nothing', Buffer.alloc(0), false],
  ])('%s → %s', (_label, bytes, expected) => {
    expect(startsAsPdf(bytes)).toBe(expected);
  });
});

describe(PdfUploadCheck.name, () => {
  it('passes a PDF through unchanged, even when its header arrives a byte at a time', async () => {
    const chunks = [...PDF.subarray(0, 6)].map((b) => Buffer.from([b])).concat(PDF.subarray(6));
    expect(await check(chunks)).toEqual(PDF);
  });

  it('refuses a renamed executable before passing on any of it', async () => {
    await expect(check([EXE])).rejects.toBeInstanceOf(NotPdfError);
    const out = new PdfUploadCheck();
    const seen: Buffer[] = [];
    out.on('data', (c: Buffer) => seen.push(c));
    await expect(pipeline(Readable.from([EXE.subarray(0, 2), EXE.subarray(2)]), out)).rejects.toBeInstanceOf(
      NotPdfError,
    );
    expect(seen).toEqual([]);
  });

  it('refuses a file shorter than the header, and an empty one', async () => {
    await expect(check([Buffer.from('%PD')])).rejects.toBeInstanceOf(NotPdfError);
    await expect(check([])).rejects.toBeInstanceOf(NotPdfError);
  });

  it('accepts exactly the limit and refuses one byte more', async () => {
    const exact = Buffer.concat([PDF, Buffer.alloc(100 - PDF.length, 32)]);
    expect((await check([exact], 100)).length).toBe(100);
    await expect(check([exact, Buffer.from('x')], 100)).rejects.toBeInstanceOf(DocumentTooLargeError);
  });
});
