import { openCohort } from '../support/cohorts';
import { glpkOptimum } from '../support/glpk';
import {
  type Candidate,
  type CandidateSpec,
  RUBRIC_WEIGHTS,
  interviewScore,
  interviewedCandidates,
  startSelecting,
} from '../support/selection';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

const SECTORS = ['technology', 'agriculture_food', 'logistics', 'fintech', 'manufacturing'];
const HUBS = ['SG', 'JP', 'KR', 'EU'];
const HUB_CAPACITIES = [
  { code: 'SG', capacity: 30 },
  { code: 'JP', capacity: 30 },
  { code: 'KR', capacity: 22 },
  { code: 'EU', capacity: 22 },
];
const SHARES = [
  { id: 'north', attribute: 'region', value: 'North', min: 0.3 },
  { id: 'central', attribute: 'region', value: 'Central', min: 0.3 },
  { id: 'south', attribute: 'region', value: 'South', min: 0.3 },
  { id: 'women', attribute: 'gender', value: 'female', min: 0.4 },
  ...SECTORS.map((sector) => ({ id: `at-most-${sector}`, attribute: 'sector', value: sector, max: 0.25 })),
];

/** A deterministic generator (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 2,000 candidates whose best are mostly northern men in technology, so the quotas bind: the
 * unconstrained top 100 breaks several of them.
 */
function generate(n: number): CandidateSpec[] {
  const rnd = random(20270501);
  const pick = <T>(items: readonly T[], weights: number[]): T => {
    let r = rnd() * weights.reduce((a, b) => a + b, 0);
    for (const [i, w] of weights.entries()) if ((r -= w) < 0) return items[i];
    return items[items.length - 1];
  };
  return Array.from({ length: n }, () => {
    const region = pick(['North', 'Central', 'South'] as const, [50, 20, 30]);
    const gender = pick(['female', 'male'] as const, [35, 65]);
    const sector = pick(SECTORS, [40, 15, 15, 15, 15]);
    const hubs = [...HUBS].sort(() => rnd() - 0.5).slice(0, 1 + Math.floor(rnd() * 3));
    const bias = (region === 'North' ? 0.6 : 0) + (gender === 'male' ? 0.5 : 0) + (sector === 'technology' ? 0.5 : 0);
    const interview = Object.fromEntries(
      Object.keys(RUBRIC_WEIGHTS).map((code) => [code, Math.max(1, Math.min(5, Math.round(1 + rnd() * 3 + bias)))]),
    );
    return { region, gender, sector, hubs, interview };
  });
}

