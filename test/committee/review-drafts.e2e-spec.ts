import { openCohort } from '../support/cohorts';
import { startReviewing, submittedApplications } from '../support/committee';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

const ALL = {
  global_management: 4,
  international_legal: 3,
  intercultural_negotiation: 5,
  esg_mindset: 4,
  business_potential: 2,
  hub_fit: 3,
};

interface Mine {
  assignmentId: string;
  applicationId: string;
  cohortId: string;
  cohortName: string;
  reviewed: boolean;
  drafted: boolean;
  reviewDeadline: string | null;
  roundOpen: boolean;
}

describe('Reviewer: rounds by cohort, drafts that count nowhere, a deadline that clears', () => {
  let t: TestApp;
  let staff: SignedIn;
  let reviewer: SignedIn;
  let openId: string;
  let closedId: string;

  const as = (who: SignedIn) => ({
    get: (url: string) => t.http.get(url).set('authorization', who.bearer),
    put: (url: string) => t.http.put(url).set('authorization', who.bearer),
    patch: (url: string) => t.http.patch(url).set('authorization', who.bearer),
    post: (url: string) => t.http.post(url).set('authorization', who.bearer),
  });
  const mine = async (): Promise<Mine[]> =>
    (await as(reviewer).get('/api/v1/reviews/assignments').expect(200)).body as Mine[];
  const review = (assignmentId: string) => as(reviewer).put(`/api/v1/reviews/assignments/${assignmentId}/review`);
  const board = async (cohortId: string) =>
    (await as(staff).get(`/api/v1/cohorts/${cohortId}/ranking?pageSize=100`).expect(200)).body.items as Array<{
      applicationId: string;
      rawScore: number | null;
      reviewsDone: number;
    }>;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signIn(t, ['staff'], 'staff');
    reviewer = await signIn(t, ['reviewer'], 'drafter');
    openId = (await openCohort(t, staff, 'VGBF Drafts Open')).id;
    closedId = (await openCohort(t, staff, 'VGBF Drafts Closed')).id;
    for (const cohortId of [openId, closedId]) {
      await submittedApplications(t, cohortId, 2);
      await startReviewing(t, staff, cohortId);
      await as(staff)
        .patch(`/api/v1/cohorts/${cohortId}/review-round`)
        .send({ reviewersPerApplication: 1 })
        .expect(200);
      await as(staff).post(`/api/v1/cohorts/${cohortId}/assignments/auto`).send({}).expect(200);
    }
    await as(staff)
      .patch(`/api/v1/cohorts/${openId}/review-round`)
      .send({ reviewDeadline: '2099-05-31T23:59' })
      .expect(200);
    await as(staff)
      .patch(`/api/v1/cohorts/${closedId}/review-round`)
      .send({ reviewDeadline: '2020-01-31T17:00' })
      .expect(200);
  }, 90_000);
  afterAll(() => t.close());

  it('gives each assignment its cohort’s name, its own round’s deadline and whether that round is open', async () => {
    const list = await mine();
    expect(list).toHaveLength(4);
    const open = list.filter((a) => a.cohortId === openId);
    const closed = list.filter((a) => a.cohortId === closedId);
    expect(open.map((a) => [a.cohortName, a.roundOpen, a.reviewDeadline])).toEqual([
      ['VGBF Drafts Open', true, '2099-05-31T16:59:00.000Z'],
      ['VGBF Drafts Open', true, '2099-05-31T16:59:00.000Z'],
    ]);
    expect(closed.map((a) => [a.cohortName, a.roundOpen, a.reviewDeadline])).toEqual([
      ['VGBF Drafts Closed', false, '2020-01-31T10:00:00.000Z'],
      ['VGBF Drafts Closed', false, '2020-01-31T10:00:00.000Z'],
    ]);
    // Open rounds first, so the work to do is on top.
    expect(list.slice(0, 2).every((a) => a.roundOpen)).toBe(true);

    const closedOne = closed[0];
    const view = await as(reviewer).get(`/api/v1/reviews/assignments/${closedOne.assignmentId}`).expect(200);
    expect(view.body.editable).toBe(false);
    const refused = await review(closedOne.assignmentId)
      .send({ status: 'draft', scores: { hub_fit: 3 } })
      .expect(409);
    expect(refused.body.code).toBe('review_closed');
    expect(await t.db.query(`SELECT 1 FROM review_drafts WHERE assignment_id = $1`, [closedOne.assignmentId])).toEqual(
      [],
    );
  });

  it('saves partial scores as a draft that the board does not count, then finishes it', async () => {
    const [first] = (await mine()).filter((a) => a.cohortId === openId) as [Mine];
    const draft = await review(first.assignmentId)
      .send({ status: 'draft', scores: { esg_mindset: 4, hub_fit: 2 } })
      .expect(200);
    expect(draft.body).toMatchObject({
      status: 'draft',
      scores: { esg_mindset: 4, hub_fit: 2 },
      comment: '',
      recommendation: null,
      weightedScore: null,
      submittedAt: null,
    });
    const again = await review(first.assignmentId)
      .send({ status: 'draft', scores: { esg_mindset: 5 }, recommendation: 'maybe', comment: 'Halfway.' })
      .expect(200);
    expect(again.body).toMatchObject({ status: 'draft', scores: { esg_mindset: 5 }, recommendation: 'maybe' });

    const row = (await mine()).find((a) => a.assignmentId === first.assignmentId);
    expect(row).toMatchObject({ reviewed: false, drafted: true });
    const view = await as(reviewer).get(`/api/v1/reviews/assignments/${first.assignmentId}`).expect(200);
    expect(view.body.review).toMatchObject({ status: 'draft', comment: 'Halfway.', scores: { esg_mindset: 5 } });
    const onBoard = (await board(openId)).find((r) => r.applicationId === first.applicationId);
    expect(onBoard).toMatchObject({ reviewsDone: 0, rawScore: null });
    // The rubric stays editable: a draft is not a review.
    const round = await as(staff).get(`/api/v1/cohorts/${openId}/review-round`).expect(200);
    expect(round.body.rubricEditable).toBe(true);

    // Finishing needs everything: partial scores are refused, and the draft stays as it was.
    const partial = await review(first.assignmentId)
      .send({ scores: { esg_mindset: 5 }, comment: 'Done?', recommendation: 'yes' })
      .expect(400);
    expect(partial.body.code).toBe('invalid_scores');
    const noComment = await review(first.assignmentId).send({ status: 'submitted', scores: ALL }).expect(400);
    expect(noComment.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['comment', 'recommendation']);
    expect((await mine()).find((a) => a.assignmentId === first.assignmentId)).toMatchObject({ drafted: true });

    const done = await review(first.assignmentId)
      .send({ status: 'submitted', scores: ALL, comment: 'Finished.', recommendation: 'yes' })
      .expect(200);
    expect(done.body).toMatchObject({ status: 'submitted', recommendation: 'yes' });
    expect(done.body.weightedScore).toBeGreaterThan(1);
    expect(await t.db.query(`SELECT 1 FROM review_drafts WHERE assignment_id = $1`, [first.assignmentId])).toEqual([]);
    expect((await mine()).find((a) => a.assignmentId === first.assignmentId)).toMatchObject({
      reviewed: true,
      drafted: false,
    });
    expect((await board(openId)).find((r) => r.applicationId === first.applicationId)).toMatchObject({
      reviewsDone: 1,
    });
    const audit = await t.db.query<Array<{ action: string }>>(
      `SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'review.%' ORDER BY id`,
      [first.applicationId],
    );
    expect(audit.map((a) => a.action)).toEqual(['review.draft_saved', 'review.draft_saved', 'review.submitted']);

    // A finished review is revised, not turned back into a draft.
    const back = await review(first.assignmentId)
      .send({ status: 'draft', scores: { hub_fit: 1 } })
      .expect(409);
    expect(back.body.code).toBe('review_already_submitted');
    const kept = await as(reviewer).get(`/api/v1/reviews/assignments/${first.assignmentId}`).expect(200);
    expect(kept.body.review).toMatchObject({ status: 'submitted', scores: ALL, comment: 'Finished.' });
  });

  it('refuses a draft with a score out of range or a criterion the rubric lacks, writing nothing', async () => {
    const second = (await mine()).filter((a) => a.cohortId === openId)[1];
    for (const scores of [{ hub_fit: 6 }, { hub_fit: 2.5 }, { charisma: 3 }, { hub_fit: '4' }]) {
      const res = await review(second.assignmentId).send({ status: 'draft', scores }).expect(400);
      expect(res.body.code).toBe('invalid_scores');
      expect(res.body.errors[0].field).toMatch(/^scores\./);
    }
    const bad = await review(second.assignmentId).send({ status: 'later', scores: {} }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('status');
    const empty = await review(second.assignmentId).send({ status: 'draft', scores: {}, comment: '' }).expect(400);
    expect(empty.body.errors.map((e: { field: string }) => e.field)).toEqual(['comment']);
    expect(await t.db.query(`SELECT 1 FROM review_drafts WHERE assignment_id = $1`, [second.assignmentId])).toEqual([]);
  });

  it('clears the review deadline with null, and refuses a malformed one without changing it', async () => {
    const url = `/api/v1/cohorts/${openId}/review-round`;
    const bad = await as(staff).patch(url).send({ reviewDeadline: '31/05/2099' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['reviewDeadline']);
    expect((await as(staff).get(url).expect(200)).body.reviewDeadlineLocal).toBe('2099-05-31T23:59');

    const cleared = await as(staff).patch(url).send({ reviewDeadline: null }).expect(200);
    expect(cleared.body).toMatchObject({ reviewDeadline: null, reviewDeadlineLocal: null });
    expect((await as(staff).get(url).expect(200)).body.reviewDeadline).toBeNull();
    expect((await mine()).filter((a) => a.cohortId === openId).map((a) => a.reviewDeadline)).toEqual([null, null]);
    // Leaving it out keeps it as it is.
    await as(staff).patch(url).send({ reviewDeadline: '2099-06-30T12:00' }).expect(200);
    await as(staff).patch(url).send({ reviewersPerApplication: 1 }).expect(200);
    expect((await as(staff).get(url).expect(200)).body.reviewDeadlineLocal).toBe('2099-06-30T12:00');
  });
});
