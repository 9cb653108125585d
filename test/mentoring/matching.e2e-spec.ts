import { openCohort } from '../support/cohorts';
import {
  type FellowSpec,
  type MentorSpec,
  type TestFellow,
  createFellows,
  createMentor,
  logInFellow,
} from '../support/programme';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

/** The default weights, restated here: sector 3, each wanted expertise 2, local language 3, same city 2, ≤ 3 h 1. */
const W = { sector: 3, expertise: 2, localLanguage: 3, sameCity: 2, nearbyTimezone: 1 };
const HUB = {
  SG: { city: 'Singapore', offset: 480, local: ['en'] },
  JP: { city: 'Tokyo', offset: 540, local: ['ja'] },
  KR: { city: 'Seoul', offset: 540, local: ['ko'] },
};
const OFFSET: Record<string, number> = {
  'Asia/Singapore': 480,
  'Asia/Tokyo': 540,
  'Asia/Seoul': 540,
  'Europe/Berlin': 60,
};

interface F extends FellowSpec {
  hub: keyof typeof HUB;
}
const FELLOWS: F[] = [
  {
    fullName: 'Trần Thị Mai',
    sector: 'fintech',
    goals: ['legal', 'finance'],
    languages: ['en', 'ja'],
    hub: 'JP',
    enterpriseName: 'MoMo Lite',
  },
  { fullName: 'Lê Văn Hùng', sector: 'logistics', goals: ['export_logistics'], languages: ['en'], hub: 'SG' },
  {
    fullName: 'Phạm Thu Hà',
    sector: 'agriculture_food',
    goals: ['marketing', 'esg'],
    languages: ['en', 'ko'],
    hub: 'KR',
  },
  { fullName: 'Đỗ Minh Quân', sector: 'technology', goals: ['fundraising'], languages: ['en'], hub: 'SG' },
  { fullName: 'Vũ Ngọc Lan', sector: 'fintech', goals: ['legal'], languages: ['en', 'ja'], hub: 'JP' },
];
const MENTORS: MentorSpec[] = [
  {
    fullName: 'Kenji Sato',
    sectors: ['fintech'],
    expertise: ['legal', 'finance'],
    languages: ['en', 'ja'],
    city: 'Tokyo',
    timeZone: 'Asia/Tokyo',
    capacity: 1,
  },
  {
    fullName: 'Aiko Tanaka',
    sectors: ['fintech', 'technology'],
    expertise: ['legal'],
    languages: ['ja', 'vi'],
    city: 'Tokyo',
    timeZone: 'Asia/Tokyo',
    capacity: 1,
  },
  {
    fullName: 'Lim Wei Jie',
    sectors: ['logistics'],
    expertise: ['export_logistics', 'operations'],
    languages: ['en'],
    city: 'Singapore',
    timeZone: 'Asia/Singapore',
    capacity: 2,
  },
  {
    fullName: 'Park Ji-won',
    sectors: ['agriculture_food'],
    expertise: ['marketing'],
    languages: ['ko', 'en'],
    city: 'Seoul',
    timeZone: 'Asia/Seoul',
    capacity: 1,
  },
  // Same organisation as Trần Thị Mai's enterprise (written differently): never her mentor.
  {
    fullName: 'Hoàng Anh',
    organisation: 'momo lite',
    sectors: ['fintech'],
    expertise: ['legal', 'finance'],
    languages: ['en', 'ja', 'vi'],
    city: 'Tokyo',
    timeZone: 'Asia/Tokyo',
    capacity: 2,
  },
  {
    fullName: 'Anna Schmidt',
    sectors: ['technology'],
    expertise: ['fundraising', 'esg'],
    languages: ['en', 'de'],
    city: null,
    timeZone: 'Europe/Berlin',
    capacity: 2,
  },
];

/** A pair's score, computed here from the profiles (not by the API); null without a common language. */
function score(f: F, m: MentorSpec): number | null {
  const fl = ['vi', ...(f.languages ?? [])];
  const shared = fl.filter((l) => m.languages!.includes(l));
  if (!shared.length) return null;
  const hub = HUB[f.hub];
  let s = 0;
  if (m.sectors!.includes(f.sector!)) s += W.sector;
  s += W.expertise * (f.goals ?? []).filter((g) => m.expertise!.includes(g)).length;
  if (shared.some((l) => hub.local.includes(l))) s += W.localLanguage;
  if (m.city === hub.city) s += W.sameCity;
  else if (Math.abs(OFFSET[m.timeZone!] - hub.offset) <= 180) s += W.nearbyTimezone;
  return s;
}

