import { openCohort } from '../support/cohorts';
import { startReviewing, submittedApplications } from '../support/committee';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

const RUBRIC_WEIGHTS: Record<string, number> = {
  global_management: 20,
  international_legal: 15,
  intercultural_negotiation: 15,
  esg_mindset: 15,
  business_potential: 20,
  hub_fit: 15,
};
const CODES = Object.keys(RUBRIC_WEIGHTS);

/** Deterministic scores: an application's quality, shifted by the reviewer's leniency, clamped to 1–5. */
function scoresFor(appIndex: number, reviewerIndex: number): Record<string, number> {
  const leniency = [-1, 0, 1, 0, -1, 1][reviewerIndex] ?? 0;
  return Object.fromEntries(
    CODES.map((code, c) => [
      code,
      Math.min(5, Math.max(1, 1 + ((appIndex * 7 + c * 3 + reviewerIndex) % 5) + leniency)),
    ]),
  );
}

interface ReviewFact {
  applicationId: string;
  reviewerId: string;
  scores: Record<string, number>;
}

/** The ranking as the issue defines it, computed here independently of the SQL. */
function reference(reviews: ReviewFact[], gap: number) {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
  const totalWeight = Object.values(RUBRIC_WEIGHTS).reduce((a, b) => a + b, 0);
  const withMean = reviews.map((r) => ({
    ...r,
    mean: CODES.reduce((sum, code) => sum + (RUBRIC_WEIGHTS[code] ?? 0) * (r.scores[code] ?? 0), 0) / totalWeight,
  }));
  const all = withMean.map((r) => r.mean);
  const [mu, sigma] = [mean(all), sd(all)];
  const byReviewer = new Map<string, number[]>();
  for (const r of withMean) byReviewer.set(r.reviewerId, [...(byReviewer.get(r.reviewerId) ?? []), r.mean]);
  const normalized = withMean.map((r) => {
    const own = byReviewer.get(r.reviewerId) ?? [];
    const z = sd(own) > 0 ? (r.mean - mean(own)) / sd(own) : 0;
    return { ...r, normalized: Math.min(5, Math.max(1, mu + sigma * z)) };
  });
  const byApp = new Map<string, typeof normalized>();
  for (const r of normalized) byApp.set(r.applicationId, [...(byApp.get(r.applicationId) ?? []), r]);
  return new Map(
    [...byApp].map(([id, rs]) => {
      const norms = rs.map((r) => r.normalized);
      const spread = Math.max(...norms) - Math.min(...norms);
      return [id, { raw: mean(rs.map((r) => r.mean)), normalized: mean(norms), spread, disagreement: spread > gap }];
    }),
  );
}

