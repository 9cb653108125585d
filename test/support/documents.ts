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
