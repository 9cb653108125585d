/* eslint-disable @typescript-eslint/no-explicit-any -- supertest bodies */
import { readdir } from 'node:fs/promises';
import type { Test } from 'supertest';
import { FAKE_PDFS, minimalPdf } from '../support/documents';
import { type TestFellow, createMentor, logInFellow, pairUp } from '../support/programme';
import { logIn } from '../support/selection';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';
import { at, auditRows, milestonesClock, programmeCohort } from './milestone-setup';

const binary = (res: any, done: (error: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('Milestone evidence and its review', () => {
  let t: TestApp;
  let staff: SignedIn;
  let cohortId: string;
  let fellow: TestFellow;
  let other: TestFellow;
  let me: SignedIn;
  let mentor: SignedIn;
  let clock: jest.SpyInstance<Date, []>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    // One clock for the whole app: sessions are opened (and expire) in the test's time too.
    clock = milestonesClock(t);
    clock.mockReturnValue(at('2027-09-20T10:00'));
    let fellows: TestFellow[];
    ({ staff, cohortId, fellows } = await programmeCohort(t, '2027-09-01', [{ fullName: 'Phạm Thị Hoa' }, {}]));
    [fellow, other] = fellows;
    mentor = await createMentor(t, { fullName: 'Kenji Sato' });
    await pairUp(t, cohortId, fellow.id, mentor.id);
    await t.http
      .post(`/api/v1/cohorts/${cohortId}/milestones/timelines`)
      .set('authorization', staff.bearer)
      .expect(201);
    me = await logInFellow(t, fellow);
    const rows = await t.db.query<Array<{ id: string; code: string }>>(
      `SELECT id, code FROM milestones WHERE fellow_id = $1`,
      [fellow.id],
    );
    for (const r of rows) ids[r.code] = r.id;
  });
  afterAll(async () => {
    clock.mockRestore();
    await t.close();
  });

  const submit = (who: SignedIn, code: string, body: Record<string, unknown>) =>
    t.http.post(`/api/v1/milestones/${ids[code]}/submissions`).set('authorization', who.bearer).send(body);
  const review = (who: SignedIn, code: string, body: Record<string, unknown>) =>
    t.http.post(`/api/v1/milestones/${ids[code]}/reviews`).set('authorization', who.bearer).send(body);
  const state = async (code: string): Promise<string> =>
    (await t.db.query(`SELECT state FROM milestones WHERE id = $1`, [ids[code]]))[0].state;
  const emails = (template: string, to: string): Promise<Array<{ data: Record<string, string> }>> =>
    t.db.query(
      `SELECT payload->'data' AS data FROM outbox WHERE payload->>'template' = $1 AND payload->>'to' = $2 ORDER BY id`,
      [template, to],
    );
  const queue = async (who: SignedIn): Promise<Array<{ code: string; side: string }>> =>
    (
      await t.http
        .get(`/api/v1/milestones/review-queue?cohortId=${cohortId}`)
        .set('authorization', who.bearer)
        .expect(200)
    ).body;

  it('evidence: submit → changes requested → resubmit with a PDF → approve, each audited and emailed', async () => {
    const first = await submit(me, 'market_immersion_plan', { text: 'Distributors in Osaka and Nagoya.' }).expect(201);
    expect(first.body).toMatchObject({
      state: 'submitted',
      status: 'submitted',
      latestSubmission: { version: 1, text: 'Distributors in Osaka and Nagoya.', link: null, file: null },
    });
    expect(await emails('milestone-submitted', mentor.email)).toEqual([
      {
        data: expect.objectContaining({ fellowName: 'Phạm Thị Hoa', milestone: 'Market immersion plan', version: '1' }),
      },
    ]);
    expect(await queue(mentor)).toEqual([expect.objectContaining({ code: 'market_immersion_plan', side: 'mentor' })]);
    // Submitted already: not again until a reviewer decides.
    expect((await submit(me, 'market_immersion_plan', { text: 'again' }).expect(409)).body.code).toBe(
      'milestone_state',
    );

    const asked = await review(mentor, 'market_immersion_plan', {
      decision: 'changes_requested',
      comment: 'Add when you will meet each distributor.',
    }).expect(200);
    expect(asked.body).toMatchObject({
      state: 'changes_requested',
      reviews: [
        { decision: 'changes_requested', comment: 'Add when you will meet each distributor.', reviewerRole: 'mentor' },
      ],
    });
    expect(await emails('milestone-changes-requested', fellow.email)).toEqual([
      { data: expect.objectContaining({ comment: 'Add when you will meet each distributor.', version: '1' }) },
    ]);

    const pdf = minimalPdf('Market immersion plan, version 2');
    const second = await t.http
      .post(`/api/v1/milestones/${ids.market_immersion_plan}/submissions`)
      .set('authorization', me.bearer)
      .field('text', 'Meetings scheduled for October.')
      .attach('file', pdf, { filename: 'immersion-plan.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(second.body).toMatchObject({
      state: 'submitted',
      latestSubmission: {
        version: 2,
        text: 'Meetings scheduled for October.',
        file: { filename: 'immersion-plan.pdf', sizeBytes: pdf.length },
      },
      reviews: [],
    });

    const approved = await review(mentor, 'market_immersion_plan', { decision: 'approved' }).expect(200);
    expect(approved.body).toMatchObject({ state: 'approved', status: 'approved', approvedAt: expect.any(String) });
    expect(await emails('milestone-approved', fellow.email)).toHaveLength(1);
    expect(await queue(mentor)).toEqual([]);

    const audit = await t.db.query(
      `SELECT action, after->>'state' AS state, after->>'version' AS version FROM audit_log
        WHERE entity_type = 'milestone' AND entity_id = $1 ORDER BY id`,
      [ids.market_immersion_plan],
    );
    expect(audit).toEqual([
      { action: 'milestone.submitted', state: 'submitted', version: '1' },
      { action: 'milestone.changes_requested', state: 'changes_requested', version: '1' },
      { action: 'milestone.submitted', state: 'submitted', version: '2' },
      { action: 'milestone.approved', state: 'approved', version: '2' },
    ]);

    // The file: the fellow, their mentor and staff download it; another mentor gets a 404.
    const fileUrl = `/api/v1/milestones/${ids.market_immersion_plan}/submissions/${second.body.latestSubmission.id}/file`;
    for (const who of [me, mentor, staff]) {
      const res = await t.http.get(fileUrl).set('authorization', who.bearer).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(Buffer.compare(res.body as Buffer, pdf)).toBe(0);
    }
    const stranger = await createMentor(t, {}, 'stranger');
    await t.http.get(fileUrl).set('authorization', stranger.bearer).expect(404);
    const otherFellow = await logInFellow(t, other);
    await t.http.get(fileUrl).set('authorization', otherFellow.bearer).expect(404);

    // Approved is final: no more submissions.
    await submit(me, 'market_immersion_plan', { text: 'v3' }).expect(409);
  });

  it('a fellow can never approve their own milestone, even holding the staff role', async () => {
    await submit(me, 'first_partner_meetings', { link: 'https://example.com/meeting-notes' }).expect(201);
    // As a fellow only: the route is for reviewers.
    await review(me, 'first_partner_meetings', { decision: 'approved' }).expect(403);
    await t.db.query(`UPDATE users SET roles = array_append(roles, 'staff') WHERE id = $1`, [fellow.userId]);
    const meAsStaff = await logIn(t, fellow.email);
    const res = await review(meAsStaff, 'first_partner_meetings', { decision: 'approved' }).expect(403);
    expect(res.body.code).toBe('own_milestone');
    await t.http
      .post(`/api/v1/milestones/${ids.first_partner_meetings}/waive`)
      .set('authorization', meAsStaff.bearer)
      .send({ reason: 'Mine' })
      .expect(403);
    expect((await queue(meAsStaff)).map((q) => q.code)).not.toContain('first_partner_meetings');
    await t.db.query(`UPDATE users SET roles = array_remove(roles, 'staff') WHERE id = $1`, [fellow.userId]);
    expect(await state('first_partner_meetings')).toBe('submitted');
    expect(await auditRows(t, 'milestone.approved', ids.first_partner_meetings)).toEqual([]);
    // Staff are not reviewers of a mentor-only milestone.
    expect((await review(staff, 'first_partner_meetings', { decision: 'approved' }).expect(403)).body.code).toBe(
      'not_milestone_reviewer',
    );
  });

  it('a "both" milestone is approved only when mentor and staff approve the same version', async () => {
    await submit(me, 'mid_term_review', { text: 'Half-way: two partners in talks.' }).expect(201);
    expect((await queue(mentor)).map((q) => q.code)).toContain('mid_term_review');
    expect((await queue(staff)).map((q) => q.code)).toEqual(['mid_term_review']);

    const half = await review(mentor, 'mid_term_review', { decision: 'approved', comment: 'Good progress' }).expect(
      200,
    );
    expect(half.body.state).toBe('submitted');
    expect(await auditRows(t, 'milestone.partially_approved', ids.mid_term_review)).toHaveLength(1);
    expect((await queue(mentor)).map((q) => q.code)).not.toContain('mid_term_review');
    expect((await queue(staff)).map((q) => q.code)).toEqual(['mid_term_review']);
    expect((await review(mentor, 'mid_term_review', { decision: 'approved' }).expect(409)).body.code).toBe(
      'already_reviewed',
    );

    // Staff ask for changes: back to the fellow; the resubmission needs both sides again.
    await review(staff, 'mid_term_review', { decision: 'changes_requested', comment: 'Attach the budget.' }).expect(
      200,
    );
    expect(await state('mid_term_review')).toBe('changes_requested');
    await submit(me, 'mid_term_review', { text: 'Half-way, with the budget.' }).expect(201);
    await review(staff, 'mid_term_review', { decision: 'approved' }).expect(200);
    expect(await state('mid_term_review')).toBe('submitted');
    const done = await review(mentor, 'mid_term_review', { decision: 'approved' }).expect(200);
    expect(done.body).toMatchObject({
      state: 'approved',
      latestSubmission: { version: 2 },
      reviews: [
        { reviewerRole: 'staff', decision: 'approved' },
        { reviewerRole: 'mentor', decision: 'approved' },
      ],
    });
    expect(await auditRows(t, 'milestone.approved', ids.mid_term_review)).toHaveLength(1);
  });

  it('someone who is both the fellow’s mentor and staff gives one sign-off of a "both" milestone, not two', async () => {
    const dual = await createMentor(t, { fullName: 'Lê Văn Đôi' }, 'dual');
    await t.db.query(`UPDATE users SET roles = '{mentor,staff}' WHERE id = $1`, [dual.id]);
    await pairUp(t, cohortId, other.id, dual.id);
    const [mid] = await t.db.query(`SELECT id FROM milestones WHERE fellow_id = $1 AND code = 'mid_term_review'`, [
      other.id,
    ]);
    const theirs = await logInFellow(t, other);
    await t.http
      .post(`/api/v1/milestones/${mid.id}/submissions`)
      .set('authorization', theirs.bearer)
      .send({ text: 'Half-way.' })
      .expect(201);
    const decide = () =>
      t.http
        .post(`/api/v1/milestones/${mid.id}/reviews`)
        .set('authorization', dual.bearer)
        .send({ decision: 'approved' });
    expect((await decide().expect(200)).body.state).toBe('submitted');
    expect((await decide().expect(409)).body.code).toBe('already_reviewed');
    const [row] = await t.db.query(`SELECT state FROM milestones WHERE id = $1`, [mid.id]);
    expect(row.state).toBe('submitted');
    expect(await t.db.query(`SELECT 1 FROM milestone_reviews WHERE milestone_id = $1`, [mid.id])).toHaveLength(1);
  });

  it('staff waive a milestone with a reason; audited; it then takes no evidence', async () => {
    const url = `/api/v1/milestones/${ids.arrival_onboarding}/waive`;
    const empty = await t.http.post(url).set('authorization', staff.bearer).send({ reason: '  ' }).expect(400);
    expect(empty.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    const res = await t.http
      .post(url)
      .set('authorization', staff.bearer)
      .send({ reason: 'Arrived before the programme; onboarded by the hub' })
      .expect(200);
    expect(res.body).toMatchObject({
      state: 'waived',
      status: 'waived',
      waivedReason: expect.stringMatching(/Arrived/),
    });
    const [audit] = await auditRows(t, 'milestone.waived', ids.arrival_onboarding);
    expect(audit).toMatchObject({ actor_id: staff.id, reason: 'Arrived before the programme; onboarded by the hub' });
    await t.http.post(url).set('authorization', staff.bearer).send({ reason: 'again' }).expect(409);
    await submit(me, 'arrival_onboarding', { text: 'Here now' }).expect(409);
  });

  it('refuses a file that is not a PDF, storing nothing', async () => {
    const res = await t.http
      .post(`/api/v1/milestones/${ids.partner_mou}/submissions`)
      .set('authorization', me.bearer)
      .attach('file', Buffer.from('PK\u0003\u0004 a zip pretending'), {
        filename: 'mou.pdf',
        contentType: 'application/pdf',
      })
      .expect(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body).toMatchObject({ code: 'invalid_document', errors: [{ field: 'file' }] });
    expect(await state('partner_mou')).toBe('open');
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM milestone_submissions WHERE milestone_id = $1`,
      [ids.partner_mou],
    );
    expect(count).toBe(0);
    const stored = await readdir(`${t.env.STORAGE_DIR}/milestones/${ids.partner_mou}`).catch(() => []);
    expect(stored).toEqual([]);
  });

  it.each([
    ...FAKE_PDFS.map(([label, content]): [string, (r: Test) => Test, string] => [
      label,
      (r) => r.attach('file', content, { filename: 'mou.pdf', contentType: 'application/pdf' }),
      'invalid_document',
    ]),
    [
      'a file in a part not named file',
      (r) => r.attach('evidence', minimalPdf('mou'), { filename: 'mou.pdf', contentType: 'application/pdf' }),
      'unexpected_part',
    ],
    [
      'a second file',
      (r) =>
        r
          .attach('file', minimalPdf('mou'), { filename: 'mou.pdf', contentType: 'application/pdf' })
          .attach('file', minimalPdf('annex'), { filename: 'annex.pdf', contentType: 'application/pdf' }),
      'unexpected_part',
    ],
  ])('refuses %s as evidence (issue 12): 400 %s, nothing submitted or stored', async (_label, send, code) => {
    const res = await send(
      t.http.post(`/api/v1/milestones/${ids.partner_mou}/submissions`).set('authorization', me.bearer),
    ).expect(400);
    expect(res.body.code).toBe(code);
    expect(await state('partner_mou')).toBe('open');
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM milestone_submissions WHERE milestone_id = $1`,
      [ids.partner_mou],
    );
    expect(count).toBe(0);
    expect(await readdir(`${t.env.STORAGE_DIR}/objects/milestones/${ids.partner_mou}`).catch(() => [])).toEqual([]);
  });

  describe('bad input: 400 problem+json with field errors, nothing written', () => {
    const counts = async (): Promise<unknown> =>
      (
        await t.db.query(
          `SELECT (SELECT count(*) FROM milestone_submissions)::int AS submissions,
                  (SELECT count(*) FROM milestone_reviews)::int AS reviews,
                  (SELECT count(*) FROM audit_log)::int AS audit,
                  (SELECT count(*) FROM outbox)::int AS outbox,
                  (SELECT string_agg(state, ',' ORDER BY code) FROM milestones WHERE fellow_id = $1) AS states`,
          [fellow.id],
        )
      )[0];

    it.each([
      ['no evidence at all', 'esg_practice_report', {}, 'evidence'],
      ['a kind the milestone does not take', 'final_presentation', { text: 'Slides soon' }, 'text'],
      ['a link that is not http(s)', 'final_presentation', { link: 'ftp://example.com/slides' }, 'link'],
      ['text over 5,000 characters', 'esg_practice_report', { text: 'x'.repeat(5001) }, 'text'],
      ['an unknown field', 'final_presentation', { link: 'https://example.com', score: 5 }, 'score'],
    ])('submission with %s', async (_name, code, body, field) => {
      const before = await counts();
      const res = await t.http
        .post(`/api/v1/milestones/${ids[code]}/submissions`)
        .set('authorization', me.bearer)
        .send(body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['an unknown decision', { decision: 'maybe' }, 'decision'],
      ['changes asked without a comment', { decision: 'changes_requested' }, 'comment'],
      ['changes asked with a blank comment', { decision: 'changes_requested', comment: '   ' }, 'comment'],
    ])('review with %s', async (_name, body, field) => {
      const before = await counts();
      const res = await review(mentor, 'first_partner_meetings', body).expect(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('a multipart submission with a bad link field', async () => {
      const before = await counts();
      const res = await t.http
        .post(`/api/v1/milestones/${ids.final_presentation}/submissions`)
        .set('authorization', me.bearer)
        .field('link', 'javascript:alert(1)')
        .attach('file', minimalPdf('slides'), { filename: 'slides.pdf', contentType: 'application/pdf' })
        .expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['link']);
      expect(await counts()).toEqual(before);
    });
  });

  it("another fellow's milestone is a 404 to submit to, and a mentor cannot review another's fellow", async () => {
    const otherFellow = await logInFellow(t, other);
    await submit(otherFellow, 'final_presentation', { link: 'https://example.com' }).expect(404);
    const stranger = await signIn(t, ['mentor'], 'another-mentor');
    await review(stranger, 'first_partner_meetings', { decision: 'approved' }).expect(404);
  });
});
