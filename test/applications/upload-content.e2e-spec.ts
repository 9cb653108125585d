import { readdir } from 'node:fs/promises';
import { draftApplication } from '../support/applications';
import { openCohort } from '../support/cohorts';
import { FAKE_PDFS, minimalPdf, unusablePdf, uploadDocument } from '../support/documents';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

/** Issue 12: a CV is a PDF that opens with a page, sent alone in the part named `file`. */
describe('Application documents: what an upload must be', () => {
  let t: TestApp;
  let applicant: SignedIn;
  let appId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const staff = await signIn(t, ['staff'], 'staff');
    applicant = await signIn(t, ['applicant'], 'an');
    const cohortId = (await openCohort(t, staff, 'VGBF Uploads', { closesInDays: 7 })).id;
    appId = await draftApplication(t, applicant, cohortId, undefined, { documents: false });
  });
  afterAll(() => t.close());

  const post = () =>
    t.http.post(`/api/v1/applications/${appId}/documents?kind=cv`).set('authorization', applicant.bearer);
  /** Rows and files: both must stay empty after a refused upload. */
  const kept = async () => ({
    rows: (
      await t.db.query(`SELECT count(*)::int AS n FROM application_documents WHERE application_id = $1`, [appId])
    )[0].n as number,
    files: await readdir(`${t.env.STORAGE_DIR}/objects/applications/${appId}`).catch(() => []),
    partial: await readdir(`${t.env.STORAGE_DIR}/tmp`).catch(() => []),
  });
  const nothing = { rows: 0, files: [], partial: [] };

  it.each(FAKE_PDFS)('refuses %s: 400 invalid_document on file, nothing kept', async (_label, content) => {
    const res = await uploadDocument(t, applicant, appId, 'cv', content).expect(400);
    expect(res.body).toMatchObject({
      code: 'invalid_document',
      errors: [{ field: 'file', message: expect.stringMatching(/PDF document/) }],
    });
    expect(await kept()).toEqual(nothing);
  });

  it('refuses a password-protected PDF with its own code and message', async () => {
    const res = await uploadDocument(t, applicant, appId, 'cv', await unusablePdf('encrypted')).expect(400);
    expect(res.body).toMatchObject({
      code: 'encrypted_document',
      errors: [{ field: 'file', message: expect.stringContaining('password-protected') }],
    });
    expect(await kept()).toEqual(nothing);
  });

  it('refuses a PDF without a page', async () => {
    const res = await uploadDocument(t, applicant, appId, 'cv', await unusablePdf('no_pages')).expect(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        field: 'file',
        message: expect.stringContaining('at least one page'),
        code: 'invalid_document',
      }),
    ]);
    expect(await kept()).toEqual(nothing);
  });

  it('refuses a file sent in a part not named file, naming the part', async () => {
    const res = await post()
      .attach('document', minimalPdf(), { filename: 'cv.pdf', contentType: 'application/pdf' })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'unexpected_part', errors: [{ field: 'document' }] });
    expect(await kept()).toEqual(nothing);
  });

  it('refuses a second file instead of silently dropping it, keeping neither', async () => {
    const res = await post()
      .attach('file', minimalPdf('one'), { filename: 'one.pdf', contentType: 'application/pdf' })
      .attach('file', minimalPdf('two'), { filename: 'two.pdf', contentType: 'application/pdf' })
      .expect(400);
    expect(res.body).toMatchObject({
      code: 'unexpected_part',
      errors: [{ field: 'file', message: expect.stringContaining('only one file') }],
    });
    expect(await kept()).toEqual(nothing);
  });

  it('refuses a stray field, and takes a real PDF sent alone', async () => {
    const stray = await post()
      .field('note', 'hello')
      .attach('file', minimalPdf(), { filename: 'cv.pdf', contentType: 'application/pdf' })
      .expect(400);
    expect(stray.body).toMatchObject({ code: 'unexpected_part', errors: [{ field: 'note' }] });
    expect(await kept()).toEqual(nothing);
    await uploadDocument(t, applicant, appId, 'cv', minimalPdf('Sơ yếu lý lịch')).expect(201);
    expect((await kept()).rows).toBe(1);
  });
});