describe('Selection committee: conflicts, automatic assignment, blind review, calibrated ranking', () => {
  let t: TestApp;
  let staff: SignedIn;
  let reviewers: SignedIn[];
  let other: SignedIn;
  let cohortId: string;
  let apps: Array<{ id: string; applicant: SignedIn; sector: string }>;
  const reviewFacts: ReviewFact[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signIn(t, ['staff'], 'staff');
    reviewers = [];
    for (let i = 0; i < 6; i++) reviewers.push(await signIn(t, ['reviewer'], `rev${i}`));
    other = await signIn(t, ['applicant'], 'other');
    cohortId = (await openCohort(t, staff, 'VGBF Committee', { closesInDays: 10 })).id;
    apps = await submittedApplications(t, cohortId, 30);
    const expertise = [
      ['technology'],
      ['agriculture_food'],
      ['logistics', 'fintech'],
      ['manufacturing'],
      ['technology', 'fintech'],
      [],
    ];
    for (const [i, reviewer] of reviewers.entries()) {
      await t.http
        .put(`/api/v1/reviewers/${reviewer.id}/profile`)
        .set('authorization', staff.bearer)
        .send({ sectors: expertise[i], organisation: null })
        .expect(200);
    }
  }, 60_000);
  afterAll(() => t.close());

  const as = (who: SignedIn) => ({
    get: (url: string) => t.http.get(url).set('authorization', who.bearer),
    put: (url: string) => t.http.put(url).set('authorization', who.bearer),
    post: (url: string) => t.http.post(url).set('authorization', who.bearer),
  });

  it('takes declared conflicts from reviewers, who name whom they know (diacritics ignored) and learn nothing back', async () => {
    const first = await as(reviewers[0])
      .post('/api/v1/reviews/conflict-declarations')
      .send({ cohortId, names: ['ung vien so 1'], reason: 'Tôi là cổ đông của doanh nghiệp này' })
      .expect(200);
    const second = await as(reviewers[1])
      .post('/api/v1/reviews/conflict-declarations')
      .send({ cohortId, names: ['CÔNG TY TNHH SỐ 2'], reason: 'Former colleague' })
      .expect(200);
    // The answer is what they wrote, never whether or what it matched.
    for (const res of [first, second]) {
      expect(Object.keys(res.body).sort()).toEqual(['cohortId', 'createdAt', 'emails', 'id', 'names', 'reason']);
    }
    const bad = await as(reviewers[1])
      .post('/api/v1/reviews/conflict-declarations')
      .send({ cohortId: 'x' })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['cohortId', 'names', 'reason']);
    const listed = await as(staff).get(`/api/v1/cohorts/${cohortId}/conflicts`).expect(200);
    expect(
      listed.body.map((c: { applicationId: string; reviewerId: string; source: string; status: string }) => [
        c.applicationId,
        c.reviewerId,
        c.source,
        c.status,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [apps[0]?.id, reviewers[0]?.id, 'declared', 'confirmed'],
        [apps[1]?.id, reviewers[1]?.id, 'declared', 'confirmed'],
      ]),
    );
    expect(listed.body).toHaveLength(2);
  });

  it('refuses to assign before the cohort is reviewing', async () => {
    const res = await as(staff).post(`/api/v1/cohorts/${cohortId}/assignments/auto`).send({}).expect(409);
    expect(res.body.code).toBe('review_round_not_open');
  });

  it('gives every application 3 reviewers, none conflicted, loads within 1 of each other', async () => {
    await startReviewing(t, staff, cohortId);
    const res = await as(staff).post(`/api/v1/cohorts/${cohortId}/assignments/auto`).send({}).expect(200);
    expect(res.body).toMatchObject({ applications: 30, reviewersPerApplication: 3, assigned: 90, kept: 0 });
    expect(res.body.imbalance).toBeLessThanOrEqual(1);

    const rows = await t.db.query(`SELECT application_id, reviewer_id FROM review_assignments WHERE cohort_id = $1`, [
      cohortId,
    ]);
    const perApp = new Map<string, string[]>();
    for (const r of rows) perApp.set(r.application_id, [...(perApp.get(r.application_id) ?? []), r.reviewer_id]);
    expect(perApp.size).toBe(30);
    for (const reviewerIds of perApp.values()) expect(new Set(reviewerIds).size).toBe(3);
    expect(perApp.get(apps[0]?.id)).not.toContain(reviewers[0]?.id);
    expect(perApp.get(apps[1]?.id)).not.toContain(reviewers[1]?.id);
    const loads = reviewers.map((r) => rows.filter((row: { reviewer_id: string }) => row.reviewer_id === r.id).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    const statuses = await t.db.query(`SELECT DISTINCT status FROM applications WHERE cohort_id = $1`, [cohortId]);
    expect(statuses).toEqual([{ status: 'under_review' }]);

    // Re-running keeps what is there: nothing new, nothing moved.
    const again = await as(staff).post(`/api/v1/cohorts/${cohortId}/assignments/auto`).send({}).expect(200);
    expect(again.body).toMatchObject({ assigned: 0, kept: 90 });
  });

  it('drops a kept pair that a detected conflict now forbids, and gives the application another reviewer', async () => {
    const reviewer = reviewers[3];
    const [assigned] = await t.db.query(
      `SELECT a.application_id, app.enterprise->>'name' AS enterprise FROM review_assignments a
         JOIN applications app ON app.id = a.application_id WHERE a.reviewer_id = $1 ORDER BY a.application_id LIMIT 1`,
      [reviewer.id],
    );
    await as(staff)
      .put(`/api/v1/reviewers/${reviewer.id}/profile`)
      .send({ sectors: ['manufacturing'], organisation: assigned.enterprise })
      .expect(200);
    const detected = await as(staff).post(`/api/v1/cohorts/${cohortId}/conflicts/detect`).expect(200);
    expect(detected.body.found).toBe(1);
    const pending = await as(staff).get(`/api/v1/cohorts/${cohortId}/conflicts?status=pending`).expect(200);
    expect(pending.body).toEqual([
      expect.objectContaining({ applicationId: assigned.application_id, reviewerId: reviewer.id, source: 'detected' }),
    ]);
    await as(staff).post(`/api/v1/cohorts/${cohortId}/assignments/auto`).send({}).expect(200);
    const now = await t.db.query(`SELECT reviewer_id FROM review_assignments WHERE application_id = $1`, [
      assigned.application_id,
    ]);
    expect(now).toHaveLength(3);
    expect(now.map((r: { reviewer_id: string }) => r.reviewer_id)).not.toContain(reviewer.id);
    // Detecting again finds the same pair: nothing new.
    const again = await as(staff).post(`/api/v1/cohorts/${cohortId}/conflicts/detect`).expect(200);
    expect(again.body).toEqual({ found: 0, known: 1 });
  });

  it('never assigns a conflicted pair by hand either', async () => {
    const res = await as(staff)
      .post(`/api/v1/cohorts/${cohortId}/assignments`)
      .send({ applicationId: apps[0]?.id, reviewerId: reviewers[0]?.id })
      .expect(409);
    expect(res.body.code).toBe('conflicted_pair');
  });

  it('shows a reviewer only their assignments, blind: no name, enterprise, birth date, gender, contacts or referees', async () => {
    const reviewer = reviewers[2];
    const mine = await as(reviewer).get('/api/v1/reviews/assignments').expect(200);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM review_assignments WHERE reviewer_id = $1`, [
      reviewer.id,
    ]);
    expect(mine.body.length).toBe(n);
    expect(n).toBeGreaterThanOrEqual(15);
    const { body } = await as(reviewer).get(`/api/v1/reviews/assignments/${mine.body[0].assignmentId}`).expect(200);
    const json = JSON.stringify(body);
    for (const hidden of [
      'Ứng Viên',
      '1992-05-17',
      'female',
      'male',
      '+8491',
      '@example',
      'Trần Thị Mai',
      'Lê Văn Nam',
      'Công ty TNHH Số',
      '0101234567',
    ]) {
      expect(json).not.toContain(hidden);
    }
    expect(Object.keys(body).sort()).toEqual(
      [
        'applicationId',
        'assignmentId',
        'editable',
        'enterprise',
        'essays',
        'hubPreferences',
        'hubs',
        'languages',
        'redactedMarker',
        'reference',
        'region',
        'review',
        'reviewDeadline',
        'rubric',
      ].sort(),
    );
    expect(Object.keys(body.enterprise).sort()).toEqual(
      ['employeesBand', 'exportMarkets', 'foundingYear', 'revenueBand', 'sector'].sort(),
    );
    expect(body.rubric.criteria[0].anchors['1'].vi).toBeTruthy();

    const others = await as(reviewers[3]).get('/api/v1/reviews/assignments').expect(200);
    await as(reviewer).get(`/api/v1/reviews/assignments/${others.body[0].assignmentId}`).expect(404);
    await as(other).get('/api/v1/reviews/assignments').expect(403);
    await as(reviewer).get(`/api/v1/cohorts/${cohortId}/ranking`).expect(403);
  });

  it('refuses scores outside the rubric with field errors and writes nothing', async () => {
    const reviewer = reviewers[2];
    const mine = await as(reviewer).get('/api/v1/reviews/assignments').expect(200);
    const url = `/api/v1/reviews/assignments/${mine.body[0].assignmentId}/review`;
    const bad = await as(reviewer)
      .put(url)
      .send({ scores: { ...scoresFor(0, 2), esg_mindset: 6, unknown_one: 3 }, comment: 'ok', recommendation: 'yes' })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'scores.esg_mindset',
      'scores.unknown_one',
    ]);
    await as(reviewer)
      .put(url)
      .send({ scores: scoresFor(0, 2), recommendation: 'perhaps' })
      .expect(400);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM reviews`))[0].n).toBe(0);
  });

  it('ranks by the calibrated score, exactly as the reference calculation', async () => {
    const index = new Map(apps.map((a, i) => [a.id, i]));
    for (const [r, reviewer] of reviewers.entries()) {
      const mine = await as(reviewer).get('/api/v1/reviews/assignments').expect(200);
      for (const a of mine.body as Array<{ assignmentId: string; applicationId: string }>) {
        const scores = scoresFor(index.get(a.applicationId) ?? 0, r);
        await as(reviewer)
          .put(`/api/v1/reviews/assignments/${a.assignmentId}/review`)
          .send({ scores, comment: 'Đánh giá thử nghiệm', recommendation: 'yes' })
          .expect(200);
        reviewFacts.push({ applicationId: a.applicationId, reviewerId: reviewer.id, scores });
      }
    }
    const { body: round } = await as(staff).get(`/api/v1/cohorts/${cohortId}/review-round`).expect(200);
    const expected = reference(reviewFacts, round.disagreementGap);
    const { body: page } = await as(staff).get(`/api/v1/cohorts/${cohortId}/ranking?pageSize=100`).expect(200);
    expect(page.meta).toEqual({ page: 1, pageSize: 100, total: 30, pageCount: 1 });
    const board = page.items;
    expect(board).toHaveLength(30);
    for (const row of board) {
      const ref = expected.get(row.applicationId);
      expect(row.rawScore).toBeCloseTo(ref?.raw ?? NaN, 3);
      expect(row.normalizedScore).toBeCloseTo(ref?.normalized ?? NaN, 3);
      expect(row.spread).toBeCloseTo(ref?.spread ?? NaN, 3);
      expect(row.disagreement).toBe(ref?.disagreement);
      expect([row.reviewsDone, row.reviewsExpected]).toEqual([3, 3]);
    }
    // Best first by the reference's normalized score (ties, equal to 1e-9, broken by the raw score).
    for (let i = 1; i < board.length; i++) {
      const [above, below] = [expected.get(board[i - 1].applicationId), expected.get(board[i].applicationId)];
      const tie = Math.abs((above?.normalized ?? 0) - (below?.normalized ?? 0)) < 1e-9;
      if (tie) expect(above?.raw).toBeGreaterThanOrEqual((below?.raw ?? 0) - 1e-9);
      else expect(above?.normalized).toBeGreaterThan(below?.normalized ?? 0);
    }
    const raw = (await as(staff).get(`/api/v1/cohorts/${cohortId}/ranking?score=raw&region=North`).expect(200)).body
      .items;
    expect(raw.every((r: { region: string }) => r.region === 'North')).toBe(true);
    expect(raw.map((r: { rawScore: number }) => r.rawScore)).toEqual(
      [...raw.map((r: { rawScore: number }) => r.rawScore)].sort((a, b) => b - a),
    );
    const breakdown = await as(staff).get(`/api/v1/cohorts/${cohortId}/ranking/${board[0].applicationId}`).expect(200);
    expect(breakdown.body.reviews).toHaveLength(3);
    expect(breakdown.body.reviews[0].scores).toHaveProperty('esg_mindset');
    // Each review carries its assignment's cohort (written by the database), which the ranking reads by.
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM reviews r JOIN review_assignments a ON a.id = r.assignment_id
        WHERE r.cohort_id = a.cohort_id AND a.cohort_id = $1`,
      [cohortId],
    );
    expect(n).toBe(reviewFacts.length);
  });

  it('pages the board: 25 rows by default, the whole board ranked, filters kept, bad pages refused', async () => {
    const all = (await as(staff).get(`/api/v1/cohorts/${cohortId}/ranking?pageSize=100`).expect(200)).body.items;
    const first = (await as(staff).get(`/api/v1/cohorts/${cohortId}/ranking`).expect(200)).body;
    expect(first.meta).toEqual({ page: 1, pageSize: 25, total: 30, pageCount: 2 });
    expect(first.items).toEqual(all.slice(0, 25));
    const pages = [];
    for (let page = 1; page <= 5; page++)
      pages.push(
        ...(await as(staff).get(`/api/v1/cohorts/${cohortId}/ranking?pageSize=7&page=${page}`).expect(200)).body.items,
      );
    expect(pages).toEqual(all);
    expect(pages.map((r: { rank: number }) => r.rank)).toEqual(all.map((_: unknown, i: number) => i + 1));
    // A filter pages its own rows and keeps the whole board's ranks.
    const north = all.filter((r: { region: string }) => r.region === 'North');
    const second = (
      await as(staff).get(`/api/v1/cohorts/${cohortId}/ranking?region=North&pageSize=2&page=2`).expect(200)
    ).body;
    expect(second.meta).toEqual({ page: 2, pageSize: 2, total: north.length, pageCount: Math.ceil(north.length / 2) });
    expect(second.items).toEqual(north.slice(2, 4));
    // Sector and gender (read from the answers only when asked for) filter the same ranked rows.
    const { sector, gender } = all[0] as { sector: string; gender: string };
    const both = (
      await as(staff)
        .get(`/api/v1/cohorts/${cohortId}/ranking?sector=${sector}&gender=${gender}&pageSize=100`)
        .expect(200)
    ).body;
    const expected = all.filter((r: { sector: string; gender: string }) => r.sector === sector && r.gender === gender);
    expect(expected.length).toBeGreaterThan(0);
    expect(both.items).toEqual(expected);
    expect(both.meta.total).toBe(expected.length);
    const bySector = (
      await as(staff).get(`/api/v1/cohorts/${cohortId}/ranking?sector=${sector}&pageSize=100`).expect(200)
    ).body.items;
    expect(bySector).toEqual(all.filter((r: { sector: string }) => r.sector === sector));
    // Past the last page: no rows, the total still counted.
    const past = (await as(staff).get(`/api/v1/cohorts/${cohortId}/ranking?page=9`).expect(200)).body;
    expect(past).toEqual({ items: [], meta: { page: 9, pageSize: 25, total: 30, pageCount: 2 } });
    const bad = await as(staff).get(`/api/v1/cohorts/${cohortId}/ranking?page=0&pageSize=101&status=draft`).expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['page', 'pageSize', 'status']);
  });

  it('lets a reviewer revise until the round closes, every change audited; the rubric is locked', async () => {
    const reviewer = reviewers[4];
    const mine = await as(reviewer).get('/api/v1/reviews/assignments').expect(200);
    const url = `/api/v1/reviews/assignments/${mine.body[0].assignmentId}/review`;
    await as(reviewer)
      .put(url)
      .send({ scores: Object.fromEntries(CODES.map((c) => [c, 5])), comment: 'Revised', recommendation: 'strong_yes' })
      .expect(200);
    const audit = await t.db.query(`SELECT action FROM audit_log WHERE action LIKE 'review.%' ORDER BY created_at`);
    expect(audit.filter((a: { action: string }) => a.action === 'review.revised')).toHaveLength(1);
    const locked = await as(staff)
      .put(`/api/v1/cohorts/${cohortId}/review-round/rubric`)
      .send({ criteria: [{ code: 'only_one', title: { vi: 'Một', en: 'One' }, weight: 1, anchors: {} }] })
      .expect(409);
    expect(locked.body.code).toBe('rubric_locked');
  });

  it('records decisions with a required rationale, following the status table', async () => {
    const board = (await as(staff).get(`/api/v1/cohorts/${cohortId}/ranking`).expect(200)).body.items;
    const top = board[0].applicationId as string;
    const missing = await as(staff)
      .post(`/api/v1/applications/${top}/decisions`)
      .send({ decision: 'shortlist' })
      .expect(400);
    expect(missing.body.errors).toEqual([
      expect.objectContaining({ field: 'rationale', message: expect.any(String), code: 'validation.is_string' }),
    ]);
    await as(staff)
      .post(`/api/v1/applications/${top}/decisions`)
      .send({ decision: 'shortlist', rationale: 'Điểm cao nhất, kế hoạch rõ ràng' })
      .expect(200);
    const skip = await as(staff)
      .post(`/api/v1/applications/${board[1].applicationId}/decisions`)
      .send({ decision: 'interviewed', rationale: 'skip' })
      .expect(409);
    expect(skip.body.code).toBe('illegal_application_transition');
    const interviewed = await as(staff)
      .post(`/api/v1/applications/${top}/decisions`)
      .send({
        decision: 'interviewed',
        rationale: 'Phỏng vấn tốt',
        interviewScores: Object.fromEntries(CODES.map((c) => [c, 4])),
      })
      .expect(200);
    expect(interviewed.body).toMatchObject({ status: 'interviewed', interviewScore: 4 });
    // The board shows the interview next to the reviews, to staff only (reviewers never see the board).
    const after = (await as(staff).get(`/api/v1/cohorts/${cohortId}/ranking?pageSize=100`).expect(200)).body.items;
    const withInterview = (after as Array<{ applicationId: string; interview: unknown }>).filter((r) => r.interview);
    expect(withInterview).toEqual([
      expect.objectContaining({
        applicationId: top,
        interview: {
          score: 4,
          scores: Object.fromEntries(CODES.map((c) => [c, 4])),
          recordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        },
      }),
    ]);
    const drawer = await as(staff).get(`/api/v1/cohorts/${cohortId}/ranking/${top}`).expect(200);
    expect(drawer.body.row.interview).toMatchObject({ score: 4 });
    await as(reviewers[0]).get(`/api/v1/cohorts/${cohortId}/ranking`).expect(403);
    const history = await as(staff).get(`/api/v1/applications/${top}/history`).expect(200);
    expect(history.body.map((h: { to: string; reason: string }) => [h.to, h.reason]).slice(-2)).toEqual([
      ['shortlisted', 'Điểm cao nhất, kế hoạch rõ ràng'],
      ['interviewed', 'Phỏng vấn tốt'],
    ]);
  });

  it('closes reviews when the cohort moves on to selecting', async () => {
    await as(staff).post(`/api/v1/cohorts/${cohortId}/transitions`).send({ status: 'selecting' }).expect(200);
    const reviewer = reviewers[5];
    const mine = await as(reviewer).get('/api/v1/reviews/assignments').expect(200);
    const res = await as(reviewer)
      .put(`/api/v1/reviews/assignments/${mine.body[0].assignmentId}/review`)
      .send({ scores: scoresFor(1, 5), comment: 'late', recommendation: 'no' })
      .expect(409);
    expect(res.body.code).toBe('review_round_not_open');
    const view = await as(reviewer).get(`/api/v1/reviews/assignments/${mine.body[0].assignmentId}`).expect(200);
    expect(view.body.editable).toBe(false);
  });
});
