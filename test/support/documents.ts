import { PDFDocument } from 'pdf-lib';
import { tinyPdf } from '../../apps/api/src/cli/demo/tiny-pdf';
import type { TestApp } from './test-app';
import type { SignedIn } from './users';

/**
 * A small but valid one-page PDF saying `text` (the demo seed's generator, so tests and the demo upload
 * the same kind of file). Different text gives different bytes, to tell uploads apart.
 */
export function minimalPdf(text = 'VGBF test document'): Buffer {
  return tinyPdf([text]);
}

/** Uploads a file as the multipart field `file`, the way the web app does. */
export function uploadDocument(
  t: TestApp,
  who: SignedIn,
  applicationId: string,
  kind: string,
  content: Buffer,
  filename = `${kind}.pdf`,
) {
  return t.http
    .post(`/api/v1/applications/${applicationId}/documents?kind=${kind}`)
    .set('authorization', who.bearer)
    .attach('file', content, { filename, contentType: 'application/pdf' });
}

/** Factory step: uploads a small real PDF of this kind and expects it stored. */
export async function uploadPdf(
  t: TestApp,
  who: SignedIn,
  applicationId: string,
  kind: 'cv' | 'business_registration' | 'other',
): Promise<{ id: string; content: Buffer }> {
  const content = minimalPdf(`${kind} of ${who.email}`);
  const res = await uploadDocument(t, who, applicationId, kind, content).expect(201);
  return { id: res.body.id as string, content };
}

/** Factory step: the two documents every submission needs. */
export async function uploadRequiredDocuments(t: TestApp, who: SignedIn, applicationId: string): Promise<void> {
  await uploadPdf(t, who, applicationId, 'cv');
  await uploadPdf(t, who, applicationId, 'business_registration');
}

/** PDFs that must be refused although they start with "%PDF-" (issue 12), and a file that is only that header. */
export const FAKE_PDFS: Array<[string, Buffer]> = [
  ['the five bytes "%PDF-"', Buffer.from('%PDF-', 'latin1')],
  [
    'an HTML page starting with "%PDF-"',
    Buffer.from('%PDF-1.4\n<!doctype html><html><body><script>alert(1)</script></body></html>\n'),
  ],
];

/** A PDF (written by pdf-lib) that is password-protected, or has no page. */
export async function unusablePdf(kind: 'encrypted' | 'no_pages'): Promise<Buffer> {
  const document = await PDFDocument.create();
  if (kind === 'encrypted') {
    document.addPage();
    document.context.trailerInfo.Encrypt = document.context.register(
      document.context.obj({ Filter: 'Standard', V: 1, R: 2, P: -4 }),
    );
  }
  return Buffer.from(await document.save({ addDefaultPage: false, useObjectStreams: false }));
}