describe('Optimal selection of a cohort (2,000 interviewed candidates)', () => {
  let t: TestApp;
  let staff: SignedIn;
  let cohortId: string;
  let candidates: Candidate[];
  const byId = new Map<string, Candidate>();
  let unscored: string[];

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signIn(t, ['staff'], 'staff');
    cohortId = (await openCohort(t, staff, 'VGBF Selection')).id;
    candidates = await interviewedCandidates(t, cohortId, staff, generate(2000));
    for (const c of candidates) byId.set(c.id, c);
    // Five more interviewed, but never scored: left out and counted.
    const extra = await interviewedCandidates(t, cohortId, staff, generate(5), 'unscored');
    unscored = extra.map((c) => c.id);
    await t.db.query(`DELETE FROM interviews WHERE application_id = ANY($1)`, [unscored]);
    await startSelecting(t, staff, cohortId);
  }, 60_000);
  afterAll(() => t.close());

  const propose = (body: object) =>
    t.http.post(`/api/v1/cohorts/${cohortId}/selection/proposals`).set('authorization', staff.bearer).send(body);
  const runCount = async () => Number((await t.db.query(`SELECT count(*) AS n FROM selection_runs`))[0].n as string);

  it('picks 100 under region, gender and sector shares and hub capacities; every constraint holds', async () => {
    const started = Date.now();
    const res = await propose({ scoreKind: 'interview', size: 100, hubCapacities: HUB_CAPACITIES, shares: SHARES });
    const elapsed = Date.now() - started;
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'proposed', candidates: 2000, withoutScore: 5 });

    const selected = res.body.selected as Array<{ applicationId: string; score: number; hub: string }>;
    const ids = selected.map((s) => s.applicationId);
    expect(new Set(ids).size).toBe(100);
    const chosen = ids.map((id) => byId.get(id) as Candidate);
    expect(chosen.every(Boolean)).toBe(true);

    // Shares, counted on the candidates as generated (not on what the answer says about them).
    for (const share of SHARES) {
      const key = share.attribute as 'region' | 'gender' | 'sector';
      const count = chosen.filter((c) => c[key] === share.value).length;
      if ('min' in share) expect(count).toBeGreaterThanOrEqual(Math.ceil(share.min * 100 - 1e-9));
      if ('max' in share) expect(count).toBeLessThanOrEqual(Math.floor(share.max * 100 + 1e-9));
    }
    // Hubs: everyone placed in a hub they asked for, no hub over capacity.
    for (const s of selected) expect(byId.get(s.applicationId)?.hubs).toContain(s.hub);
    for (const { code, capacity } of HUB_CAPACITIES)
      expect(selected.filter((s) => s.hub === code).length).toBeLessThanOrEqual(capacity);

    // Scores and objective recomputed from the interview scores.
    for (const s of selected) expect(s.score).toBeCloseTo(interviewScore(byId.get(s.applicationId)!.interview), 6);
    const objective = chosen.reduce((sum, c) => sum + interviewScore(c.interview), 0);
    expect(res.body.objective).toBeCloseTo(objective, 4);
    const all = candidates.map((c) => interviewScore(c.interview)).sort((a, b) => b - a);
    const top = all.slice(0, 100).reduce((a, b) => a + b, 0);
    expect(res.body.unconstrainedObjective).toBeCloseTo(top, 4);
    // The quotas bind: they cost something.
    expect(res.body.objective).toBeLessThan(top - 1);

    // The price of each constraint: one per share, then the hubs; never negative; the binding ones cost.
    const prices = res.body.prices as Array<{ constraint: string; objectiveWithout: number; price: number }>;
    expect(prices.map((p) => p.constraint)).toEqual([...SHARES.map((s) => s.id), 'hubs']);
    for (const p of prices) {
      expect(p.price).toBeGreaterThanOrEqual(0);
      expect(p.objectiveWithout).toBeCloseTo(res.body.objective + p.price, 4);
      expect(p.objectiveWithout).toBeLessThanOrEqual(top + 1e-6);
    }
    expect(prices.find((p) => p.constraint === 'women')?.price).toBeGreaterThan(0);
    expect(prices.find((p) => p.constraint === 'at-most-technology')?.price).toBeGreaterThan(0);

    // The waitlist: everyone else with a score, best first, ranked from 1.
    const waitlist = res.body.waitlist as Array<{ applicationId: string; score: number; rank: number }>;
    expect(waitlist).toHaveLength(1900);
    expect(waitlist.map((w) => w.rank)).toEqual(Array.from({ length: 1900 }, (_, i) => i + 1));
    expect(waitlist.some((w) => ids.includes(w.applicationId) || unscored.includes(w.applicationId))).toBe(false);
    for (let i = 1; i < waitlist.length; i++) expect(waitlist[i].score).toBeLessThanOrEqual(waitlist[i - 1].score);

    // Stored as a proposal, readable again; audited; nobody's status changed yet.
    const again = await t.http
      .get(`/api/v1/cohorts/${cohortId}/selection/proposals/${res.body.id}`)
      .set('authorization', staff.bearer)
      .expect(200);
    expect(again.body.selected).toEqual(selected);
    expect(again.body.input).toMatchObject({ scoreKind: 'interview', size: 100, hubCapacities: { SG: 30, EU: 22 } });
    const audit = await t.db.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [res.body.id]);
    expect(audit).toEqual([{ action: 'selection.proposed' }]);
    const statuses = await t.db.query(`SELECT DISTINCT status FROM applications WHERE cohort_id = $1`, [cohortId]);
    expect(statuses).toEqual([{ status: 'interviewed' }]);
    console.log(`selection of 100 from 2,000 with ${SHARES.length} shares and 4 hubs: ${elapsed} ms`);
  }, 60_000);

  it('finds the optimum an independent solver (GLPK) finds on the same cohort', async () => {
    const res = await propose({ scoreKind: 'interview', size: 100, hubCapacities: HUB_CAPACITIES, shares: SHARES });
    expect(res.status).toBe(201);
    const optimum = await glpkOptimum({
      candidates: candidates.map((c) => ({
        id: c.id,
        score: interviewScore(c.interview),
        hubs: c.hubs,
        attributes: { region: c.region, gender: c.gender, sector: c.sector },
      })),
      size: 100,
      hubCapacities: Object.fromEntries(HUB_CAPACITIES.map((h) => [h.code, h.capacity])),
      shares: SHARES,
    });
    expect(optimum).not.toBeNull();
    expect(res.body.objective).toBeCloseTo(optimum as number, 4);
    // The newer proposal superseded the first one.
    const runs = await t.db.query(`SELECT status FROM selection_runs WHERE cohort_id = $1 ORDER BY created_at`, [
      cohortId,
    ]);
    expect(runs.map((r: { status: string }) => r.status)).toEqual(['superseded', 'proposed']);
  }, 120_000);

  it('answers 422 naming exactly the clashing constraints when the quotas cannot hold together', async () => {
    const before = await runCount();
    const res = await propose({
      scoreKind: 'interview',
      size: 100,
      hubCapacities: HUB_CAPACITIES,
      shares: [
        ...SHARES.slice(0, 3),
        { id: 'women-most', attribute: 'gender', value: 'female', min: 0.7 },
        { id: 'men-some', attribute: 'gender', value: 'male', min: 0.35 },
        SHARES[5],
      ],
    });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body).toMatchObject({ code: 'selection_infeasible', clash: ['women-most', 'men-some'] });
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['shares.3', 'shares.4']);
    expect(await runCount()).toBe(before);
  }, 60_000);

  it('answers 422 naming the hubs when they cannot seat the cohort', async () => {
    const res = await propose({
      scoreKind: 'interview',
      size: 100,
      hubCapacities: [
        { code: 'SG', capacity: 40 },
        { code: 'JP', capacity: 40 },
      ],
      shares: SHARES,
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'selection_infeasible', clash: ['hubs'] });
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['hubCapacities']);
  }, 60_000);

  it('selects a year with fewer candidates than the usual 50: the size has no floor but one', async () => {
    const small = (await openCohort(t, staff, 'VGBF Small Year')).id;
    const few = await interviewedCandidates(t, small, staff, generate(3));
    await startSelecting(t, staff, small);
    const res = await t.http
      .post(`/api/v1/cohorts/${small}/selection/proposals`)
      .set('authorization', staff.bearer)
      .send({ scoreKind: 'interview', size: 2 })
      .expect(201);
    expect(res.body.selected).toHaveLength(2);
    expect(res.body.selected.every((s: { applicationId: string }) => few.some((c) => c.id === s.applicationId))).toBe(
      true,
    );
  });

  it('a proposal takes the cohort lock first: it waits while another transaction holds the cohort row', async () => {
    const locked = (await openCohort(t, staff, 'VGBF Locked Year')).id;
    await interviewedCandidates(t, locked, staff, generate(3));
    await startSelecting(t, staff, locked);
    const runs = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM selection_runs WHERE cohort_id = $1`, [locked]))[0].n as number;
    const waitingOnALock = async () =>
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        )
      )[0].n as number;
    const holder = t.db.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    // NO KEY UPDATE: it blocks the cohort lock (FOR UPDATE) but not the foreign-key check of a run's insert.
    await holder.query(`SELECT 1 FROM cohorts WHERE id = $1 FOR NO KEY UPDATE`, [locked]);
    let answered = false;
    const pending = t.http
      .post(`/api/v1/cohorts/${locked}/selection/proposals`)
      .set('authorization', staff.bearer)
      .send({ scoreKind: 'interview', size: 2 })
      .then((res) => {
        answered = true;
        return res;
      });
    try {
      const deadline = Date.now() + 10_000;
      while ((await waitingOnALock()) === 0 && !answered && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(answered).toBe(false);
      expect(await waitingOnALock()).toBe(1);
      expect(await runs()).toBe(0);
    } finally {
      await holder.commitTransaction();
      await holder.release();
    }
    expect((await pending).status).toBe(201);
    expect(await runs()).toBe(1);
  });

  it('refuses to select while the cohort is not selecting', async () => {
    const open = await openCohort(t, staff, 'VGBF Still Open');
    const res = await t.http
      .post(`/api/v1/cohorts/${open.id}/selection/proposals`)
      .set('authorization', staff.bearer)
      .send({ scoreKind: 'interview', size: 50 })
      .expect(409);
    expect(res.body.code).toBe('selection_not_open');
  });

  it('refuses malformed settings with a 400 and field errors, writing nothing', async () => {
    const before = await runCount();
    const res = await propose({
      scoreKind: 'charisma',
      size: 0,
      hubCapacities: [{ code: 'SG', capacity: -1 }],
      shares: [
        { id: 'size', attribute: 'gender', value: 'female', min: 0.4 },
        { id: 'old', attribute: 'age', value: '40', max: 0.2 },
        { id: 'big', attribute: 'region', value: 'North', min: 1.5 },
      ],
      pinnedIn: ['not-a-uuid'],
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      [
        'scoreKind',
        'size',
        'hubCapacities.0.capacity',
        'shares.0.id',
        'shares.1.attribute',
        'shares.2.min',
        'pinnedIn',
      ].sort(),
    );
    expect(await runCount()).toBe(before);
  });

  it('refuses settings that do not fit this cohort with a 400 naming each field', async () => {
    const before = await runCount();
    const stranger = '00000000-0000-4000-8000-000000000001';
    const res = await propose({
      scoreKind: 'interview',
      size: 60,
      hubCapacities: [{ code: 'US', capacity: 10 }],
      shares: [
        { id: 'purple', attribute: 'gender', value: 'purple', min: 0.1 },
        { id: 'loose', attribute: 'region', value: 'South' },
        { id: 'upside-down', attribute: 'sector', value: 'fintech', min: 0.5, max: 0.2 },
      ],
      pinnedIn: [unscored[0], candidates[0]?.id],
      pinnedOut: [stranger, candidates[0]?.id],
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_selection');
    // Each with its own code, so staff read what to fix in their language.
    expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['hubCapacities.0.code', 'validation.hub_of_cohort'],
      ['shares.0.value', 'validation.is_in'],
      ['shares.1', 'validation.share_bound'],
      ['shares.2.min', 'validation.min_over_max'],
      ['pinnedIn.0', 'validation.not_a_candidate'],
      ['pinnedIn.1', 'validation.pinned_both'],
      ['pinnedOut.0', 'validation.not_a_candidate'],
    ]);
    expect(await runCount()).toBe(before);
  });

  it('honours pins: pinned in are selected, pinned out are neither selected nor waitlisted', async () => {
    const ranked = [...candidates].sort((a, b) => interviewScore(b.interview) - interviewScore(a.interview));
    const weakest = ranked[ranked.length - 1];
    const best = ranked[0];
    const res = await propose({
      scoreKind: 'interview',
      size: 50,
      pinnedIn: [weakest.id],
      pinnedOut: [best.id],
    });
    expect(res.status).toBe(201);
    const ids = res.body.selected.map((s: { applicationId: string }) => s.applicationId);
    expect(ids).toContain(weakest.id);
    expect(ids).not.toContain(best.id);
    expect(res.body.waitlist.map((w: { applicationId: string }) => w.applicationId)).not.toContain(best.id);
    expect(res.body.prices.map((p: { constraint: string }) => p.constraint)).toEqual(['hubs', 'pinnedIn', 'pinnedOut']);
    // Default hub capacities are the cohort's own.
    expect(res.body.input.hubCapacities).toEqual({ SG: 25, JP: 25, KR: 20, EU: 20 });
  }, 60_000);

  it('confirms the 100 in one transaction: offers, a waitlist of 1,900 and one email per offer', async () => {
    const proposal = await propose({
      scoreKind: 'interview',
      size: 100,
      hubCapacities: HUB_CAPACITIES,
      shares: SHARES,
    });
    expect(proposal.status).toBe(201);
    const started = Date.now();
    const res = await t.http
      .post(`/api/v1/cohorts/${cohortId}/selection/proposals/${proposal.body.id}/confirm`)
      .set('authorization', staff.bearer)
      .expect(200);
    const elapsed = Date.now() - started;
    expect(res.body).toMatchObject({ offers: 100, waitlisted: 1900 });
    const offered = await t.db.query(`SELECT application_id FROM offers WHERE run_id = $1`, [proposal.body.id]);
    expect(new Set(offered.map((o: { application_id: string }) => o.application_id))).toEqual(
      new Set(proposal.body.selected.map((s: { applicationId: string }) => s.applicationId)),
    );
    const statuses = await t.db.query(
      `SELECT status, count(*)::int AS n FROM applications WHERE cohort_id = $1 GROUP BY status ORDER BY status`,
      [cohortId],
    );
    expect(statuses).toEqual([
      { status: 'interviewed', n: 5 },
      { status: 'offered', n: 100 },
      { status: 'waitlisted', n: 1900 },
    ]);
    const emails = await t.db.query(`SELECT count(*)::int AS n FROM outbox WHERE payload->>'template' = 'offer'`);
    expect(emails).toEqual([{ n: 100 }]);
    console.log(`confirmation of 100 offers and 1,900 waitlisted: ${elapsed} ms`);
  }, 60_000);
});
