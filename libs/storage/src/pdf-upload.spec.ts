import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { PDFDocument } from 'pdf-lib';
import {
  DocumentTooLargeError,
  EncryptedPdfError,
  NotPdfError,
  PdfUploadCheck,
  startsAsPdf,
  verifyPdf,
} from './pdf-upload';

/** A real one-page PDF (pdf-lib writes it), and variants that must be refused. */
async function pdf({ pages = 1, encrypted = false } = {}): Promise<Buffer> {
  const document = await PDFDocument.create();
  for (let i = 0; i < pages; i++) document.addPage();
  if (encrypted) {
    document.context.trailerInfo.Encrypt = document.context.register(
      document.context.obj({ Filter: 'Standard', V: 1, R: 2, P: -4 }),
    );
  }
  return Buffer.from(await document.save({ addDefaultPage: false, useObjectStreams: false }));
}

let PDF: Buffer;
beforeAll(async () => {
  PDF = await pdf();
});
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
    ['a PDF header', Buffer.from('%PDF-1.7\n'), true],
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
    const chunks: Buffer[] = [...PDF.subarray(0, 6)].map((b): Buffer => Buffer.from([b]));
    chunks.push(PDF.subarray(6));
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
    const limit = PDF.length + 100;
    const exact = Buffer.concat([PDF, Buffer.alloc(100, 32)]);
    expect((await check([exact], limit)).length).toBe(limit);
    await expect(check([exact, Buffer.from('x')], limit)).rejects.toBeInstanceOf(DocumentTooLargeError);
  });

  it('refuses at the end a file that starts like a PDF but does not open as one', async () => {
    await expect(check([Buffer.from('%PDF-')])).rejects.toBeInstanceOf(NotPdfError);
    const html = Buffer.from('%PDF-1.4\n<html><body><script>alert(1)</script></body></html>\n');
    await expect(check([html])).rejects.toBeInstanceOf(NotPdfError);
  });
});

describe(verifyPdf.name, () => {
  it('takes a PDF that opens with a page', async () => {
    expect(await verifyPdf(PDF)).toBeNull();
    expect(await verifyPdf(await pdf({ pages: 3 }))).toBeNull();
  });

  it('refuses a five-byte "%PDF-" and an HTML page starting with it, saying it does not open', async () => {
    for (const bytes of [Buffer.from('%PDF-'), Buffer.from('%PDF-1.4\n<!doctype html><html></html>')]) {
      const refused = await verifyPdf(bytes);
      expect(refused).toBeInstanceOf(NotPdfError);
      expect(refused?.details.errors).toEqual([{ field: 'file', message: expect.stringContaining('that opens') }]);
    }
  });

  it('refuses a PDF without a page', async () => {
    const refused = await verifyPdf(await pdf({ pages: 0 }));
    expect(refused?.details.errors?.[0]?.message).toMatch(/at least one page/);
  });

  it('refuses a password-protected PDF with its own code and message', async () => {
    const refused = await verifyPdf(await pdf({ encrypted: true }));
    expect(refused).toBeInstanceOf(EncryptedPdfError);
    expect(refused?.code).toBe('encrypted_document');
    expect(refused?.details.errors?.[0]?.message).toMatch(/password-protected/);
  });
});
