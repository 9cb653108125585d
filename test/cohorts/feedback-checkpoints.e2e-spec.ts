import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

const BASE = {
  year: 2027,
  targetSize: 80,
  trackMonths: 6,
  applicationOpensAt: '2027-01-15T08:00',
  applicationClosesAt: '2027-03-31T23:59',
  offerResponseDays: 7,
  programmeStartDate: '2027-09-01',
};

const question = (code: string, kind = 'rating') => ({
  code,
  kind,
  required: true,
  title: { vi: `Câu hỏi ${code}`, en: `Question ${code}` },
});
const CHECKPOINTS = [
  {
    code: 'week_2',
    title: { vi: 'Sau hai tuần', en: 'After two weeks' },
    opens: { from: 'start', days: 14 },
    openForDays: 10,
    questions: [question('fit'), question('met', 'yes_no')],
  },
  {
    code: 'closing',
    title: { vi: 'Kết thúc', en: 'Closing' },
    opens: { from: 'end', days: -7 },
    openForDays: 21,
    questions: [question('overall'), { ...question('story', 'text'), required: false }],
  },
];

describe('Feedback checkpoints: a cohort setting staff edit until the programme starts', () => {
  let t: TestApp;
  let staff: SignedIn;
  let reviewer: SignedIn;
  let applicant: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signIn(t, ['staff'], 'staff');
    reviewer = await signIn(t, ['reviewer'], 'reviewer');
    applicant = await signIn(t, ['applicant'], 'applicant');
  });
  afterAll(() => t.close());

  const url = (id: string) => `/api/v1/cohorts/${id}/feedback-checkpoints`;
  const create = async (name: string, extra: object = {}): Promise<string> =>
    (
      await t.http
        .post('/api/v1/cohorts')
        .set('authorization', staff.bearer)
        .send({ ...BASE, name, ...extra })
        .expect(201)
    ).body.id as string;
  const put = (id: string, body: object, who: SignedIn = staff) =>
    t.http.put(url(id)).set('authorization', who.bearer).send(body);
  const stored = async (id: string) =>
    (await t.db.query(`SELECT feedback_checkpoints FROM cohorts WHERE id = $1`, [id]))[0].feedback_checkpoints;
  const audits = (id: string) =>
    t.db.query(`SELECT actor_id, before, after FROM audit_log WHERE entity_id = $1 AND action = $2 ORDER BY id`, [
      id,
      'cohort.feedback_checkpoints_updated',
    ]);

  it('gives a new cohort the checkpoints of config/feedback.json, editable before the programme starts', async () => {
    const id = await create('Checkpoints Defaults');
    const res = await t.http.get(url(id)).set('authorization', staff.bearer).expect(200);
    expect(res.body).toMatchObject({ cohortId: id, trackMonths: 6, programmeStartDate: '2027-09-01', editable: true });
    expect(res.body.checkpoints.map((c: { code: string }) => c.code)).toEqual(['month_1', 'mid', 'end']);
    expect(res.body.checkpoints[0]).toMatchObject({
      title: { vi: 'Sau tháng đầu tiên', en: 'After the first month' },
      opens: { from: 'start', days: 30 },
      openForDays: 30,
    });
  });

  it('replaces the checkpoints, in order, audited with before and after', async () => {
    const id = await create('Checkpoints Edit');
    const res = await put(id, { checkpoints: CHECKPOINTS }).expect(200);
    expect(res.body.checkpoints).toEqual(CHECKPOINTS);
    expect(await stored(id)).toEqual(CHECKPOINTS);
    const [audit] = await audits(id);
    expect(audit.actor_id).toBe(staff.id);
    expect(audit.before.checkpoints.map((c: { code: string }) => c.code)).toEqual(['month_1', 'mid', 'end']);
    expect(audit.after.checkpoints).toEqual(CHECKPOINTS);
  });

  it('refuses impossible checkpoints with 400 problem+json field errors and writes nothing', async () => {
    const id = await create('Checkpoints Bad');
    const before = await stored(id);
    const shapes = await put(id, {
      checkpoints: [
        {
          code: 'Week 2',
          title: { vi: 'Sau hai tuần', en: ' ' },
          opens: { from: 'someday', days: 1.5 },
          openForDays: 0,
          questions: [{ code: 'fit', kind: 'stars', required: 'yes', title: { vi: 'a', en: 'b' } }],
        },
        { ...CHECKPOINTS[1], questions: [] },
      ],
    }).expect(400);
    expect(shapes.headers['content-type']).toMatch(/problem\+json/);
    expect(shapes.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      [
        'checkpoints.0.code',
        'checkpoints.0.title.en',
        'checkpoints.0.opens.from',
        'checkpoints.0.opens.days',
        'checkpoints.0.openForDays',
        'checkpoints.0.questions.0.kind',
        'checkpoints.0.questions.0.required',
        'checkpoints.1.questions',
      ].sort(),
    );
    // Shapes right, rules broken: a code used twice, a question used twice, opening after a 6-month year ends.
    const rules = await put(id, {
      checkpoints: [
        { ...CHECKPOINTS[0], opens: { from: 'start', days: 200 }, questions: [question('fit'), question('fit')] },
        { ...CHECKPOINTS[1], code: 'week_2' },
      ],
    }).expect(400);
    expect(rules.body.code).toBe('invalid_feedback_checkpoints');
    expect(rules.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'checkpoints.0.opens.days',
      'checkpoints.0.questions.1.code',
      'checkpoints.1.code',
    ]);
    await put(id, { checkpoints: [] }).expect(400);
    await put(id, { checkpoints: CHECKPOINTS, extra: true }).expect(400);
    expect(await stored(id)).toEqual(before);
    expect(await audits(id)).toEqual([]);
  });

  it('is for staff only: reviewers and applicants get 403, anonymous 401, and nothing changes', async () => {
    const id = await create('Checkpoints Access');
    const before = await stored(id);
    for (const who of [reviewer, applicant]) {
      await t.http.get(url(id)).set('authorization', who.bearer).expect(403);
      await put(id, { checkpoints: CHECKPOINTS }, who).expect(403);
    }
    await t.http.put(url(id)).send({ checkpoints: CHECKPOINTS }).expect(401);
    expect(await stored(id)).toEqual(before);
    await t.http.get(url('00000000-0000-4000-8000-000000000000')).set('authorization', staff.bearer).expect(404);
  });

  it('locks them once the programme has started (409), and says so', async () => {
    const id = await create('Checkpoints Started');
    await t.db.query(`UPDATE cohorts SET programme_start_date = current_date - 1 WHERE id = $1`, [id]);
    const before = await stored(id);
    expect((await t.http.get(url(id)).set('authorization', staff.bearer).expect(200)).body.editable).toBe(false);
    const res = await put(id, { checkpoints: CHECKPOINTS }).expect(409);
    expect(res.body.code).toBe('feedback_checkpoints_locked');
    expect(await stored(id)).toEqual(before);
  });

  it("copies the source's checkpoints into a cohort copied from it", async () => {
    const id = await create('Checkpoints Source');
    await put(id, { checkpoints: CHECKPOINTS }).expect(200);
    const copy = await t.http
      .post(`/api/v1/cohorts/${id}/copy`)
      .set('authorization', staff.bearer)
      .send({ name: 'Checkpoints Copy' })
      .expect(201);
    const res = await t.http
      .get(url(copy.body.id as string))
      .set('authorization', staff.bearer)
      .expect(200);
    expect(res.body.checkpoints).toEqual(CHECKPOINTS);
    const [audit] = await t.db.query(`SELECT after FROM audit_log WHERE entity_id = $1 AND action = 'cohort.copied'`, [
      copy.body.id,
    ]);
    expect(audit.after.copied.feedbackCheckpoints).toBe(2);
  });
});
