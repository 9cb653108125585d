import { vietnamTime } from '../support/cohorts';
import { submittedApplications } from '../support/committee';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

const DAY = 86_400_000;
const BASE = {
  year: 2027,
  targetSize: 80,
  trackMonths: 9,
  applicationOpensAt: '2027-01-15T08:00',
  applicationClosesAt: '2027-03-31T23:59',
  offerResponseDays: 7,
  programmeStartDate: '2027-09-01',
};
const HUBS = [
  {
    code: 'JP',
    name: 'Japan',
    nameVi: 'Nhật Bản',
    city: 'Tokyo',
    capacity: 20,
    minimumFellows: 5,
    timeZone: 'Asia/Tokyo',
  },
  {
    code: 'SG',
    name: 'Singapore',
    city: 'Singapore',
    capacity: 30,
    languageRequirements: [{ test: 'IELTS', minimum: '6.5' }],
  },
];

describe('Cohort set-up: eligibility, hubs, preconditions and copies (staff)', () => {
  let t: TestApp;
  let staff: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signIn(t, ['staff'], 'staff');
  });
  afterAll(() => t.close());

  const as = () => ({
    get: (path: string) => t.http.get(path).set('authorization', staff.bearer),
    post: (path: string, body: object) => t.http.post(path).set('authorization', staff.bearer).send(body),
    patch: (path: string, body: object) => t.http.patch(path).set('authorization', staff.bearer).send(body),
    put: (path: string, body: object) => t.http.put(path).set('authorization', staff.bearer).send(body),
  });
  const create = async (name: string, extra: object = {}): Promise<{ id: string; [k: string]: unknown }> =>
    (
      await as()
        .post('/api/v1/cohorts', { ...BASE, name, ...extra })
        .expect(201)
    ).body;
  const row = async (id: string) =>
    (await t.db.query(`SELECT status, eligibility_rules, target_size FROM cohorts WHERE id = $1`, [id]))[0];
  const audits = (id: string, action: string) =>
    t.db.query(
      `SELECT actor_id, before, after, reason FROM audit_log WHERE entity_id = $1 AND action = $2 ORDER BY id`,
      [id, action],
    );

  it('creates a cohort with its own hubs and eligibility rules, and edits the rules, audited', async () => {
    const cohort = await create('Setup Rules', {
      hubs: HUBS,
      eligibilityRules: [{ code: 'max_age', params: { maxAge: 35 } }],
    });
    expect(cohort.eligibilityRules).toEqual([{ code: 'max_age', params: { maxAge: 35 } }]);
    const res = await as()
      .patch(`/api/v1/cohorts/${cohort.id}`, {
        eligibilityRules: [
          { code: 'max_age', params: { maxAge: 38 } },
          { code: 'enterprise_min_years', params: { years: 3 } },
        ],
      })
      .expect(200);
    expect(res.body.eligibilityRules).toEqual([
      { code: 'max_age', params: { maxAge: 38 } },
      { code: 'enterprise_min_years', params: { years: 3 } },
    ]);
    const [audit] = await audits(cohort.id, 'cohort.updated');
    expect(audit.actor_id).toBe(staff.id);
    expect(audit.before.eligibilityRules).toEqual([{ code: 'max_age', params: { maxAge: 35 } }]);
    expect(audit.after.eligibilityRules).toHaveLength(2);
  });

  it.each([
    [{ eligibilityRules: [{ code: 'be_rich', params: {} }] }, 'eligibilityRules.0.code'],
    [{ eligibilityRules: [{ code: 'max_age', params: { maxAge: 10 } }] }, 'eligibilityRules.0.params.maxAge'],
    [{ eligibilityRules: [{ code: 'max_age', params: {} }] }, 'eligibilityRules.0.params.maxAge'],
    [{ eligibilityRules: [{ code: 'max_age', params: { maxAge: 40, extra: 1 } }] }, 'eligibilityRules.0.params.extra'],
    [
      {
        eligibilityRules: [
          { code: 'vietnamese_citizen', params: {} },
          { code: 'vietnamese_citizen', params: {} },
        ],
      },
      'eligibilityRules',
    ],
  ])('refuses bad eligibility rules (%#) with 400 naming the field, changing nothing', async (body, field) => {
    const cohort = await create(`Setup Bad Rules ${Math.random()}`);
    const before = await row(cohort.id);
    const res = await as().patch(`/api/v1/cohorts/${cohort.id}`, body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await row(cohort.id)).toEqual(before);
    expect(await audits(cohort.id, 'cohort.updated')).toEqual([]);
  });

  it('counts how many current applications a set of rules would pass, with the submit code, writing nothing', async () => {
    const cohort = await create('Setup Preview');
    const apps = await submittedApplications(t, cohort.id, 4);
    // One applicant born in 1980 (46 when the window closes), one enterprise founded in 2026.
    await t.db.query(`UPDATE applications SET personal = personal || '{"dateOfBirth":"1980-01-01"}' WHERE id = $1`, [
      apps[0].id,
    ]);
    await t.db.query(`UPDATE applications SET enterprise = enterprise || '{"foundingYear":2026}' WHERE id = $1`, [
      apps[1].id,
    ]);
    await t.db.query(`UPDATE applications SET status = 'withdrawn' WHERE id = $1`, [apps[3].id]);
    const path = `/api/v1/cohorts/${cohort.id}/eligibility-preview`;
    const strict = await as()
      .post(path, {
        rules: [
          { code: 'max_age', params: { maxAge: 40 } },
          { code: 'enterprise_min_years', params: { years: 2 } },
        ],
      })
      .expect(200);
    expect(strict.body).toEqual({
      applications: 3,
      passing: 1,
      failingByRule: { max_age: 1, enterprise_min_years: 1 },
    });
    const lenient = await as()
      .post(path, { rules: [{ code: 'max_age', params: { maxAge: 50 } }] })
      .expect(200);
    expect(lenient.body).toEqual({ applications: 3, passing: 3, failingByRule: { max_age: 0 } });
    const bad = await as()
      .post(path, { rules: [{ code: 'enterprise_min_years', params: {} }] })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['rules.0.params.years']);
    expect((await row(cohort.id)).eligibility_rules.map((r: { code: string }) => r.code)).toEqual([
      'max_age',
      'vietnamese_citizen',
      'enterprise_min_years',
    ]);
    await as()
      .post('/api/v1/cohorts/00000000-0000-4000-8000-000000000000/eligibility-preview', { rules: [] })
      .expect(404);
  });

  it('replaces the hubs while the cohort is a draft or open, audited, and refuses later', async () => {
    const cohort = await create('Setup Hubs', { hubs: HUBS });
    const jpId = (cohort.hubs as Array<{ code: string; id: string }>).find((h) => h.code === 'JP')!.id;
    const bad = await as()
      .put(`/api/v1/cohorts/${cohort.id}/hubs`, { hubs: [{ ...HUBS[0], capacity: 0 }] })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('hubs.0.capacity');
    const overMinimum = await as()
      .put(`/api/v1/cohorts/${cohort.id}/hubs`, { hubs: [HUBS[0], { ...HUBS[1], capacity: 3, minimumFellows: 4 }] })
      .expect(400);
    expect(overMinimum.body.errors).toEqual([
      {
        field: 'hubs.1.minimumFellows',
        message: expect.any(String),
        code: 'validation.minimum_over_capacity',
        params: { capacity: 3 },
      },
    ]);
    const res = await as()
      .put(`/api/v1/cohorts/${cohort.id}/hubs`, {
        hubs: [
          { ...HUBS[0], capacity: 25 },
          { code: 'KR', name: 'South Korea', city: 'Seoul', capacity: 15 },
        ],
      })
      .expect(200);
    expect(res.body.hubs.map((h: { code: string; capacity: number }) => [h.code, h.capacity])).toEqual([
      ['JP', 25],
      ['KR', 15],
    ]);
    expect(res.body.hubs[0]).toMatchObject({ id: jpId, name: 'Japan', nameVi: 'Nhật Bản' });
    expect(res.body.hubs[1].nameVi).toBeNull();
    const [audit] = await audits(cohort.id, 'cohort.hubs_updated');
    expect(audit.before.hubs.map((h: { code: string }) => h.code)).toEqual(['JP', 'SG']);
    expect(audit.after.hubs.map((h: { code: string }) => h.code).sort()).toEqual(['JP', 'KR']);

    await as().post(`/api/v1/cohorts/${cohort.id}/transitions`, { status: 'open' }).expect(200);
    await as()
      .post(`/api/v1/cohorts/${cohort.id}/transitions`, { status: 'reviewing', override: true, reason: 'test' })
      .expect(200);
    const locked = await as().put(`/api/v1/cohorts/${cohort.id}/hubs`, { hubs: HUBS }).expect(409);
    expect(locked.body.code).toBe('cohort_settings_locked');
    const rules = await as()
      .patch(`/api/v1/cohorts/${cohort.id}`, { eligibilityRules: [{ code: 'vietnamese_citizen', params: {} }] })
      .expect(409);
    expect(rules.body.code).toBe('cohort_settings_locked');
    expect((await t.db.query(`SELECT count(*)::int AS n FROM hubs WHERE cohort_id = $1`, [cohort.id]))[0].n).toBe(2);
  });

  it('states the preconditions of each next step; refuses an unmet one with 409 unless overridden with a reason', async () => {
    const now = Date.now();
    const cohort = await create('Setup Lifecycle', {
      applicationOpensAt: vietnamTime(now - DAY),
      applicationClosesAt: vietnamTime(now + 5 * DAY),
      programmeStartDate: new Date(now + 60 * DAY).toISOString().slice(0, 10),
    });
    const path = `/api/v1/cohorts/${cohort.id}/transitions`;
    expect((await as().get(path).expect(200)).body).toEqual([
      { to: 'open', blockers: [] },
      { to: 'closed', blockers: [] },
    ]);
    await as().post(path, { status: 'open' }).expect(200);
    const options = (await as().get(path).expect(200)).body;
    expect(options[0]).toEqual({
      to: 'reviewing',
      blockers: [{ code: 'window_not_closed', params: { closesAt: expect.any(String) } }],
    });
    const blocked = await as().post(path, { status: 'reviewing' }).expect(409);
    expect(blocked.body).toMatchObject({
      code: 'cohort_transition_blocked',
      from: 'open',
      to: 'reviewing',
      blockers: [{ code: 'window_not_closed' }],
    });
    expect((await row(cohort.id)).status).toBe('open');
    const noReason = await as().post(path, { status: 'reviewing', override: true }).expect(400);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    expect((await row(cohort.id)).status).toBe('open');

    await as()
      .post(path, { status: 'reviewing', override: true, reason: 'Enough applications; the board meets early' })
      .expect(200);
    const moves = await audits(cohort.id, 'cohort.status_changed');
    expect(moves.at(-1)).toEqual({
      actor_id: staff.id,
      before: { status: 'open' },
      after: { status: 'reviewing', overridden: ['window_not_closed'] },
      reason: 'Enough applications; the board meets early',
    });

    // reviewing → selecting waits for every assigned review (the committee's check).
    const [app] = await submittedApplications(t, cohort.id, 1);
    const reviewer = await signIn(t, ['reviewer'], 'rev');
    await t.db.query(`UPDATE applications SET status = 'under_review' WHERE id = $1`, [app.id]);
    await t.db.query(
      `INSERT INTO review_assignments (cohort_id, application_id, reviewer_id, source) VALUES ($1, $2, $3, 'manual')`,
      [cohort.id, app.id, reviewer.id],
    );
    expect((await as().get(path).expect(200)).body).toEqual([
      { to: 'selecting', blockers: [{ code: 'reviews_missing', params: { missing: 1 } }] },
    ]);
    const waiting = await as().post(path, { status: 'selecting' }).expect(409);
    expect(waiting.body.blockers).toEqual([{ code: 'reviews_missing', params: { missing: 1 } }]);
    await as().post(path, { status: 'selecting', override: true, reason: 'Reviewer withdrew' }).expect(200);
    // selecting → running waits for the programme's start date.
    const notYet = await as().post(path, { status: 'running' }).expect(409);
    expect(notYet.body.blockers[0]).toMatchObject({ code: 'programme_not_started' });
  });

  it('copies a cohort a year later with its hubs, rules, rubric and milestone template, audited', async () => {
    const source = await create('Setup Source', {
      hubs: HUBS,
      eligibilityRules: [{ code: 'max_age', params: { maxAge: 36 } }],
    });
    const rubric = {
      criteria: [
        {
          code: 'vision',
          title: { vi: 'Tầm nhìn', en: 'Vision' },
          weight: 2,
          anchors: { '1': { vi: 'Mờ', en: 'Vague' } },
        },
        { code: 'grit', title: { vi: 'Bền bỉ', en: 'Grit' }, weight: 1, anchors: {} },
      ],
    };
    await as().put(`/api/v1/cohorts/${source.id}/review-round/rubric`, rubric).expect(200);
    const template = (await as().get(`/api/v1/cohorts/${source.id}/milestone-template`).expect(200)).body;
    const milestones = template.milestones.slice(0, 2).map((m: Record<string, unknown>) => {
      const { id: _id, position: _position, ...rest } = m;
      return rest;
    });
    await as().put(`/api/v1/cohorts/${source.id}/milestone-template`, { milestones }).expect(200);

    const bad = await as().post(`/api/v1/cohorts/${source.id}/copy`, { name: '' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('name');
    const taken = await as().post(`/api/v1/cohorts/${source.id}/copy`, { name: 'setup source' }).expect(409);
    expect(taken.body.code).toBe('cohort_name_taken');
    expect((await t.db.query(`SELECT count(*)::int AS n FROM cohorts WHERE year = 2028`))[0].n).toBe(0);

    const res = await as().post(`/api/v1/cohorts/${source.id}/copy`, { name: 'Setup Copy' }).expect(201);
    expect(res.body).toMatchObject({
      name: 'Setup Copy',
      year: 2028,
      status: 'draft',
      targetSize: 80,
      trackMonths: 9,
      applicationWindowLocal: { opens: '2028-01-15T08:00', closes: '2028-03-31T23:59' },
      programmeStartDate: '2028-09-01',
      eligibilityRules: [{ code: 'max_age', params: { maxAge: 36 } }],
    });
    expect(
      res.body.hubs.map((h: { code: string; capacity: number; nameVi: string | null }) => [
        h.code,
        h.capacity,
        h.nameVi,
      ]),
    ).toEqual([
      ['JP', 20, 'Nhật Bản'],
      ['SG', 30, null],
    ]);
    const round = (await as().get(`/api/v1/cohorts/${res.body.id}/review-round`).expect(200)).body;
    expect(round.rubric).toEqual(rubric);
    const copiedTemplate = (await as().get(`/api/v1/cohorts/${res.body.id}/milestone-template`).expect(200)).body;
    expect(copiedTemplate.milestones.map((m: { code: string }) => m.code)).toEqual(
      milestones.map((m: { code: string }) => m.code),
    );
    const [audit] = await audits(res.body.id, 'cohort.copied');
    expect(audit).toMatchObject({
      actor_id: staff.id,
      before: { cohortId: source.id, name: 'Setup Source' },
      after: { name: 'Setup Copy', year: 2028, copied: { committee: { rubric: true }, milestones: { milestones: 2 } } },
    });
    await as().post('/api/v1/cohorts/00000000-0000-4000-8000-000000000000/copy', { name: 'Nope' }).expect(404);
  });
});
