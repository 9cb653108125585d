import { blindReviewSource } from '@vgbf/applications';
import { COMPLETE_SECTIONS, draftApplication } from '../support/applications';
import { openCohort } from '../support/cohorts';
import { startReviewing, submittedApplications } from '../support/committee';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

describe('Blind review: reviewers never receive who applied', () => {
  let t: TestApp;
  let staff: SignedIn;
  let author: SignedIn;
  let reviewers: SignedIn[];
  let cohortId: string;
  let authorApp: string;
  let identifiers: string[];

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signIn(t, ['staff'], 'staff');
    reviewers = [];
    for (let i = 0; i < 4; i++) reviewers.push(await signIn(t, ['reviewer'], `blind${i}`));
    author = await signIn(t, ['applicant'], 'author');
    cohortId = (await openCohort(t, staff, 'VGBF Blind')).id;
    // An applicant who names themselves everywhere a reviewer reads.
    authorApp = await draftApplication(t, author, cohortId, {
      ...COMPLETE_SECTIONS,
      languages: { ...COMPLETE_SECTIONS.languages, other: 'Tiếng Pháp B2 (Nguyễn Văn An)' } as never,
      essays: {
        motivation:
          `Tôi là Nguyễn Văn An, sáng lập Công ty Cổ phần Lúa Vàng (MST 0101234567). Gọi 0912 345 678 ` +
          `hoặc viết ${author.email}; xem www.luavang.vn. NGUYEN VAN AN cảm ơn anh An.`,
        marketEntryPlan: 'Lua Vang vào Singapore trước, rồi Nhật Bản.',
        ambassador: 'Chị Trần Thị Mai và anh Lê Văn Nam đã giới thiệu tôi.',
      },
    });
    await t.http.post(`/api/v1/applications/${authorApp}/submit`).set('authorization', author.bearer).expect(200);
    await submittedApplications(t, cohortId, 5);
    await startReviewing(t, staff, cohortId);
    await t.http
      .post(`/api/v1/cohorts/${cohortId}/assignments/auto`)
      .set('authorization', staff.bearer)
      .send({})
      .expect(200);
    identifiers = [
      'Nguyễn Văn An',
      'Lúa Vàng',
      '0101234567',
      '0912 345 678',
      '912345678',
      author.email,
      'luavang',
      'Trần Thị Mai',
      'Lê Văn Nam',
    ];
  }, 90_000);
  afterAll(() => t.close());

  const as = (who: SignedIn) => ({
    get: (url: string) => t.http.get(url).set('authorization', who.bearer),
    post: (url: string) => t.http.post(url).set('authorization', who.bearer),
  });
  const assignmentOf = async (reviewer: SignedIn, applicationId: string): Promise<string | undefined> =>
    (
      (await as(reviewer).get('/api/v1/reviews/assignments').expect(200)).body as Array<{
        assignmentId: string;
        applicationId: string;
      }>
    ).find((a) => a.applicationId === applicationId)?.assignmentId;
  const reviewersOf = async (applicationId: string): Promise<SignedIn[]> => {
    const rows = await t.db.query<Array<{ reviewer_id: string }>>(
      `SELECT reviewer_id FROM review_assignments WHERE application_id = $1`,
      [applicationId],
    );
    return reviewers.filter((r) => rows.some((row) => row.reviewer_id === r.id));
  };
  const leaks = (body: unknown): string[] => {
    const text = fold(JSON.stringify(body));
    return identifiers.filter((s) => text.includes(fold(s)));
  };

  it('has no applicant search for reviewers any more', async () => {
    await as(reviewers[0]).get(`/api/v1/reviews/applicants?cohortId=${cohortId}&q=Nguyen`).expect(404);
  });

  it('redacts the essays, languages and the reviewer’s own comment, and never shows the enterprise name', async () => {
    const [reviewer] = await reviewersOf(authorApp);
    const assignmentId = (await assignmentOf(reviewer, authorApp)) as string;
    const { body } = await as(reviewer).get(`/api/v1/reviews/assignments/${assignmentId}`).expect(200);
    expect(leaks(body)).toEqual([]);
    expect(body.redactedMarker).toBe('[redacted]');
    expect(body.essays.motivation).toMatch(/^Tôi là \[redacted\], sáng lập \[redacted\] \(MST \[redacted\]\)/);
    expect(body.essays.ambassador).toBe('Chị [redacted] và anh [redacted] đã giới thiệu tôi.');
    expect(body.languages.other).toBe('Tiếng Pháp B2 ([redacted])');
    expect(body.enterprise).not.toHaveProperty('name');
    expect(body).not.toHaveProperty('documents');

    const rubric = body.rubric.criteria.map((c: { code: string }) => c.code) as string[];
    const saved = await t.http
      .put(`/api/v1/reviews/assignments/${assignmentId}/review`)
      .set('authorization', reviewer.bearer)
      .send({
        scores: Object.fromEntries(rubric.map((c) => [c, 4])),
        comment: 'Anh Nguyễn Văn An có kế hoạch rõ.',
        recommendation: 'yes',
      })
      .expect(200);
    expect(saved.body.comment).toBe('Anh [redacted] có kế hoạch rõ.');
    const again = await as(reviewer).get(`/api/v1/reviews/assignments/${assignmentId}`).expect(200);
    expect(again.body.review.comment).toBe('Anh [redacted] có kế hoạch rõ.');
    // Staff keep what the reviewer wrote.
    const [row] = await t.db.query(`SELECT comment FROM reviews WHERE assignment_id = $1`, [assignmentId]);
    expect(row.comment).toBe('Anh Nguyễn Văn An có kế hoạch rõ.');
  });

  it('lists the reviewer’s assignments by a neutral reference, without an enterprise name', async () => {
    const [reviewer] = await reviewersOf(authorApp);
    const { body } = await as(reviewer).get('/api/v1/reviews/assignments').expect(200);
    expect(leaks(body)).toEqual([]);
    for (const a of body) {
      expect(a.reference).toBe(a.assignmentId.slice(0, 8).toUpperCase());
      expect(a).not.toHaveProperty('enterpriseName');
      // Each preferred hub by its names (the cohort's own, which may be a code no template knows).
      expect(a.hubs.map((h: { code: string }) => h.code)).toEqual(a.hubPreferences);
      for (const hub of a.hubs) expect(hub.name).toEqual(expect.any(String));
    }
  });

  it('lets staff preview what the application’s reviewers read, in the same words', async () => {
    const [reviewer] = await reviewersOf(authorApp);
    const assignmentId = (await assignmentOf(reviewer, authorApp)) as string;
    const blind = (await as(reviewer).get(`/api/v1/reviews/assignments/${assignmentId}`)).body;
    const preview = await as(staff).get(`/api/v1/applications/${authorApp}/blind-preview`).expect(200);
    for (const key of ['applicationId', 'enterprise', 'region', 'languages', 'hubPreferences', 'hubs', 'essays']) {
      expect(preview.body[key]).toEqual(blind[key]);
    }
    await as(reviewer).get(`/api/v1/applications/${authorApp}/blind-preview`).expect(403);
    await as(staff).get('/api/v1/applications/00000000-0000-4000-8000-000000000000/blind-preview').expect(404);
  });

  it('reads the application through the owner’s blind-review reader: identity apart from the content', async () => {
    const source = await blindReviewSource(t.db.manager, authorApp);
    if (!source) throw new Error('the reader found no application');
    const { content, identity } = source;
    expect(Object.keys(content).sort()).toEqual(
      ['applicationId', 'cohortId', 'enterprise', 'essays', 'hubPreferences', 'languages', 'region'].sort(),
    );
    expect(Object.keys(content.enterprise).sort()).toEqual(
      ['employeesBand', 'exportMarkets', 'foundingYear', 'revenueBand', 'sector'].sort(),
    );
    // Only the free text (redacted before a reviewer reads it) can name the applicant; no field of the content does.
    expect(leaks({ ...content, essays: null, languages: null })).toEqual([]);
    expect(identity).toMatchObject({
      fullName: 'Nguyễn Văn An',
      email: author.email,
      taxCode: '0101234567',
      enterpriseName: 'Công ty Cổ phần Lúa Vàng',
    });
    expect(identity.referees?.map((r) => r.name)).toEqual(['Trần Thị Mai', 'Lê Văn Nam']);
    expect(await blindReviewSource(t.db.manager, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('withholds the application’s documents from its reviewers (staff still read them)', async () => {
    const docs = await as(staff).get(`/api/v1/applications/${authorApp}/documents`).expect(200);
    expect(docs.body.length).toBe(2);
    const [reviewer] = await reviewersOf(authorApp);
    await as(reviewer).get(`/api/v1/applications/${authorApp}/documents`).expect(404);
    await as(reviewer).get(`/api/v1/applications/${authorApp}/documents/${docs.body[0].id}`).expect(404);
    await as(reviewer).get(`/api/v1/applications/${authorApp}`).expect(404);
  });

  it('records a declaration the same way whatever it names; a named application just leaves the list', async () => {
    const [reviewer] = await reviewersOf(authorApp);
    const who = reviewer;
    const before = await as(who).get('/api/v1/reviews/assignments').expect(200);
    // A surname sweeps nobody; a stranger matches nobody.
    const surname = await as(who)
      .post('/api/v1/reviews/conflict-declarations')
      .send({ cohortId, names: ['Nguyễn', 'Phạm Không Ai'], reason: 'Họ hàng' })
      .expect(200);
    expect((await as(who).get('/api/v1/reviews/assignments')).body).toEqual(before.body);
    const named = await as(who)
      .post('/api/v1/reviews/conflict-declarations')
      .send({ cohortId, names: ['nguyen van an'], emails: [], reason: 'Bạn học cũ' })
      .expect(200);
    expect(Object.keys(named.body).sort()).toEqual(Object.keys(surname.body).sort());
    expect(named.body).toEqual({
      id: expect.any(String),
      cohortId,
      names: ['nguyen van an'],
      emails: [],
      reason: 'Bạn học cũ',
      createdAt: expect.any(String),
    });
    const after = await as(who).get('/api/v1/reviews/assignments').expect(200);
    expect(after.body.map((a: { applicationId: string }) => a.applicationId)).not.toContain(authorApp);
    expect(after.body).toHaveLength(before.body.length - 1);
    const mine = await as(who).get('/api/v1/reviews/conflict-declarations').expect(200);
    expect(mine.body.map((d: { reason: string }) => d.reason)).toEqual(['Bạn học cũ', 'Họ hàng']);
    expect(leaks(mine.body.filter((d: { reason: string }) => d.reason === 'Họ hàng'))).toEqual([]);

    // Staff see what it matched; the application gets another reviewer.
    const conflicts = await as(staff).get(`/api/v1/cohorts/${cohortId}/conflicts`).expect(200);
    expect(conflicts.body).toEqual([
      expect.objectContaining({
        applicationId: authorApp,
        reviewerId: who.id,
        source: 'declared',
        status: 'confirmed',
        reason: 'Bạn học cũ (named: nguyen van an)',
        applicantName: 'Nguyễn Văn An',
      }),
    ]);
    await as(staff).post(`/api/v1/cohorts/${cohortId}/assignments/auto`).send({}).expect(200);
    const now = await reviewersOf(authorApp);
    expect(now).toHaveLength(3);
    expect(now.map((r) => r.id)).not.toContain(who.id);
  });

  it('applies a declaration to an application that comes into review later, when staff run the detection', async () => {
    const who = reviewers[3];
    await as(who)
      .post('/api/v1/reviews/conflict-declarations')
      .send({ cohortId, names: ['Trương Mỹ Lan'], reason: 'Hàng xóm' })
      .expect(200);
    const [late] = await submittedApplications(t, cohortId, 1);
    await t.db.query(`UPDATE applications SET personal = personal || '{"fullName":"Trương Mỹ Lan"}' WHERE id = $1`, [
      late?.id,
    ]);
    await as(staff).post(`/api/v1/cohorts/${cohortId}/conflicts/detect`).expect(200);
    const [conflict] = await t.db.query(
      `SELECT source, status FROM reviewer_conflicts WHERE application_id = $1 AND reviewer_id = $2`,
      [late?.id, who.id],
    );
    expect(conflict).toEqual({ source: 'declared', status: 'confirmed' });
  });

  it('refuses a bad declaration with field errors and writes nothing', async () => {
    const count = async () => (await t.db.query(`SELECT count(*)::int AS n FROM conflict_declarations`))[0].n as number;
    const before = await count();
    const who = reviewers[1];
    const bad = await as(who)
      .post('/api/v1/reviews/conflict-declarations')
      .send({ cohortId, names: [], emails: ['not an email'], reason: '' })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['emails', 'names', 'reason']);
    await as(who)
      .post('/api/v1/reviews/conflict-declarations')
      .send({ cohortId: '00000000-0000-4000-8000-000000000000', names: ['A B'], reason: 'x' })
      .expect(404);
    await as(staff)
      .post('/api/v1/reviews/conflict-declarations')
      .send({ cohortId, names: ['A B'], reason: 'x' })
      .expect(403);
    expect(await count()).toBe(before);
  });
});
