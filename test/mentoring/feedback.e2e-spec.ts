import { type TestApp, createTestApp } from '../support/test-app';
import { type Pairs, mentoringPairs } from './mentoring-setup';

describe('Mentoring feedback at checkpoints', () => {
  let t: TestApp;
  let p: Pairs;
  const answers = async (): Promise<number> =>
    Number((await t.db.query<Array<{ n: string }>>(`SELECT count(*) AS n FROM feedback_answers`))[0]?.n);

  beforeAll(async () => {
    t = await createTestApp();
    // Started 45 days ago: month_1 (start + 30 days, for 30 days) is open, mid and end are ahead.
    p = await mentoringPairs(t, 2, 45);
  }, 60_000);
  afterAll(() => t.close());

  const feedback = (who: { bearer: string }, pairing = p.pairings[0]) => `/api/v1/mentoring/pairs/${pairing}/feedback`;
  const get = (who: { bearer: string }, pairing?: string) =>
    t.http.get(feedback(who, pairing)).set('authorization', who.bearer);
  const put = (who: { bearer: string }, checkpoint: string, body: object, pairing?: string) =>
    t.http
      .put(`${feedback(who, pairing)}/${checkpoint}`)
      .set('authorization', who.bearer)
      .send(body);

  it('shows each side the checkpoints of the year with their state and form', async () => {
    const res = await get(p.fellowSessions[0]).expect(200);
    expect(res.body.authorRole).toBe('fellow');
    expect(res.body.checkpoints.map((c: { code: string; state: string }) => [c.code, c.state])).toEqual([
      ['month_1', 'open'],
      ['mid', 'upcoming'],
      ['end', 'upcoming'],
    ]);
    expect(res.body.checkpoints[0].questions.map((q: { code: string }) => q.code)).toContain('usefulness');
    expect(res.body.checkpoints[0]).toMatchObject({ myAnswers: null, title: { en: 'After the first month' } });
  });

  it('refuses answers that do not fit the form (400, field errors, nothing written)', async () => {
    const res = await put(p.fellowSessions[0], 'month_1', {
      answers: { usefulness: 7, responsive: 'sometimes', mood: 'ok' },
    }).expect(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'answers.usefulness',
      'answers.responsive',
      'answers.mood',
    ]);
    const missing = await put(p.fellowSessions[0], 'month_1', { answers: {} }).expect(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'answers.usefulness',
      'answers.responsive',
    ]);
    const notObject = await put(p.fellowSessions[0], 'month_1', { answers: 'great' }).expect(400);
    expect(notObject.body.errors[0].field).toBe('answers');
    expect(await answers()).toBe(0);
  });

  it('takes each side’s answers once, while the checkpoint is open', async () => {
    const given = await put(p.fellowSessions[0], 'month_1', {
      answers: { usefulness: 5, responsive: true, change: 'FELLOW-SECRET more site visits' },
    }).expect(200);
    expect(given.body.checkpoints[0]).toMatchObject({
      state: 'answered',
      myAnswers: { usefulness: 5, responsive: true, change: 'FELLOW-SECRET more site visits' },
    });
    const again = await put(p.fellowSessions[0], 'month_1', { answers: { usefulness: 1, responsive: false } });
    expect([again.status, again.body.code]).toEqual([409, 'feedback_already_given']);
    const early = await put(p.fellowSessions[0], 'mid', { answers: { usefulness: 1, responsive: false } });
    expect([early.status, early.body.code]).toEqual([409, 'feedback_not_open']);
    await put(p.fellowSessions[0], 'final_party', { answers: {} }).expect(404);
    await put(p.mentors[0], 'month_1', {
      answers: { usefulness: 3, responsive: false, change: 'MENTOR-SECRET answer my emails' },
    }).expect(200);
    expect(await answers()).toBe(2);
  });

  it('never shows one side the other side’s answers', async () => {
    const mentorJson = JSON.stringify((await get(p.mentors[0]).expect(200)).body);
    const fellowJson = JSON.stringify((await get(p.fellowSessions[0]).expect(200)).body);
    expect(mentorJson).toContain('MENTOR-SECRET');
    expect(mentorJson).not.toContain('FELLOW-SECRET');
    expect(fellowJson).toContain('FELLOW-SECRET');
    expect(fellowJson).not.toContain('MENTOR-SECRET');
  });

  it('is another pair’s business: a 404 for a mentor or fellow of another pair', async () => {
    await get(p.mentors[1]).expect(404);
    await get(p.fellowSessions[1]).expect(404);
    await put(p.mentors[1], 'month_1', { answers: { usefulness: 1, responsive: false } }).expect(404);
    expect(await answers()).toBe(2);
  });

  it('shows staff both sides in the pair’s activity', async () => {
    const res = await t.http
      .get(`/api/v1/mentoring/pairs/${p.pairings[0]}/activity`)
      .set('authorization', p.staff.bearer)
      .expect(200);
    expect(
      res.body.feedback.map((f: { authorRole: string; checkpoint: string; answers: { change: string } }) => [
        f.checkpoint,
        f.authorRole,
        f.answers.change.split(' ')[0],
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['month_1', 'fellow', 'FELLOW-SECRET'],
        ['month_1', 'mentor', 'MENTOR-SECRET'],
      ]),
    );
  });

  it("follows the pair's cohort's own checkpoints: one staff added is shown and judged on its own form", async () => {
    // Set up in the database: the programme has started, so the API (rightly) no longer edits them.
    const week6 = {
      code: 'week_6',
      title: { vi: 'Tuần thứ sáu', en: 'Week six' },
      opens: { from: 'start', days: 40 },
      openForDays: 10,
      questions: [{ code: 'energy', kind: 'rating', required: true, title: { vi: 'Năng lượng', en: 'Energy' } }],
    };
    await t.db.query(`UPDATE cohorts SET feedback_checkpoints = feedback_checkpoints || $2::jsonb WHERE id = $1`, [
      p.cohortId,
      JSON.stringify([week6]),
    ]);
    const fellow = p.fellowSessions[1];
    const pairing = p.pairings[1];
    const res = await get(fellow, pairing).expect(200);
    expect(res.body.checkpoints.map((c: { code: string; state: string }) => [c.code, c.state])).toEqual([
      ['month_1', 'open'],
      ['mid', 'upcoming'],
      ['end', 'upcoming'],
      ['week_6', 'open'],
    ]);
    const wrong = await put(fellow, 'week_6', { answers: { usefulness: 5 } }, pairing).expect(400);
    expect(wrong.body.errors.map((e: { field: string }) => e.field)).toEqual(['answers.energy', 'answers.usefulness']);
    const given = await put(fellow, 'week_6', { answers: { energy: 4 } }, pairing).expect(200);
    expect(given.body.checkpoints[3]).toMatchObject({ code: 'week_6', state: 'answered', myAnswers: { energy: 4 } });
  });
});
