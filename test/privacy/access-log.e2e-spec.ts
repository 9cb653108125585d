import { COMPLETE_SECTIONS, draftApplication } from '../support/applications';
import { openCohort } from '../support/cohorts';
import { startReviewing, submittedApplications } from '../support/committee';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

interface AccessBody {
  actorUserId: string;
  actorName: string | null;
  subjectUserId: string;
  subjectName: string | null;
  resource: string;
  resourceId: string;
}

/**
 * The access log (issue 17): a reviewer opening a blind application, staff opening a full application
 * or downloading a document each leave a line under the applicant — the reviewer learns nothing more
 * for it; the applicant's own reading does not count. Staff and admins read the log; the applicant sees
 * which kind of person looked, not who.
 */
describe('Access log', () => {
  let t: TestApp;
  let staff: SignedIn;
  let author: SignedIn;
  let reviewers: SignedIn[];
  let cohortId: string;
  let authorApp: string;

  const as = (who: SignedIn) => ({
    get: (url: string) => t.http.get(url).set('authorization', who.bearer),
  });
  const logOf = async (subjectUserId: string): Promise<AccessBody[]> =>
    (await as(staff).get(`/api/v1/privacy/access-log?subjectUserId=${subjectUserId}&pageSize=100`).expect(200)).body
      .items;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signIn(t, ['staff'], 'staff');
    reviewers = [];
    for (let i = 0; i < 3; i++) reviewers.push(await signIn(t, ['reviewer'], `access${i}`));
    author = await signIn(t, ['applicant'], 'author');
    cohortId = (await openCohort(t, staff, `VGBF Access ${Math.random().toString(36).slice(2, 6)}`)).id;
    authorApp = await draftApplication(t, author, cohortId, COMPLETE_SECTIONS);
    await t.http.post(`/api/v1/applications/${authorApp}/submit`).set('authorization', author.bearer).expect(200);
    await submittedApplications(t, cohortId, 3);
    await startReviewing(t, staff, cohortId);
    await t.http
      .post(`/api/v1/cohorts/${cohortId}/assignments/auto`)
      .set('authorization', staff.bearer)
      .send({})
      .expect(200);
  }, 90_000);
  afterAll(() => t.close());

  it("the applicant's own reading leaves no line", async () => {
    await as(author).get(`/api/v1/applications/${authorApp}`).expect(200);
    expect(await logOf(author.id)).toEqual([]);
  });

  it('a reviewer opening the blind application is logged under the applicant, and is told nothing new', async () => {
    const [{ reviewer_id: reviewerId, id: assignmentId }] = await t.db.query<
      Array<{ reviewer_id: string; id: string }>
    >(`SELECT reviewer_id, id FROM review_assignments WHERE application_id = $1 LIMIT 1`, [authorApp]);
    const reviewer = reviewers.find((r) => r.id === reviewerId)!;
    const first = await as(reviewer).get(`/api/v1/reviews/assignments/${assignmentId}`).expect(200);
    const second = await as(reviewer).get(`/api/v1/reviews/assignments/${assignmentId}`).expect(200);
    // The same blind view each time, with nothing that names or points at the applicant.
    expect(second.body).toEqual(first.body);
    const text = JSON.stringify(first.body);
    for (const secret of [author.id, author.email, COMPLETE_SECTIONS.personal.fullName])
      expect(text).not.toContain(secret);

    const log = await logOf(author.id);
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({
      actorUserId: reviewer.id,
      subjectUserId: author.id,
      resource: 'application',
      resourceId: authorApp,
    });
  });

  it('staff opening the full application and downloading a document are logged', async () => {
    await as(staff).get(`/api/v1/applications/${authorApp}`).expect(200);
    const documents = (await as(staff).get(`/api/v1/applications/${authorApp}/documents`).expect(200)).body as Array<{
      id: string;
    }>;
    await as(staff).get(`/api/v1/applications/${authorApp}/documents/${documents[0].id}`).expect(200);
    const log = await logOf(author.id);
    expect(log.slice(0, 2)).toEqual([
      expect.objectContaining({ actorUserId: staff.id, resource: 'document', resourceId: documents[0].id }),
      expect.objectContaining({ actorUserId: staff.id, actorName: 'Test staff', resource: 'application' }),
    ]);
    // Filtered by a person's name (diacritics and case ignored) as well as by id.
    const byName = await as(staff).get(`/api/v1/privacy/access-log?subject=TEST AUTHOR`).expect(200);
    expect(byName.body.items).toHaveLength(log.length);
  });

  it('shows the applicant which kind of person looked, never who', async () => {
    const mine = await as(author).get('/api/v1/privacy/access-log/mine').expect(200);
    expect(mine.body.items.map((i: { by: string; resource: string }) => `${i.by}:${i.resource}`)).toEqual([
      'staff:document',
      'staff:application',
      'reviewer:application',
      'reviewer:application',
    ]);
    const text = JSON.stringify(mine.body);
    for (const r of [...reviewers, staff]) expect(text).not.toContain(r.id);
    // A reviewer's own page lists what others opened of theirs: nothing.
    expect((await as(reviewers[0]).get('/api/v1/privacy/access-log/mine').expect(200)).body.items).toEqual([]);
  });

  it.each([
    ['subjectUserId=nobody', 'subjectUserId'],
    ['pageSize=1000', 'pageSize'],
    [`subject=${'x'.repeat(101)}`, 'subject'],
  ])('refuses the filter %s with a 400 naming the field', async (query, field) => {
    const res = await as(staff).get(`/api/v1/privacy/access-log?${query}`).expect(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    await as(author).get('/api/v1/privacy/access-log/mine?page=0').expect(400);
  });

  it('is for staff and admins only; anyone signed in reads their own; nobody signed in gets 401', async () => {
    await as(await signIn(t, ['admin'], 'admin'))
      .get('/api/v1/privacy/access-log')
      .expect(200);
    for (const who of [
      author,
      reviewers[0],
      await signIn(t, ['mentor'], 'mentor'),
      await signIn(t, ['fellow'], 'fellow'),
    ])
      await as(who).get(`/api/v1/privacy/access-log?subjectUserId=${author.id}`).expect(403);
    await t.http.get('/api/v1/privacy/access-log').expect(401);
    await t.http.get('/api/v1/privacy/access-log/mine').expect(401);
  });
});
