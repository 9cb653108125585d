import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn } from '../support/users';
import { createMentor, logInFellow, pairUp } from '../support/programme';
import { logIn } from '../support/selection';
import { at, auditRows, milestonesClock, programmeCohort } from './milestone-setup';

const CODES = [
  'arrival_onboarding',
  'market_immersion_plan',
  'first_partner_meetings',
  'mid_term_review',
  'partner_mou',
  'esg_practice_report',
  'final_presentation',
];

/** Calendar-day arithmetic of its own (not the app's): days added to a UTC date. */
const plusDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const dueDates = (timeline: { milestones: Array<{ code: string; dueOn: string }> }): Record<string, string> =>
  Object.fromEntries(timeline.milestones.map((m) => [m.code, m.dueOn]));

describe('Milestone timelines', () => {
  let t: TestApp;
  let staff: SignedIn;
  let cohortId: string;
  let fellows: Awaited<ReturnType<typeof programmeCohort>>['fellows'];
  let clock: jest.SpyInstance<Date, []>;

  beforeAll(async () => {
    t = await createTestApp();
    // One clock for the whole app: sessions are opened (and expire) in the test's time too.
    clock = milestonesClock(t);
    clock.mockReturnValue(at('2027-06-01T09:00'));
    ({ staff, cohortId, fellows } = await programmeCohort(t, '2027-09-01', [
      { fullName: 'A Nguyễn' },
      { fullName: 'B Trần', startDate: '2027-10-31' },
      { fullName: 'C Lê' },
    ]));
  });
  afterAll(async () => {
    clock.mockRestore();
    await t.close();
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const timelineOf = async (fellowId: string): Promise<any> =>
    (await t.http.get(`/api/v1/fellows/${fellowId}/milestones`).set('authorization', staff.bearer).expect(200)).body;

  it("creates a fellow's 12-month timeline from the template with the right dates, once", async () => {
    const template = await t.http
      .get(`/api/v1/cohorts/${cohortId}/milestone-template`)
      .set('authorization', staff.bearer)
      .expect(200);
    expect(template.body).toMatchObject({ trackMonths: 12, editable: true });
    expect(template.body.milestones.map((m: { code: string }) => m.code)).toEqual(CODES);

    const created = await t.http
      .post(`/api/v1/cohorts/${cohortId}/milestones/timelines`)
      .set('authorization', staff.bearer)
      .expect(201);
    expect(created.body).toMatchObject({ created: 3, skipped: 0 });

    // A: 2027-09-01 → 2028-08-31 (365 days, the midpoint 182 days in).
    const a = await logInFellow(t, fellows[0]);
    const mine = await t.http.get('/api/v1/milestones/mine').set('authorization', a.bearer).expect(200);
    expect(mine.body).toHaveLength(1);
    expect(mine.body[0]).toMatchObject({ startDate: '2027-09-01', endDate: '2028-08-31', today: '2027-06-01' });
    expect(dueDates(mine.body[0])).toEqual({
      arrival_onboarding: '2027-09-15', // start + 14 days
      market_immersion_plan: '2027-10-01', // start + 1 month
      first_partner_meetings: '2027-12-01', // start + 3 months
      mid_term_review: '2028-03-01', // midpoint
      partner_mou: '2028-06-30', // end − 2 months
      esg_practice_report: '2028-07-31', // end − 1 month
      final_presentation: '2028-08-17', // end − 14 days
    });
    expect(mine.body[0].milestones[0]).toMatchObject({
      title: { vi: 'Đến nơi và hội nhập', en: 'Arrival and onboarding' },
      state: 'open',
      status: 'upcoming',
      latestSubmission: null,
      reviews: [],
    });

    // B starts on the 31st: months clamp to the month's last day (2027-11-30, 2028-01-31…).
    expect(dueDates(await timelineOf(fellows[1].id))).toEqual({
      arrival_onboarding: '2027-11-14',
      market_immersion_plan: '2027-11-30',
      first_partner_meetings: '2028-01-31',
      mid_term_review: '2028-04-30',
      partner_mou: '2028-08-30',
      esg_practice_report: '2028-09-30',
      final_presentation: '2028-10-16',
    });

    // Idempotent: nobody gets a second timeline.
    const again = await t.http
      .post(`/api/v1/cohorts/${cohortId}/milestones/timelines`)
      .set('authorization', staff.bearer)
      .expect(201);
    expect(again.body).toMatchObject({ created: 0, skipped: 3 });
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM milestones WHERE fellow_id = $1`, [
      fellows[0].id,
    ]);
    expect(count).toBe(7);
    expect(await auditRows(t, 'milestone.timeline_created')).toHaveLength(3);
  });

  it("refuses an extension that would move a milestone past the fellow's end date, with the dates, writing nothing", async () => {
    const before = await timelineOf(fellows[0].id);
    const partner = before.milestones.find((m: { code: string }) => m.code === 'first_partner_meetings');
    // The final presentation is due 2028-08-17 and the year ends 2028-08-31: 21 days move it past the end.
    const res = await t.http
      .post(`/api/v1/milestones/${partner.id}/extensions`)
      .set('authorization', staff.bearer)
      .send({ days: 21, reason: 'Partner meetings moved by the host chamber of commerce' })
      .expect(409);
    expect(res.body).toMatchObject({
      code: 'extension_past_end_date',
      endDate: '2028-08-31',
      lastDueOn: '2028-09-07',
      newEndDate: '2028-09-07',
      milestones: ['final_presentation'],
    });
    expect(dueDates(await timelineOf(fellows[0].id))).toEqual(dueDates(before));
    expect((await timelineOf(fellows[0].id)).endDate).toBe('2028-08-31');
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM milestone_extensions WHERE milestone_id = $1`,
      [partner.id],
    );
    expect(count).toBe(0);
    expect(await auditRows(t, 'milestone.extended', partner.id)).toEqual([]);
  });

  it('an extension of 3 weeks on one milestone moves it and every later one, not earlier ones; audited', async () => {
    const before = await timelineOf(fellows[0].id);
    const partner = before.milestones.find((m: { code: string }) => m.code === 'first_partner_meetings');
    // Confirmed: the end date moves with the last milestone (issue 12).
    const res = await t.http
      .post(`/api/v1/milestones/${partner.id}/extensions`)
      .set('authorization', staff.bearer)
      .send({ days: 21, reason: 'Partner meetings moved by the host chamber of commerce', moveEndDate: true })
      .expect(201);
    expect((await timelineOf(fellows[0].id)).endDate).toBe('2028-09-07');
    const [moved] = await auditRows(t, 'fellow.end_date_extended', fellows[0].id);
    expect(moved).toMatchObject({
      actor_id: staff.id,
      before: { endDate: '2028-08-31' },
      after: { endDate: '2028-09-07' },
      reason: 'Partner meetings moved by the host chamber of commerce',
    });
    expect(res.body).toMatchObject({ code: 'first_partner_meetings', extensionDays: 21, dueOn: '2027-12-22' });

    const after = dueDates(await timelineOf(fellows[0].id));
    const was = dueDates(before);
    CODES.forEach((code, i) => expect([code, after[code]]).toEqual([code, plusDays(was[code], i >= 2 ? 21 : 0)]));

    // A second one later on adds up for what follows it.
    const mou = before.milestones.find((m: { code: string }) => m.code === 'partner_mou');
    await t.http
      .post(`/api/v1/milestones/${mou.id}/extensions`)
      .set('authorization', staff.bearer)
      .send({ days: 5, reason: 'Signing ceremony postponed', moveEndDate: true })
      .expect(201);
    const twice = dueDates(await timelineOf(fellows[0].id));
    expect(twice.mid_term_review).toBe(plusDays(was.mid_term_review, 21));
    expect(twice.partner_mou).toBe(plusDays(was.partner_mou, 26));
    expect(twice.final_presentation).toBe(plusDays(was.final_presentation, 26));
    // The other fellows' timelines did not move.
    expect(dueDates(await timelineOf(fellows[2].id))).toEqual(was);

    const audit = await auditRows(t, 'milestone.extended', partner.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_id: staff.id,
      reason: 'Partner meetings moved by the host chamber of commerce',
      before: { dueOn: { first_partner_meetings: '2027-12-01', arrival_onboarding: '2027-09-15' } },
      after: {
        days: 21,
        dueOn: { first_partner_meetings: '2027-12-22', arrival_onboarding: '2027-09-15' },
        endDate: '2028-09-07',
      },
    });
    const [row] = await t.db.query(
      `SELECT days, reason, granted_by FROM milestone_extensions WHERE milestone_id = $1`,
      [partner.id],
    );
    expect(row).toEqual({
      days: 21,
      reason: 'Partner meetings moved by the host chamber of commerce',
      granted_by: staff.id,
    });
  });

  it("moving a fellow's dates moves every milestone of theirs, in the same change; audited", async () => {
    const was = dueDates(await timelineOf(fellows[2].id));
    await t.http
      .patch(`/api/v1/fellows/${fellows[2].id}`)
      .set('authorization', staff.bearer)
      .send({ startDate: '2027-09-22', endDate: '2028-09-21', reason: 'Visa delayed by three weeks' })
      .expect(200);
    const moved = dueDates(await timelineOf(fellows[2].id));
    for (const code of CODES) expect([code, moved[code]]).toEqual([code, plusDays(was[code], 21)]);
    const [audit] = await auditRows(t, 'milestone.timeline_moved', fellows[2].id);
    expect(audit).toMatchObject({
      reason: 'Visa delayed by three weeks',
      before: { startDate: '2027-09-01', dueOn: { final_presentation: '2028-08-17' } },
      after: { startDate: '2027-09-22', dueOn: { final_presentation: '2028-09-07' } },
    });

    // Extensions stay granted when the year moves: A's start moves a week, its extensions still count.
    await t.http
      .patch(`/api/v1/fellows/${fellows[0].id}`)
      .set('authorization', staff.bearer)
      .send({ startDate: '2027-09-08', endDate: '2028-09-07', reason: 'Flight moved' })
      .expect(200);
    const a = dueDates(await timelineOf(fellows[0].id));
    expect(a.arrival_onboarding).toBe('2027-09-22');
    expect(a.first_partner_meetings).toBe(plusDays('2027-12-08', 21));
    expect(a.final_presentation).toBe(plusDays('2028-08-24', 26));
  });

  it('derives upcoming → due soon → overdue from the clock in Vietnam, without writing anything', async () => {
    const status = async (): Promise<string> =>
      (await timelineOf(fellows[1].id)).milestones.find((m: { code: string }) => m.code === 'arrival_onboarding')
        .status as string;
    const [{ stamp: before }] = await t.db.query(`SELECT max(updated_at) AS stamp FROM milestones`);
    // B's arrival is due 2027-11-14.
    clock.mockReturnValue(at('2027-11-06T23:59'));
    const home = staff;
    staff = await logIn(t, staff.email); // June's session has expired by November
    expect(await status()).toBe('upcoming');
    clock.mockReturnValue(at('2027-11-07T00:00'));
    expect(await status()).toBe('due_soon');
    clock.mockReturnValue(at('2027-11-14T23:59'));
    expect(await status()).toBe('due_soon');
    clock.mockReturnValue(at('2027-11-15T00:00')); // 2027-11-14T17:00Z: still the 14th in UTC
    expect(await status()).toBe('overdue');
    const [{ stamp: after }] = await t.db.query(`SELECT max(updated_at) AS stamp FROM milestones`);
    expect(after).toEqual(before);
    clock.mockReturnValue(at('2027-06-01T09:00'));
    staff = home;
  });

  describe('the template', () => {
    const item = (code: string, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
      code,
      title: { vi: `Mốc ${code}`, en: `Milestone ${code}` },
      description: { vi: 'Mô tả', en: 'Description' },
      anchor: 'start',
      offsetMonths: 1,
      offsetDays: 0,
      evidence: ['text'],
      reviewer: 'mentor',
      pillars: ['esg'],
      ...overrides,
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const put = (body: unknown, expected: number): Promise<Record<string, any>> =>
      t.http
        .put(`/api/v1/cohorts/${cohortId}/milestone-template`)
        .set('authorization', staff.bearer)
        .send(body as object)
        .expect(expected);
    const templateRows = async (): Promise<unknown> =>
      t.db.query(`SELECT code, offset_months, updated_at FROM milestone_templates WHERE cohort_id = $1 ORDER BY code`, [
        cohortId,
      ]);

    it.each([
      ['a code used twice', { milestones: [item('a'), item('a')] }, 'milestones[1].code'],
      ['an offset out of range', { milestones: [item('a', { offsetMonths: 40 })] }, 'milestones.0.offsetMonths'],
      ['no evidence kind', { milestones: [item('a', { evidence: [] })] }, 'milestones.0.evidence'],
      ['a start milestone counting back', { milestones: [item('a', { offsetDays: -2 })] }, 'milestones[0].offsetDays'],
      ['an empty list', { milestones: [] }, 'milestones'],
    ])('refuses %s with a 400 and field errors, writing nothing', async (_name, body, field) => {
      const before = await templateRows();
      const res = await put(body, 400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await templateRows()).toEqual(before);
    });

    it('staff replace it before the programme starts (audited), not after (409)', async () => {
      const current = (
        await t.http.get(`/api/v1/cohorts/${cohortId}/milestone-template`).set('authorization', staff.bearer)
      ).body.milestones as Array<Record<string, unknown>>;
      const edited = current
        .filter((m) => m.code !== 'esg_practice_report')
        .map(({ id: _id, position: _p, ...m }) => (m.code === 'market_immersion_plan' ? { ...m, offsetMonths: 2 } : m));
      const res = await put(
        { milestones: [...edited, item('alumni_pitch', { anchor: 'end', offsetMonths: 0, offsetDays: -3 })] },
        200,
      );
      expect(res.body.milestones.map((m: { code: string }) => m.code)).toEqual([
        ...CODES.filter((c) => c !== 'esg_practice_report'),
        'alumni_pitch',
      ]);
      expect(res.body.milestones[1]).toMatchObject({ code: 'market_immersion_plan', offsetMonths: 2, position: 2 });
      const [audit] = await auditRows(t, 'milestone_template.updated', cohortId);
      expect(audit.after.milestones).toHaveLength(7);
      expect(audit.before.milestones.map((m: { code: string }) => m.code)).toContain('esg_practice_report');

      clock.mockReturnValue(at('2027-09-01T00:00'));
      const home = staff;
      staff = await logIn(t, staff.email);
      const late = await put({ milestones: edited }, 409);
      expect(late.body.code).toBe('programme_started');
      const view = await t.http
        .get(`/api/v1/cohorts/${cohortId}/milestone-template`)
        .set('authorization', staff.bearer);
      expect(view.body.editable).toBe(false);
      clock.mockReturnValue(at('2027-06-01T09:00'));
      staff = home;
    });
  });

  it('refuses a bad extension with a 400 and field errors, writing nothing', async () => {
    const { milestones } = await timelineOf(fellows[1].id);
    for (const body of [
      { days: 0, reason: 'x' },
      { days: 181, reason: 'x' },
      { days: 3 },
      { days: 2.5, reason: 'x' },
    ]) {
      const res = await t.http
        .post(`/api/v1/milestones/${milestones[0].id}/extensions`)
        .set('authorization', staff.bearer)
        .send(body)
        .expect(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors.length).toBeGreaterThan(0);
    }
    expect(dueDates(await timelineOf(fellows[1].id))).toEqual(dueDates({ milestones }));
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM milestone_extensions e JOIN milestones m ON m.id = e.milestone_id WHERE m.fellow_id = $1`,
      [fellows[1].id],
    );
    expect(count).toBe(0);
  });

  it("a mentor reads only their own fellows' timelines; others get a 404", async () => {
    const mentor = await createMentor(t);
    await pairUp(t, cohortId, fellows[1].id, mentor.id);
    await t.http.get(`/api/v1/fellows/${fellows[1].id}/milestones`).set('authorization', mentor.bearer).expect(200);
    await t.http.get(`/api/v1/fellows/${fellows[0].id}/milestones`).set('authorization', mentor.bearer).expect(404);
  });

  it("two extensions of one fellow's timeline at once both count: the fellow's row (fellows' lockFellows) is the lock", async () => {
    const before = await timelineOf(fellows[1].id);
    const was = dueDates(before);
    const idOf = (code: string): string => before.milestones.find((m: { code: string }) => m.code === code).id;
    const extend = (code: string, days: number) =>
      t.http
        .post(`/api/v1/milestones/${idOf(code)}/extensions`)
        .set('authorization', staff.bearer)
        .send({ days, reason: `Both at once: ${code}`, moveEndDate: true });
    const results = await Promise.all([extend('arrival_onboarding', 2), extend('market_immersion_plan', 3)]);
    expect(results.map((r) => r.status)).toEqual([201, 201]);
    const after = dueDates(await timelineOf(fellows[1].id));
    expect(after.arrival_onboarding).toBe(plusDays(was.arrival_onboarding, 2));
    expect(after.market_immersion_plan).toBe(plusDays(was.market_immersion_plan, 5));
    expect(after.final_presentation).toBe(plusDays(was.final_presentation, 5));
  });
});
