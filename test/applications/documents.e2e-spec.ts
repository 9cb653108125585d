import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { COMPLETE_SECTIONS, draftApplication } from '../support/applications';
import { openCohort } from '../support/cohorts';
import { minimalPdf, uploadDocument, uploadPdf } from '../support/documents';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

const MiB = 1024 * 1024;
/** The first bytes of a Windows executable, then padding: what a renamed .exe looks like. */
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), Buffer.alloc(4096, 0)]);

/** Collects a binary response body as a Buffer. */
const binary = (res: Response, done: (error: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** Polls a condition every 50 ms for up to 10 s (a busy machine may take a while); fails the test if it never holds. */
async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    if (condition()) return;
  }
  throw new Error(`condition not met within ${timeoutMs} ms: ${condition.toString()}`);
}

describe('Application documents', () => {
  let t: TestApp;
  let staff: SignedIn;
  let owner: SignedIn;
  let other: SignedIn;
  let cohortId: string;
  let appId: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signIn(t, ['staff'], 'staff');
    owner = await signIn(t, ['applicant'], 'owner');
    other = await signIn(t, ['applicant'], 'other');
    cohortId = (await openCohort(t, staff, 'VGBF Documents', { closesInDays: 10 })).id;
    appId = await draftApplication(t, owner, cohortId, { personal: COMPLETE_SECTIONS.personal }, { documents: false });
  });
  afterAll(() => t.close());

  /** Every file in this app's storage directory (stored objects and uploads in progress). */
  const filesOnDisk = (): string[] => {
    const root = t.env.STORAGE_DIR;
    if (!existsSync(root)) return [];
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
  };
  const rows = async (id = appId): Promise<Array<Record<string, unknown>>> =>
    t.db.query(`SELECT * FROM application_documents WHERE application_id = $1 ORDER BY created_at`, [id]);
  const list = (who: SignedIn, id = appId) =>
    t.http.get(`/api/v1/applications/${id}/documents`).set('authorization', who.bearer);
  const download = (who: SignedIn, documentId: string, id = appId) =>
    t.http
      .get(`/api/v1/applications/${id}/documents/${documentId}`)
      .set('authorization', who.bearer)
      .buffer(true)
      .parse(binary);
  const remove = (who: SignedIn, documentId: string, id = appId) =>
    t.http.delete(`/api/v1/applications/${id}/documents/${documentId}`).set('authorization', who.bearer);

  it('stores an uploaded PDF and gives back the same bytes, named as uploaded', async () => {
    const pdf = minimalPdf('Sơ yếu lý lịch');
    const filename = 'CV Nguyễn Văn An (2027).pdf';
    const res = await uploadDocument(t, owner, appId, 'cv', pdf, filename).expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      kind: 'cv',
      filename,
      size: pdf.length,
      uploadedAt: expect.any(String),
    });
    const [row] = await rows();
    expect(row).toMatchObject({
      kind: 'cv',
      size_bytes: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      uploaded_by: owner.id,
    });
    expect(filesOnDisk()).toHaveLength(1);

    const file = await download(owner, res.body.id).expect(200);
    expect(Buffer.compare(file.body as Buffer, pdf)).toBe(0);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-length']).toBe(String(pdf.length));
    expect(file.headers['cache-control']).toBe('private, no-store');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="CV Nguyen Van An (2027).pdf"; filename*=UTF-8''${encodeURIComponent(filename).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );

    const view = await t.http.get(`/api/v1/applications/${appId}`).set('authorization', owner.bearer).expect(200);
    expect(view.body.documents).toEqual([res.body]);
    expect(view.body.missing).toContain('documents.businessRegistration');
    expect(view.body.missing).not.toContain('documents.cv');
  });

  it('replaces the CV with a new upload and removes the old file from storage', async () => {
    const [before] = await rows();
    const newer = await uploadPdf(t, owner, appId, 'cv');
    const after = await rows();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: newer.id, kind: 'cv' });
    const files = filesOnDisk();
    expect(files).toHaveLength(1);
    expect(files[0]).toContain(after[0]?.storage_key as string);
    expect(files[0]).not.toContain(before?.storage_key as string);
    const file = await download(owner, newer.id).expect(200);
    expect(Buffer.compare(file.body as Buffer, newer.content)).toBe(0);
    await download(owner, before?.id as string).expect(404);

    const audit = await t.db.query(
      `SELECT action, before->>'documentId' AS before, after->>'documentId' AS after FROM audit_log
       WHERE entity_type = 'application' AND entity_id = $1 ORDER BY created_at, id`,
      [appId],
    );
    expect(audit).toEqual([
      { action: 'application.document_uploaded', before: null, after: before?.id },
      { action: 'application.document_uploaded', before: before?.id, after: newer.id },
    ]);
  });

  it('refuses a renamed .exe with a 400 field error, whatever its name and declared type, and keeps nothing', async () => {
    const beforeRows = await rows();
    const beforeFiles = filesOnDisk();
    const res = await uploadDocument(t, owner, appId, 'business_registration', EXE, 'giay-phep.pdf').expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'invalid_document' });
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'file', message: 'file must be a PDF document', code: 'invalid_document' }),
    ]);
    expect(await rows()).toEqual(beforeRows);
    expect(filesOnDisk()).toEqual(beforeFiles);
  });

  it('refuses a file over 10 MB with a 413 and keeps nothing; exactly 10 MB is accepted', async () => {
    const beforeRows = await rows();
    const beforeFiles = filesOnDisk();
    const tooLarge = Buffer.concat([minimalPdf(), Buffer.alloc(10 * MiB + 1 - minimalPdf().length, 0x20)]);
    const res = await uploadDocument(t, owner, appId, 'other', tooLarge).expect(413);
    expect(res.body).toMatchObject({ status: 413, code: 'document_too_large', maxBytes: 10 * MiB });
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        field: 'file',
        message: 'file must be at most 10 MB',
        code: 'document_too_large',
        params: expect.objectContaining({ maxMegabytes: 10 }),
      }),
    ]);
    expect(await rows()).toEqual(beforeRows);
    expect(filesOnDisk()).toEqual(beforeFiles);

    const exact = await uploadDocument(t, owner, appId, 'other', tooLarge.subarray(0, 10 * MiB)).expect(201);
    expect(exact.body.size).toBe(10 * MiB);
    await remove(owner, exact.body.id).expect(204);
  });

  it('refuses a request without a file, or not multipart, with a 400 naming the file field', async () => {
    // A part the upload does not take is named as such (issue 12), not passed over.
    const noFile = await t.http
      .post(`/api/v1/applications/${appId}/documents?kind=cv`)
      .set('authorization', owner.bearer)
      .field('note', 'no file here')
      .expect(400);
    expect(noFile.body).toMatchObject({ code: 'unexpected_part', errors: [{ field: 'note' }] });
    const json = await t.http
      .post(`/api/v1/applications/${appId}/documents?kind=cv`)
      .set('authorization', owner.bearer)
      .send({ file: 'JVBERi0=' })
      .expect(400);
    expect(json.body.errors).toEqual([expect.objectContaining({ field: 'file', code: expect.any(String) })]);
    const badKind = await uploadDocument(t, owner, appId, 'passport', minimalPdf()).expect(400);
    expect(badKind.body.errors).toEqual([expect.objectContaining({ field: 'kind', code: 'validation.is_in' })]);
  });

  it('takes up to 5 other documents, then answers 409', async () => {
    const others = [];
    for (let i = 0; i < 5; i++) others.push(await uploadPdf(t, owner, appId, 'other'));
    const files = filesOnDisk().length;
    const res = await uploadDocument(t, owner, appId, 'other', minimalPdf()).expect(409);
    expect(res.body).toMatchObject({ code: 'too_many_documents', max: 5 });
    expect(filesOnDisk()).toHaveLength(files);
    for (const doc of others.slice(1)) await remove(owner, doc.id).expect(204);
  });

  it('lets the owner delete a document: gone from the list, the table and the disk', async () => {
    const doc = await uploadPdf(t, owner, appId, 'business_registration');
    const files = filesOnDisk().length;
    await remove(owner, doc.id).expect(204);
    expect((await list(owner).expect(200)).body.map((d: { id: string }) => d.id)).not.toContain(doc.id);
    expect((await rows()).map((r) => r.id)).not.toContain(doc.id);
    expect(filesOnDisk()).toHaveLength(files - 1);
    await remove(owner, doc.id).expect(404);
  });

  it('keeps everyone but the owner and staff out: 404 to read, 404 or 403 to change', async () => {
    const [cv] = await rows();
    const docId = cv?.id as string;
    const mentor = await signIn(t, ['mentor'], 'mentor');
    // Reviewers read only applications assigned to them, which do not exist yet: for now, none.
    const reviewer = await signIn(t, ['reviewer'], 'reviewer');
    for (const who of [other, mentor, reviewer]) {
      await list(who).expect(404);
      await download(who, docId).expect(404);
    }
    await uploadDocument(t, other, appId, 'cv', minimalPdf('hijack')).expect(404);
    await remove(other, docId).expect(404);
    for (const who of [mentor, reviewer, staff]) {
      await uploadDocument(t, who, appId, 'cv', minimalPdf('hijack')).expect(403);
      await remove(who, docId).expect(403);
    }
    expect((await rows()).map((r) => r.id)).toContain(docId);

    const listed = await list(staff).expect(200);
    expect(listed.body.map((d: { id: string }) => d.id)).toContain(docId);
    const file = await download(staff, docId).expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(
      createHash('sha256')
        .update(file.body as Buffer)
        .digest('hex'),
    ).toBe(cv?.sha256);
    // A document id under another application is not found there.
    const othersApp = await draftApplication(t, other, cohortId, {}, { documents: false });
    await download(other, docId, othersApp).expect(404);
    await remove(other, docId, othersApp).expect(404);
  });

  it('refuses a large renamed .exe on its first bytes, answering without waiting for the rest to be stored', async () => {
    const files = filesOnDisk();
    const bigExe = Buffer.concat([EXE, Buffer.alloc(12 * MiB, 0x41)]);
    const res = await uploadDocument(t, owner, appId, 'other', bigExe, 'setup.pdf').expect(400);
    expect(res.body.code).toBe('invalid_document');
    expect(filesOnDisk()).toEqual(files);
  });

  it('leaves nothing behind when the client goes away mid-upload', async () => {
    const files = filesOnDisk();
    const rowCount = (await rows()).length;
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const boundary = 'vgbf-abort-boundary';
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: `/api/v1/applications/${appId}/documents?kind=other`,
      headers: {
        authorization: owner.bearer,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(5 * MiB),
      },
    });
    req.on('error', () => undefined);
    req.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    req.write(Buffer.concat([minimalPdf(), Buffer.alloc(MiB, 0x20)]));
    // Let the server start storing it (however busy the machine is), then drop the connection
    // (dropped whatever happens: an open upload would keep the app from closing).
    try {
      await until(() => filesOnDisk().filter((f) => f.endsWith('.part')).length === 1);
    } finally {
      req.destroy();
    }
    await until(() => filesOnDisk().length === files.length);
    expect(filesOnDisk()).toEqual(files);
    expect(await rows()).toHaveLength(rowCount);
    // And the server still takes the next upload.
    await uploadPdf(t, owner, appId, 'other');
  });

  it('refuses a submit without the two documents with 422 listing them', async () => {
    const chi = await signIn(t, ['applicant'], 'chi');
    const id = await draftApplication(t, chi, cohortId, COMPLETE_SECTIONS, { documents: false });
    await uploadPdf(t, chi, id, 'other');
    const res = await t.http.post(`/api/v1/applications/${id}/submit`).set('authorization', chi.bearer).expect(422);
    expect(res.body.code).toBe('application_incomplete');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'documents.cv',
      'documents.businessRegistration',
    ]);
    await uploadPdf(t, chi, id, 'cv');
    const still = await t.http.post(`/api/v1/applications/${id}/submit`).set('authorization', chi.bearer).expect(422);
    expect(still.body.errors.map((e: { field: string }) => e.field)).toEqual(['documents.businessRegistration']);
  });

  it('refuses uploads and deletes after submit (409 like the sections), and after the deadline', async () => {
    const dung = await signIn(t, ['applicant'], 'dung');
    const id = await draftApplication(t, dung, cohortId);
    const [cv] = await rows(id);
    await t.http.post(`/api/v1/applications/${id}/submit`).set('authorization', dung.bearer).expect(200);
    const files = filesOnDisk().length;
    const upload = await uploadDocument(t, dung, id, 'other', minimalPdf()).expect(409);
    expect(upload.body.code).toBe('application_not_editable');
    expect((await remove(dung, cv?.id as string, id).expect(409)).body.code).toBe('application_not_editable');
    expect(filesOnDisk()).toHaveLength(files);
    // Still readable by the owner and staff once submitted.
    await download(dung, cv?.id as string, id).expect(200);
    await download(staff, cv?.id as string, id).expect(200);

    await t.db.query(`UPDATE cohorts SET application_closes_at = now() - interval '1 second' WHERE id = $1`, [
      cohortId,
    ]);
    const late = await uploadDocument(t, owner, appId, 'cv', minimalPdf()).expect(409);
    expect(late.body.code).toBe('deadline_passed');
    expect(late.body.detail).toMatch(/\(GMT\+7\)/);
    const [ownersCv] = await rows();
    expect((await remove(owner, ownersCv?.id as string).expect(409)).body.code).toBe('deadline_passed');
    expect(filesOnDisk()).toHaveLength(files);
  });

  it('documents the upload as multipart/form-data and the download as a PDF in OpenAPI', async () => {
    const { body } = await t.http.get('/api/docs-json').expect(200);
    const upload = body.paths['/api/v1/applications/{id}/documents'].post;
    expect(upload.requestBody.content['multipart/form-data'].schema).toMatchObject({
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    });
    expect(upload.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'kind', in: 'query', required: true })]),
    );
    expect(Object.keys(upload.responses).sort()).toEqual(['201', '400', '409', '413']);
    const download = body.paths['/api/v1/applications/{id}/documents/{documentId}'].get;
    expect(Object.keys(download.responses['200'].content)).toEqual(['application/pdf']);
  });
});
