import { openCohort } from '../support/cohorts';
import { startReviewing, submittedApplications } from '../support/committee';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

const NOTE = 'Gọi điện: giấy chứng nhận thuế sẽ gửi tuần sau (ghi chú nội bộ)';
const TAG = 'theo-doi-noi-bo';

/** Issue 13: staff see an applicant's contact details and keep internal notes and tags on an application. */
describe('Applications: staff contact details, internal notes and tags', () => {
  let t: TestApp;
  let staff: SignedIn;
  let reviewers: SignedIn[];
  let target: { id: string; applicant: SignedIn };
  let other: { id: string; applicant: SignedIn };

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signIn(t, ['staff'], 'staff');
    reviewers = [];
    for (let i = 0; i < 3; i++) reviewers.push(await signIn(t, ['reviewer'], `notes-rev${i}`));
    const cohortId = (await openCohort(t, staff, 'VGBF Notes')).id;
    const apps = await submittedApplications(t, cohortId, 3);
    target = apps[0]!;
    other = apps[1]!;
    await startReviewing(t, staff, cohortId);
    await t.http
      .post(`/api/v1/cohorts/${cohortId}/assignments/auto`)
      .set('authorization', staff.bearer)
      .send({})
      .expect(200);
  }, 90_000);
  afterAll(() => t.close());

  const as = (who: SignedIn) => ({
    get: (url: string) => t.http.get(url).set('authorization', who.bearer),
    post: (url: string, body: object) => t.http.post(url).set('authorization', who.bearer).send(body),
    put: (url: string, body: object) => t.http.put(url).set('authorization', who.bearer).send(body),
  });
  const notesUrl = (id: string) => `/api/v1/applications/${id}/notes`;
  const tagsUrl = (id: string) => `/api/v1/applications/${id}/tags`;
  const panelUrl = (id: string) => `/api/v1/applications/${id}/staff-panel`;
  const counts = async () =>
    (
      await t.db.query(
        `SELECT (SELECT count(*)::int FROM application_notes) AS notes, (SELECT count(*)::int FROM application_tags) AS tags,
                (SELECT count(*)::int FROM audit_log WHERE action LIKE 'application.note%' OR action LIKE 'application.tags%') AS audits`,
      )
    )[0];

  it("shows staff the applicant's email and phone", async () => {
    const res = await as(staff).get(panelUrl(target.id)).expect(200);
    expect(res.body.contact).toMatchObject({ email: target.applicant.email, phone: '+84912345678' });
    expect(res.body).toMatchObject({ notes: [], tags: [] });
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const before = await counts();
    const empty = await as(staff).post(notesUrl(target.id), { body: ' \u200B ' }).expect(400);
    expect(empty.body.errors).toEqual([
      { field: 'body', message: 'body is required', code: 'validation.is_visible_name', params: {} },
    ]);
    await as(staff)
      .post(notesUrl(target.id), { body: 'x'.repeat(2001) })
      .expect(400);
    await as(staff).post(notesUrl(target.id), {}).expect(400);
    const badTag = await as(staff)
      .put(tagsUrl(target.id), { tags: ['ok', 'has space'] })
      .expect(400);
    expect(badTag.body.errors[0].field).toMatch(/^tags/);
    await as(staff)
      .put(tagsUrl(target.id), { tags: Array.from({ length: 11 }, (_, i) => `t${i}`) })
      .expect(400);
    await as(staff).put(tagsUrl(target.id), { tags: 'urgent' }).expect(400);
    await as(staff).post(notesUrl('00000000-0000-4000-8000-000000000000'), { body: 'Ghost' }).expect(404);
    expect(await counts()).toEqual(before);
  });

  it('lets only staff read or write them: applicants (even the owner) and reviewers are refused', async () => {
    const before = await counts();
    for (const who of [target.applicant, reviewers[0]]) {
      await as(who).get(panelUrl(target.id)).expect(403);
      await as(who).post(notesUrl(target.id), { body: 'Mine' }).expect(403);
      await as(who)
        .put(tagsUrl(target.id), { tags: ['mine'] })
        .expect(403);
    }
    expect(await counts()).toEqual(before);
  });

  it('keeps a note with its author and time, and the tag set, on that application only, audited', async () => {
    const res = await as(staff).post(notesUrl(target.id), { body: NOTE }).expect(201);
    expect(res.body).toMatchObject({ body: NOTE, authorId: staff.id });
    expect(Math.abs(new Date(res.body.createdAt as string).getTime() - Date.now())).toBeLessThan(60_000);
    const tags = await as(staff)
      .put(tagsUrl(target.id), { tags: [TAG, ' Ưu-Tiên ', TAG] })
      .expect(200);
    expect(tags.body.tags).toEqual(['theo-doi-noi-bo', 'ưu-tiên']);

    const panel = (await as(staff).get(panelUrl(target.id)).expect(200)).body;
    expect(panel.notes).toEqual([
      expect.objectContaining({ id: res.body.id, body: NOTE, authorName: expect.any(String) }),
    ]);
    expect(panel.tags).toEqual(['theo-doi-noi-bo', 'ưu-tiên']);
    expect((await as(staff).get(panelUrl(other.id)).expect(200)).body).toMatchObject({ notes: [], tags: [] });

    const audits = await t.db.query(
      `SELECT action, actor_id, before, after FROM audit_log WHERE entity_id = $1 AND action IN ('application.note_added', 'application.tags_set') ORDER BY id`,
      [target.id],
    );
    expect(audits).toEqual([
      expect.objectContaining({ action: 'application.note_added', actor_id: staff.id, after: { noteId: res.body.id } }),
      expect.objectContaining({
        action: 'application.tags_set',
        before: { tags: [] },
        after: { tags: ['theo-doi-noi-bo', 'ưu-tiên'] },
      }),
    ]);
    // The audit row names the note; its text stays in the staff-only table.
    expect(JSON.stringify(audits)).not.toContain('Gọi điện');

    await as(staff)
      .put(tagsUrl(target.id), { tags: ['ưu-tiên'] })
      .expect(200);
    expect((await as(staff).get(panelUrl(target.id)).expect(200)).body.tags).toEqual(['ưu-tiên']);
  });

  it('never shows notes or tags to the applicant or to a reviewer, in any of their answers', async () => {
    await as(staff)
      .put(tagsUrl(target.id), { tags: [TAG] })
      .expect(200);
    const applicantAnswers = [
      await as(target.applicant).get(`/api/v1/applications/${target.id}`).expect(200),
      await as(target.applicant).get('/api/v1/applications/mine').expect(200),
      await as(target.applicant).get(`/api/v1/applications/${target.id}/history`).expect(200),
    ];
    const list = (await as(reviewers[0]).get('/api/v1/reviews/assignments').expect(200)).body as Array<{
      assignmentId: string;
      applicationId: string;
    }>;
    const assignment = list.find((a) => a.applicationId === target.id);
    expect(assignment).toBeDefined();
    const reviewerAnswers = [
      { body: list },
      await as(reviewers[0]).get(`/api/v1/reviews/assignments/${assignment!.assignmentId}`).expect(200),
    ];
    for (const answer of [...applicantAnswers, ...reviewerAnswers]) {
      const text = JSON.stringify(answer.body);
      expect(text).not.toContain('Gọi điện');
      expect(text).not.toContain(TAG);
    }
  });
});