/** The lexicographic optimum (worst-off fellow first, then the total) by brute force over every assignment. */
function optimum(
  fellows: F[],
  mentors: MentorSpec[],
  allowed: (fi: number, mi: number) => boolean,
): { min: number; total: number } | null {
  let best: { min: number; total: number } | null = null;
  const load = mentors.map(() => 0);
  const walk = (i: number, min: number, total: number): void => {
    if (i === fellows.length) {
      if (!best || min > best.min || (min === best.min && total > best.total)) best = { min, total };
      return;
    }
    mentors.forEach((m, j) => {
      const s = score(fellows[i], m);
      if (s === null || load[j] >= m.capacity! || !allowed(i, j)) return;
      load[j]++;
      walk(i + 1, Math.min(min, s), total + s);
      load[j]--;
    });
  };
  walk(0, Number.POSITIVE_INFINITY, 0);
  return best;
}

interface PairBody {
  fellow: { id: string };
  mentor: { id: string };
  score: number;
  locked: boolean;
  reasons: Array<{ kind: string; points: number }>;
  because: string;
}

describe('Mentor matching: fairest first, reasons, approval, rematch (issue 6)', () => {
  let t: TestApp;
  let staff: SignedIn;
  let cohortId: string;
  let fellows: TestFellow[];
  let mentors: SignedIn[];
  const as = (who: SignedIn) => ({
    get: (url: string) => t.http.get(url).set('authorization', who.bearer),
    post: (url: string) => t.http.post(url).set('authorization', who.bearer),
    put: (url: string) => t.http.put(url).set('authorization', who.bearer),
  });
  const matching = () => `/api/v1/cohorts/${cohortId}/matching`;
  const fi = (id: string) => fellows.findIndex((f) => f.id === id);
  const mi = (id: string) => mentors.findIndex((m) => m.id === id);
  const count = async (table: string) => Number((await t.db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  /** Hard rules and the score of every pair, checked against the profiles. */
  function check(pairs: PairBody[], allowed: (f: number, m: number) => boolean) {
    expect(pairs.map((p) => fi(p.fellow.id)).sort()).toEqual(FELLOWS.map((_, i) => i));
    for (const [j, m] of MENTORS.entries())
      expect(pairs.filter((p) => mi(p.mentor.id) === j).length).toBeLessThanOrEqual(m.capacity!);
    for (const p of pairs) {
      const [f, m] = [fi(p.fellow.id), mi(p.mentor.id)];
      expect(allowed(f, m)).toBe(true);
      expect(p.score).toBe(score(FELLOWS[f], MENTORS[m]));
      expect(p.reasons.reduce((s, r) => s + r.points, 0)).toBe(p.score);
    }
  }

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signIn(t, ['staff'], 'staff');
    cohortId = (await openCohort(t, staff, 'VGBF Matching')).id;
    fellows = await createFellows(t, cohortId, staff, FELLOWS);
    for (const [i, f] of FELLOWS.entries())
      await t.db.query(
        `UPDATE fellows SET hub_id = (SELECT id FROM hubs WHERE cohort_id = $2 AND code = $3) WHERE id = $1`,
        [fellows[i].id, cohortId, f.hub],
      );
    mentors = [];
    for (const spec of MENTORS) mentors.push(await createMentor(t, spec));
  }, 60_000);
  afterAll(() => t.close());

  const noConflict = (f: number, m: number) => !(f === 0 && m === 4);

  it('proposes the lexicographic optimum (the floor, then the total), every pair with true reasons', async () => {
    const res = await as(staff).post(`${matching()}/proposals`).send({}).expect(201);
    check(res.body.pairs, noConflict);
    const best = optimum(FELLOWS, MENTORS, noConflict)!;
    expect(res.body.minScore).toBe(best.min);
    expect(res.body.totalScore).toBe(best.total);
    const mai = res.body.pairs.find((p: PairBody) => fi(p.fellow.id) === 0);
    expect(mai.mentor.id).not.toBe(mentors[4].id);
    for (const p of res.body.pairs as PairBody[]) expect(p.because).toContain('both speak');
    const kenji = res.body.pairs.find((p: PairBody) => mi(p.mentor.id) === 0);
    if (kenji && fi(kenji.fellow.id) === 0)
      expect(kenji.because).toBe(
        'same sector: fintech; mentor covers legal, finance; both speak Japanese; both in Tokyo',
      );
  });

  it('honours a lock, a forbid and a declared conflict, and stays optimal under them', async () => {
    await t.db.query(
      `INSERT INTO mentor_conflicts (mentor_id, fellow_id, reason, declared_by) VALUES ($1, $2, 'former employee', $1)`,
      [mentors[2].id, fellows[3].id],
    );
    await as(staff)
      .put(`${matching()}/constraints/${fellows[4].id}`)
      .send({ lockedMentorId: mentors[1].id, forbiddenMentorIds: [] })
      .expect(200);
    await as(staff)
      .put(`${matching()}/constraints/${fellows[1].id}`)
      .send({ forbiddenMentorIds: [mentors[2].id] })
      .expect(200);
    const allowed = (f: number, m: number) =>
      noConflict(f, m) && !(f === 3 && m === 2) && !(f === 1 && m === 2) && (f !== 4 || m === 1);
    const res = await as(staff).post(`${matching()}/proposals`).send({}).expect(201);
    check(res.body.pairs, allowed);
    const locked = res.body.pairs.find((p: PairBody) => fi(p.fellow.id) === 4);
    expect(locked).toMatchObject({ mentor: { id: mentors[1].id }, locked: true });
    // The floor and total are over the free fellows: the locked pair is fixed.
    const free = [0, 1, 2, 3];
    const best = optimum(
      free.map((i) => FELLOWS[i]),
      MENTORS.map((m, j) => (j === 1 ? { ...m, capacity: m.capacity! - 1 } : m)),
      (f, m) => allowed(free[f], m),
    )!;
    expect(res.body.minScore).toBe(best.min);
    expect(res.body.totalScore).toBe(best.total + locked.score);
  });

  it('refuses bad weights and constraints with 400 field errors, writing nothing', async () => {
    const runs = await count('matching_runs');
    const constraints = await count('matching_constraints');
    const bad = await as(staff)
      .post(`${matching()}/proposals`)
      .send({ weights: { sector: -1, expertise: 'x', localLanguage: 3, sameCity: 2 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['weights.expertise', 'weights.nearbyTimezone', 'weights.sector'].sort(),
    );
    for (const [body, fields] of [
      [{ lockedMentorId: fellows[0].id, forbiddenMentorIds: [] }, ['lockedMentorId']],
      [{ lockedMentorId: mentors[0].id, forbiddenMentorIds: [mentors[0].id] }, ['lockedMentorId']],
      [{ forbiddenMentorIds: 'all' }, ['forbiddenMentorIds']],
    ] as const) {
      const res = await as(staff).put(`${matching()}/constraints/${fellows[0].id}`).send(body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(fields);
    }
    expect(await count('matching_runs')).toBe(runs);
    expect(await count('matching_constraints')).toBe(constraints);
  });

  it('reports a fellow nobody may mentor with a 422 and the reason', async () => {
    await as(staff)
      .put(`${matching()}/constraints/${fellows[2].id}`)
      .send({ forbiddenMentorIds: mentors.map((m) => m.id) })
      .expect(200);
    const res = await as(staff).post(`${matching()}/proposals`).send({});
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('matching_infeasible');
    expect(res.body.reasons).toEqual([
      expect.objectContaining({
        kind: 'no_mentor',
        fellowId: fellows[2].id,
        why: 'excluded',
        code: 'matching.no_mentor',
        params: expect.objectContaining({ fellow: 'Phạm Thu Hà', forbidden: expect.any(Number) }),
        message: expect.stringContaining('Phạm Thu Hà'),
      }),
    ]);
    await as(staff).put(`${matching()}/constraints/${fellows[2].id}`).send({ forbiddenMentorIds: [] }).expect(200);
  });

  it('approves: pairs made, both sides emailed once in their language; the proposal closes', async () => {
    const proposal = await as(staff).post(`${matching()}/proposals`).send({}).expect(201);
    // A mentor joining meanwhile leaves the proposal standing; a new forbid on one of its pairs does not.
    await createMentor(t, { fullName: 'Mentor Mới', capacity: 1 }, 'newcomer');
    const mai = proposal.body.pairs.find((p: PairBody) => fi(p.fellow.id) === 0);
    const forbid = (ids: string[]) =>
      as(staff).put(`${matching()}/constraints/${fellows[0].id}`).send({ forbiddenMentorIds: ids }).expect(200);
    await forbid([mai.mentor.id]);
    await as(staff)
      .post(`${matching()}/proposals/${proposal.body.id}/approve`)
      .expect(409, /proposal_stale/);
    await forbid([]);
    await as(staff).post(`${matching()}/proposals/${proposal.body.id}/approve`).expect(200);
    const pairs = await t.db.query(
      `SELECT fellow_id, mentor_id, score FROM pairings WHERE cohort_id = $1 AND status = 'active'`,
      [cohortId],
    );
    expect(pairs).toHaveLength(5);
    expect(await t.db.query(`SELECT 1 FROM outbox WHERE payload->>'template' = 'pairing-approved'`)).toHaveLength(10);
    await as(staff)
      .post(`${matching()}/proposals/${proposal.body.id}/approve`)
      .expect(409, /proposal_closed/);
    await as(staff)
      .post(`${matching()}/proposals`)
      .send({})
      .expect(409, /nothing_to_match/);
    const overview = await as(staff).get(matching()).expect(200);
    expect(overview.body.unmatched).toEqual([]);
    expect(overview.body.pairs).toHaveLength(5);
    // Each side of a pair sees why it was matched: the reasons staff approved, nobody else's.
    const approved = proposal.body.pairs.find((p: PairBody) => fi(p.fellow.id) === 1) as PairBody;
    const mentor = mentors[mi(approved.mentor.id)];
    const seenByMentor = (await as(mentor).get('/api/v1/mentoring/pairs').expect(200)).body.active;
    const mine = seenByMentor.find((p: { fellow: { id: string } }) => p.fellow.id === approved.fellow.id);
    expect(mine.reasons).toEqual(approved.reasons);
    for (const other of seenByMentor) expect(other.mentor.userId).toBe(mentor.id);
    const fellow = await logInFellow(t, fellows[1]);
    const seenByFellow = (await as(fellow).get('/api/v1/mentoring/pairs').expect(200)).body.active;
    expect(seenByFellow).toHaveLength(1);
    expect(seenByFellow[0]).toMatchObject({ viewedAs: 'fellow', reasons: approved.reasons });
  });

  it('a fellow asks for a rematch; staff end the pair and the fellow is matched again, never to the same mentor', async () => {
    const mai = await logInFellow(t, fellows[0]);
    const [pair] = await t.db.query(`SELECT id, mentor_id FROM pairings WHERE fellow_id = $1 AND status = 'active'`, [
      fellows[0].id,
    ]);
    const bad = await as(mai).post(`/api/v1/mentoring/pairs/${pair.id}/rematch-requests`).send({ reason: '  ' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('reason');
    const req = await as(mai)
      .post(`/api/v1/mentoring/pairs/${pair.id}/rematch-requests`)
      .send({ reason: 'We never manage to meet.' })
      .expect(201);
    expect(req.body).toMatchObject({ requesterRole: 'fellow', status: 'open' });
    await as(mai)
      .post(`/api/v1/mentoring/pairs/${pair.id}/rematch-requests`)
      .send({ reason: 'Again' })
      .expect(409, /rematch_already_requested/);
    // Someone else's pair is not found.
    const other = await logInFellow(t, fellows[1]);
    await as(other).post(`/api/v1/mentoring/pairs/${pair.id}/rematch-requests`).send({ reason: 'x' }).expect(404);

    const badResolve = await as(staff)
      .post(`/api/v1/rematch-requests/${req.body.id}/resolve`)
      .send({ decision: 'swap' });
    expect(badResolve.status).toBe(400);
    expect(badResolve.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['decision', 'note']);
    await as(staff)
      .post(`/api/v1/rematch-requests/${req.body.id}/resolve`)
      .send({ decision: 'rematch', note: 'Agreed with both.' })
      .expect(200);
    await as(staff)
      .post(`/api/v1/rematch-requests/${req.body.id}/resolve`)
      .send({ decision: 'keep', note: 'Changed my mind' })
      .expect(409, /rematch_resolved/);
    const [ended] = await t.db.query(`SELECT status, ended_reason FROM pairings WHERE id = $1`, [pair.id]);
    expect(ended).toEqual({ status: 'ended', ended_reason: 'Agreed with both.' });

    const again = await as(staff).post(`${matching()}/proposals`).send({}).expect(201);
    expect(again.body.pairs).toHaveLength(1);
    expect(again.body.pairs[0].fellow.id).toBe(fellows[0].id);
    expect(again.body.pairs[0].mentor.id).not.toBe(pair.mentor_id);
  });

  it('keeps matching to staff', async () => {
    await as(mentors[0]).get(matching()).expect(403);
    await as(await logInFellow(t, fellows[0]))
      .post(`${matching()}/proposals`)
      .send({})
      .expect(403);
  });
});
