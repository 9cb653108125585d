import ICAL from 'ical.js';
import { type TestApp, createTestApp } from '../support/test-app';
import { DAY, type Pairs, mentoringPairs, sessionBody } from './mentoring-setup';

/** 14:00 in Hà Nội, `days` days from today (Vietnam time is UTC+7, no daylight saving). */
const vietnamTime = (days: number, hour = 14): string => {
  const day = new Date(Date.now() + 7 * 3_600_000 + days * DAY).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:00:00+07:00`;
};

interface Plan {
  id: string;
  startsAt: string;
  durationMinutes: number;
  status: string;
  sessionId: string | null;
  scheduledBySide: string;
}

describe('Planned (upcoming) mentoring sessions', () => {
  let t: TestApp;
  let p: Pairs;

  beforeAll(async () => {
    t = await createTestApp();
    p = await mentoringPairs(t, 2);
  }, 60_000);
  afterAll(() => t.close());

  const as = (who: { bearer: string }) => ({
    get: (path: string) => t.http.get(`/api/v1${path}`).set('authorization', who.bearer),
    post: (path: string, body: object = {}) =>
      t.http.post(`/api/v1${path}`).set('authorization', who.bearer).send(body),
    patch: (path: string, body: object) => t.http.patch(`/api/v1${path}`).set('authorization', who.bearer).send(body),
    delete: (path: string) => t.http.delete(`/api/v1${path}`).set('authorization', who.bearer),
  });
  const mentor = () => as(p.mentors[0]);
  const fellow = () => as(p.fellowSessions[0]);
  const plans = (pair = 0) => `/mentoring/pairs/${p.pairings[pair]}/planned-sessions`;
  const planBody = (overrides: Record<string, unknown> = {}) => ({
    startsAt: vietnamTime(3),
    durationMinutes: 60,
    mode: 'online',
    topics: ['market_entry'],
    agenda: 'Distributor shortlist; the visa for the second trip',
    ...overrides,
  });
  const row = async (id: string) =>
    (
      await t.db.query(`SELECT status, starts_at, duration_minutes, mode, agenda FROM planned_sessions WHERE id = $1`, [
        id,
      ])
    )[0] as Record<string, unknown>;
  const count = async () => Number((await t.db.query(`SELECT count(*) AS n FROM planned_sessions`))[0].n);
  const feedEvents = async (who: { bearer: string }) => {
    const res = await t.http.post('/api/v1/me/calendar').set('authorization', who.bearer).expect(201);
    const ics = (await t.http.get(new URL(res.body.url as string).pathname).expect(200)).text;
    return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  };

  it('the mentor schedules a session in Vietnam time; the fellow sees it, and both feeds carry it', async () => {
    const created = await mentor().post(plans(), planBody()).expect(201);
    const plan = created.body as Plan;
    expect(plan).toMatchObject({ status: 'planned', durationMinutes: 60, mode: 'online', scheduledBySide: 'mentor' });
    // 14:00 in Hà Nội is 07:00 UTC.
    expect(plan.startsAt).toBe(new Date(vietnamTime(3)).toISOString());
    expect(plan.startsAt.slice(11, 16)).toBe('07:00');
    const seen = (await fellow().get(plans()).expect(200)).body as Plan[];
    expect(seen).toEqual([
      expect.objectContaining({ id: plan.id, startsAt: plan.startsAt, agenda: planBody().agenda }),
    ]);
    const audit = await t.db.query(
      `SELECT actor_id FROM audit_log WHERE action = 'planned_session.scheduled' AND entity_id = $1`,
      [plan.id],
    );
    expect(audit).toEqual([{ actor_id: p.mentors[0].id }]);
    for (const [who, other] of [
      [p.mentors[0], p.fellows[0].fullName],
      [p.fellowSessions[0], 'Kenji Sato'],
    ] as const) {
      const event = (await feedEvents(who)).find((e) => e.uid === `planned-session-${plan.id}@vgbf-cohort`)!;
      expect(event.startDate.toJSDate().toISOString()).toBe(plan.startsAt);
      expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(60 * 60_000);
      expect(event.summary).toBe(`Mentoring: ${other}`);
      expect(event.description).toContain('Agenda: Distributor shortlist');
    }
    // The fellow may propose one too.
    const theirs = await fellow()
      .post(plans(), planBody({ startsAt: vietnamTime(10, 9), mode: 'phone' }))
      .expect(201);
    expect(theirs.body.scheduledBySide).toBe('fellow');
    expect(((await mentor().get(plans()).expect(200)).body as Plan[]).map((x) => x.id)).toEqual([
      plan.id,
      theirs.body.id,
    ]);
  });

  it('either side reschedules (same calendar UID, new time) or cancels (the feed marks it cancelled)', async () => {
    const plan = (
      await mentor()
        .post(plans(), planBody({ startsAt: vietnamTime(5) }))
        .expect(201)
    ).body as Plan;
    const moved = await fellow()
      .patch(`/mentoring/planned-sessions/${plan.id}`, { startsAt: vietnamTime(6, 16), durationMinutes: 90 })
      .expect(200);
    expect(moved.body).toMatchObject({ startsAt: new Date(vietnamTime(6, 16)).toISOString(), durationMinutes: 90 });
    let event = (await feedEvents(p.mentors[0])).find((e) => e.uid === `planned-session-${plan.id}@vgbf-cohort`)!;
    expect(event.startDate.toJSDate().toISOString()).toBe(moved.body.startsAt);
    expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(90 * 60_000);
    const cancelled = await mentor().post(`/mentoring/planned-sessions/${plan.id}/cancel`).expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    event = (await feedEvents(p.fellowSessions[0])).find((e) => e.uid === `planned-session-${plan.id}@vgbf-cohort`)!;
    expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    // A cancelled session stays as it is.
    for (const res of [
      await fellow().post(`/mentoring/planned-sessions/${plan.id}/cancel`).expect(409),
      await mentor().patch(`/mentoring/planned-sessions/${plan.id}`, { durationMinutes: 30 }).expect(409),
    ])
      expect(res.body.code).toBe('planned_session_closed');
    expect(await row(plan.id)).toMatchObject({ status: 'cancelled', duration_minutes: 90 });
  });

  it('refuses bad input with 400 field errors and writes nothing', async () => {
    const before = await count();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ startsAt: vietnamTime(-1) }, 'startsAt'],
      [{ startsAt: new Date(Date.now() + 400 * DAY).toISOString() }, 'startsAt'],
      [{ startsAt: vietnamTime(3).slice(0, 19) }, 'startsAt'], // no offset: which 14:00?
      [{ startsAt: 'tomorrow' }, 'startsAt'],
      [{ durationMinutes: 5 }, 'durationMinutes'],
      [{ durationMinutes: 'an hour' }, 'durationMinutes'],
      [{ mode: 'carrier pigeon' }, 'mode'],
      [{ topics: ['gossip'] }, 'topics'],
      [{ agenda: 'x'.repeat(2001) }, 'agenda'],
    ];
    for (const [overrides, field] of cases) {
      const res = await mentor().post(plans(), planBody(overrides)).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await count()).toBe(before);
    const plan = (
      await mentor()
        .post(plans(), planBody({ startsAt: vietnamTime(4) }))
        .expect(201)
    ).body as Plan;
    const stored = await row(plan.id);
    for (const [overrides, field] of cases) {
      const res = await fellow().patch(`/mentoring/planned-sessions/${plan.id}`, overrides).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    await mentor().post(`/mentoring/pairs/not-a-uuid/planned-sessions`, planBody()).expect(400);
    expect(await row(plan.id)).toEqual(stored);
  });

  it('another mentor or fellow gets a 404 for a pair or planned session that is not theirs, and changes nothing', async () => {
    const plan = (
      await mentor()
        .post(plans(), planBody({ startsAt: vietnamTime(7) }))
        .expect(201)
    ).body as Plan;
    const stored = await row(plan.id);
    const before = await count();
    for (const other of [as(p.mentors[1]), as(p.fellowSessions[1])]) {
      expect((await other.get(plans()).expect(404)).body.code).toBe('pairing_not_found');
      await other.post(plans(), planBody()).expect(404);
      const patched = await other.patch(`/mentoring/planned-sessions/${plan.id}`, { durationMinutes: 30 }).expect(404);
      expect(patched.body.code).toBe('planned_session_not_found');
      await other.post(`/mentoring/planned-sessions/${plan.id}/cancel`).expect(404);
      expect(((await other.get(plans(1)).expect(200)).body as Plan[]).map((x) => x.id)).not.toContain(plan.id);
    }
    await mentor().patch(`/mentoring/planned-sessions/00000000-0000-4000-8000-000000000000`, {}).expect(404);
    expect(await count()).toBe(before);
    expect(await row(plan.id)).toEqual(stored);
    // Nor may another mentor log it as theirs: their own pair, someone else's planned session.
    const sessions = Number((await t.db.query(`SELECT count(*) AS n FROM mentoring_sessions`))[0].n);
    const res = await as(p.mentors[1])
      .post(`/mentoring/pairs/${p.pairings[1]}/sessions`, sessionBody({ plannedSessionId: plan.id }))
      .expect(404);
    expect(res.body.code).toBe('planned_session_not_found');
    expect(Number((await t.db.query(`SELECT count(*) AS n FROM mentoring_sessions`))[0].n)).toBe(sessions);
  });

  it('after it took place the mentor logs it (prefilled), the fellow confirms; it cannot be logged twice', async () => {
    const plan = (
      await mentor()
        .post(plans(), planBody({ startsAt: vietnamTime(2), durationMinutes: 45 }))
        .expect(201)
    ).body as Plan;
    // Two days pass: the meeting took place yesterday at 14:00 in Hà Nội.
    const heldAt = new Date(vietnamTime(-1)).toISOString();
    await t.db.query(`UPDATE planned_sessions SET starts_at = $2 WHERE id = $1`, [plan.id, heldAt]);
    const logged = await mentor()
      .post(
        `/mentoring/pairs/${p.pairings[0]}/sessions`,
        sessionBody({ heldAt, durationMinutes: 45, topics: ['market_entry'], plannedSessionId: plan.id }),
      )
      .expect(201);
    expect(logged.body).toMatchObject({ heldAt, durationMinutes: 45, confirmed: false });
    const closed = ((await fellow().get(plans()).expect(200)).body as Plan[]).find((x) => x.id === plan.id);
    expect(closed).toMatchObject({ status: 'logged', sessionId: logged.body.id });
    // It leaves the feed as a plan; the session is there under its own UID.
    const uids = (await feedEvents(p.mentors[0])).map((e) => e.uid);
    expect(uids).toContain(`session-${logged.body.id}@vgbf-cohort`);
    expect(uids).not.toContain(`planned-session-${plan.id}@vgbf-cohort`);
    const again = await mentor()
      .post(`/mentoring/pairs/${p.pairings[0]}/sessions`, sessionBody({ heldAt, plannedSessionId: plan.id }))
      .expect(409);
    expect(again.body.code).toBe('planned_session_closed');
    const confirmed = await fellow().post(`/mentoring/sessions/${logged.body.id}/confirm`, { rating: 5 }).expect(200);
    expect(confirmed.body.confirmed).toBe(true);
  });

  it('a logged session deleted before confirmation opens its planned session again', async () => {
    const plan = (
      await mentor()
        .post(plans(), planBody({ startsAt: vietnamTime(2) }))
        .expect(201)
    ).body as Plan;
    const heldAt = new Date(vietnamTime(-2)).toISOString();
    await t.db.query(`UPDATE planned_sessions SET starts_at = $2 WHERE id = $1`, [plan.id, heldAt]);
    const logged = await mentor()
      .post(`/mentoring/pairs/${p.pairings[0]}/sessions`, sessionBody({ heldAt, plannedSessionId: plan.id }))
      .expect(201);
    await mentor().delete(`/mentoring/sessions/${logged.body.id}`).expect(204);
    expect(await row(plan.id)).toMatchObject({ status: 'planned' });
  });

  it('nobody schedules for a pair that has ended (409)', async () => {
    await t.db.query(`UPDATE pairings SET status = 'ended', ended_at = now() WHERE id = $1`, [p.pairings[1]]);
    const res = await as(p.mentors[1]).post(plans(1), planBody()).expect(409);
    expect(res.body.code).toBe('pairing_ended');
  });
});
