import { Application, ApplicationTransitions } from '@vgbf/applications';
import type { Response } from 'supertest';
import { COMPLETE_SECTIONS, draftApplication } from '../support/applications';
import { openCohort } from '../support/cohorts';
import { pdfText } from '../support/pdf-text';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

const INTERNAL_NOTE = 'Selection 73a70957-1c2d-4e5f-8a9b-0c1d2e3f4a5b confirmed';

/** supertest buffers a binary body when asked to: the PDF's bytes. */
const binary = (res: Response, callback: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe("The applicant's views: cohort names, history in plain words, the PDF", () => {
  let t: TestApp;
  let staff: SignedIn;
  let cohortId: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signIn(t, ['staff'], 'staff');
    cohortId = (await openCohort(t, staff, 'Khóa Đà Nẵng 2027', { closesInDays: 10 })).id;
  });
  afterAll(() => t.close());

  const submitted = async (who: SignedIn): Promise<string> => {
    const id = await draftApplication(t, who, cohortId);
    await t.http.post(`/api/v1/applications/${id}/submit`).set('authorization', who.bearer).expect(200);
    return id;
  };
  const pdf = (who: SignedIn | null, id: string) => {
    const req = t.http.get(`/api/v1/applications/${id}/pdf`).buffer(true).parse(binary);
    return who ? req.set('authorization', who.bearer) : req;
  };

  it('names the cohort on every view of an application: started, listed, read, saved and submitted', async () => {
    const an = await signIn(t, ['applicant'], 'an');
    const started = await t.http
      .post(`/api/v1/cohorts/${cohortId}/applications`)
      .set('authorization', an.bearer)
      .expect(201);
    expect(started.body.cohortName).toBe('Khóa Đà Nẵng 2027');
    const id = started.body.id as string;
    const saved = await t.http
      .patch(`/api/v1/applications/${id}/essays`)
      .set('authorization', an.bearer)
      .send(COMPLETE_SECTIONS.essays)
      .expect(200);
    expect(saved.body.cohortName).toBe('Khóa Đà Nẵng 2027');
    const mine = await t.http.get('/api/v1/applications/mine').set('authorization', an.bearer).expect(200);
    expect(mine.body.map((a: { cohortName: string }) => a.cohortName)).toEqual(['Khóa Đà Nẵng 2027']);
    const read = await t.http.get(`/api/v1/applications/${id}`).set('authorization', staff.bearer).expect(200);
    expect(read.body.cohortName).toBe('Khóa Đà Nẵng 2027');

    const other = await signIn(t, ['applicant'], 'other');
    const otherId = await draftApplication(t, other, cohortId);
    const done = await t.http.post(`/api/v1/applications/${otherId}/submit`).set('authorization', other.bearer);
    expect(done.status).toBe(200);
    expect(done.body.cohortName).toBe('Khóa Đà Nẵng 2027');
  });

  it('shows the applicant each change without internal notes, while staff still read them', async () => {
    const binh = await signIn(t, ['applicant'], 'binh');
    const id = await submitted(binh);
    // A staff-side change with an internal note, as selection writes one (real service, real row).
    await t.db.transaction(async (manager) => {
      const app = await manager.getRepository(Application).findOneByOrFail({ id });
      await t.app.get(ApplicationTransitions).move(manager, app, 'under_review', staff.id, INTERNAL_NOTE);
    });

    const mine = await t.http.get(`/api/v1/applications/${id}/history`).set('authorization', binh.bearer).expect(200);
    expect(mine.body.map((c: { to: string }) => c.to)).toEqual(['submitted', 'under_review']);
    expect(JSON.stringify(mine.body)).not.toContain('73a70957');
    expect(mine.body.every((c: { reason: string | null }) => c.reason === null)).toBe(true);

    const staffView = await t.http.get(`/api/v1/applications/${id}/history`).set('authorization', staff.bearer);
    expect(staffView.body[1]).toMatchObject({ to: 'under_review', reason: INTERNAL_NOTE });

    // The applicant's own words stay theirs to read.
    await t.http
      .post(`/api/v1/applications/${id}/withdraw`)
      .set('authorization', binh.bearer)
      .send({ reason: 'Tôi đã nhận việc khác' })
      .expect(200);
    const after = await t.http.get(`/api/v1/applications/${id}/history`).set('authorization', binh.bearer);
    expect(after.body.map((c: { reason: string | null }) => c.reason)).toEqual([null, null, 'Tôi đã nhận việc khác']);
  });

  it("renders the submitted application as a PDF in the applicant's language, with every section", async () => {
    const chi = await signIn(t, ['applicant'], 'chi');
    await t.http.patch('/api/v1/me').set('authorization', chi.bearer).send({ language: 'vi' }).expect(200);
    const id = await submitted(chi);
    const submittedAt = new Date(
      (await t.http.get(`/api/v1/applications/${id}`).set('authorization', chi.bearer)).body.submittedAt as string,
    );

    const res = await pdf(chi, id).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(res.headers['cache-control']).toContain('no-store');
    const { text, pages } = await pdfText(res.body as Buffer);
    expect(pages).toBeGreaterThanOrEqual(1);
    const vietnamTime = new Date(submittedAt.getTime() + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    for (const words of [
      'Hồ sơ ứng tuyển · Khóa Đà Nẵng 2027',
      'Trạng thái Đã nộp',
      `Nộp lúc ${vietnamTime} (GMT+7) · giờ Việt Nam`,
      'Họ và tên Nguyễn Văn An',
      'Tên doanh nghiệp Công ty Cổ phần Lúa Vàng',
      'Tiếng Anh IELTS 7',
      'Nguyện vọng 1',
      'Đưa gạo Việt ra thế giới.',
      'Trần Thị Mai · mai@example.vn · Mentor',
      'CV cv.pdf',
      'business_registration.pdf',
    ])
      expect(text).toContain(words);

    // Staff read it too, still in the applicant's language.
    const forStaff = await pdf(staff, id).expect(200);
    expect((await pdfText(forStaff.body as Buffer)).text).toContain('Trạng thái Đã nộp');
  });

  it('answers in English for an English speaker', async () => {
    const dan = await signIn(t, ['applicant'], 'dan'); // signIn's users speak English
    const id = await submitted(dan);
    const { text } = await pdfText((await pdf(dan, id).expect(200)).body as Buffer);
    expect(text).toContain('Application · Khóa Đà Nẵng 2027');
    expect(text).toContain('Status Submitted');
    expect(text).toContain('Vietnam time');
  });

  it('is a 404 for everyone but the owner and staff, object by object; a draft has none; anonymous 401', async () => {
    const owner = await signIn(t, ['applicant'], 'owner');
    const id = await submitted(owner);
    for (const roles of [['applicant'], ['reviewer'], ['mentor'], ['fellow']] as const) {
      const stranger = await signIn(t, [...roles], `stranger-${roles[0]}`);
      const res = await pdf(stranger, id);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    await pdf(null, id).expect(401);
    await pdf(owner, '00000000-0000-4000-8000-000000000000').expect(404);
    await pdf(owner, 'not-a-uuid').expect(400);

    const drafter = await signIn(t, ['applicant'], 'drafter');
    const draftId = await draftApplication(t, drafter, cohortId);
    const draft = await pdf(drafter, draftId);
    expect(draft.status).toBe(409);
    expect(JSON.parse((draft.body as Buffer).toString())).toMatchObject({ code: 'application_not_submitted' });
  });
});
