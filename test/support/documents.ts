import type { TestApp } from './test-app';
import type { SignedIn } from './users';

/**
 * A small but valid one-page PDF saying `text`, built in memory with a correct cross-reference
 * table (any PDF reader opens it). Different text gives different bytes, to tell uploads apart.
 */
export function minimalPdf(text = 'VGBF test document'): Buffer {
  const content = `BT /F1 18 Tf 72 720 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
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
