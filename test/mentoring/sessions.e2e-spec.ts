import { type TestApp, createTestApp } from '../support/test-app';
import { DAY, type Pairs, dayFromNow, mentoringPairs, sessionBody } from './mentoring-setup';

describe('Mentoring sessions', () => {
  let t: TestApp;
  let p: Pairs;
  const count = async (pairingId: string): Promise<number> =>
    Number(
      (
        await t.db.query<Array<{ n: string }>>(`SELECT count(*) AS n FROM mentoring_sessions WHERE pairing_id = $1`, [
          pairingId,
        ])
      )[0]?.n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    p = await mentoringPairs(t, 3);
  }, 60_000);
  afterAll(() => t.close());

  const as = (who: { bearer: string }) => ({
    get: (path: string) => t.http.get(`/api/v1${path}`).set('authorization', who.bearer),
    post: (path: string, body: object = {}) =>
      t.http.post(`/api/v1${path}`).set('authorization', who.bearer).send(body),
    patch: (path: string, body: object) => t.http.patch(`/api/v1${path}`).set('authorization', who.bearer).send(body),
    delete: (path: string) => t.http.delete(`/api/v1${path}`).set('authorization', who.bearer),
  });

  let confirmedId: string;

  it('a mentor logs a session, the fellow sees it unconfirmed, then confirms and rates it once', async () => {
    const mentor = as(p.mentors[0]);
    const fellow = as(p.fellowSessions[0]);
    const logged = await mentor.post(`/mentoring/pairs/${p.pairings[0]}/sessions`, sessionBody()).expect(201);
    expect(logged.body).toMatchObject({
      pairingId: p.pairings[0],
      durationMinutes: 60,
      topics: ['market_entry', 'partnerships'],
      actionItems: [{ text: 'Send the shortlist', dueOn: dayFromNow(7) }],
      loggedBy: p.mentors[0].id,
      confirmed: false,
      rating: null,
    });
    confirmedId = logged.body.id;

    const seen = await fellow.get(`/mentoring/pairs/${p.pairings[0]}/sessions`).expect(200);
    expect(seen.body).toEqual([expect.objectContaining({ id: confirmedId, confirmed: false })]);

    const confirmed = await fellow
      .post(`/mentoring/sessions/${confirmedId}/confirm`, { rating: 4, comment: 'Very practical' })
      .expect(200);
    expect(confirmed.body).toMatchObject({ confirmed: true, rating: 4, ratingComment: 'Very practical' });
    const again = await fellow.post(`/mentoring/sessions/${confirmedId}/confirm`, { rating: 1 }).expect(409);
    expect(again.body.code).toBe('session_confirmed');
    expect((await mentor.get(`/mentoring/pairs/${p.pairings[0]}/sessions`).expect(200)).body[0]).toMatchObject({
      confirmed: true,
      rating: 4,
    });
  });

  it('another mentor cannot see or log for a pair that is not theirs, nor touch its sessions (404)', async () => {
    const other = as(p.mentors[1]);
    const before = await count(p.pairings[0]);
    expect((await other.get(`/mentoring/pairs/${p.pairings[0]}/sessions`).expect(404)).body.code).toBe(
      'pairing_not_found',
    );
    await other.post(`/mentoring/pairs/${p.pairings[0]}/sessions`, sessionBody()).expect(404);
    const unconfirmed = await as(p.mentors[0])
      .post(`/mentoring/pairs/${p.pairings[0]}/sessions`, sessionBody())
      .expect(201);
    await other.patch(`/mentoring/sessions/${unconfirmed.body.id}`, { durationMinutes: 90 }).expect(404);
    await other.delete(`/mentoring/sessions/${unconfirmed.body.id}`).expect(404);
    // Another fellow neither sees nor confirms it.
    await as(p.fellowSessions[1]).get(`/mentoring/pairs/${p.pairings[0]}/sessions`).expect(404);
    await as(p.fellowSessions[1]).post(`/mentoring/sessions/${unconfirmed.body.id}/confirm`, {}).expect(404);
    expect(await count(p.pairings[0])).toBe(before + 1);
    const theirs = await other.get('/mentoring/pairs').expect(200);
    expect(theirs.body.active.map((x: { id: string }) => x.id)).toEqual([p.pairings[1]]);
    await as(p.mentors[0]).delete(`/mentoring/sessions/${unconfirmed.body.id}`).expect(204);
  });

  it('the mentor edits and deletes a session until the fellow confirms it; after that, 409', async () => {
    const mentor = as(p.mentors[0]);
    const s = await mentor.post(`/mentoring/pairs/${p.pairings[0]}/sessions`, sessionBody()).expect(201);
    const edited = await mentor
      .patch(`/mentoring/sessions/${s.body.id}`, { durationMinutes: 90, topics: ['other'], otherTopic: 'Visas' })
      .expect(200);
    expect(edited.body).toMatchObject({ durationMinutes: 90, topics: ['other'], otherTopic: 'Visas' });
    await mentor.delete(`/mentoring/sessions/${s.body.id}`).expect(204);
    await mentor.get(`/mentoring/pairs/${p.pairings[0]}/sessions`).expect(200);
    expect((await mentor.patch(`/mentoring/sessions/${confirmedId}`, { notes: 'x' }).expect(409)).body.code).toBe(
      'session_confirmed',
    );
    await mentor.delete(`/mentoring/sessions/${confirmedId}`).expect(409);
    const audit = await t.db.query<Array<{ action: string }>>(
      `SELECT action FROM audit_log WHERE entity_type = 'mentoring_session' AND entity_id = $1 ORDER BY created_at`,
      [s.body.id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'mentoring_session.logged',
      'mentoring_session.updated',
      'mentoring_session.deleted',
    ]);
  });

  it.each([
    ['durationMinutes', { durationMinutes: 10 }],
    ['durationMinutes', { durationMinutes: 481 }],
    ['mode', { mode: 'telepathy' }],
    ['topics', { topics: ['astrology'] }],
    ['topics', { topics: [] }],
    ['notes', { notes: 'x'.repeat(5001) }],
    ['actionItems', { actionItems: Array.from({ length: 21 }, () => ({ text: 'a' })) }],
    ['actionItems.0.dueOn', { actionItems: [{ text: 'a', dueOn: '2027-02-30' }] }],
    // Issue 12: a real day, within a few years of today; text people can see.
    ['actionItems.0.dueOn', { actionItems: [{ text: 'a', dueOn: '9999-12-31' }] }],
    ['actionItems.0.dueOn', { actionItems: [{ text: 'a', dueOn: dayFromNow(4 * 366) }] }],
    ['actionItems.0.dueOn', { actionItems: [{ text: 'a', dueOn: '0000-00-00' }] }],
    ['actionItems.0.text', { actionItems: [{ text: '\u200B\u200B' }] }],
    ['heldAt', { heldAt: 'yesterday' }],
    ['heldAt', { heldAt: new Date(Date.now() + DAY).toISOString() }],
    // The earliest allowed is midnight in Vietnam 30 days before the start (60 days ago, a UTC
    // date): 91 days back is only out of range before 17:00 UTC, so go a day further.
    ['heldAt', { heldAt: new Date(Date.now() - 92 * DAY).toISOString() }],
    ['otherTopic', { topics: ['other'] }],
    ['surprise', { surprise: true }],
  ])('refuses a log with a bad %s (400, field errors, nothing written)', async (field, overrides) => {
    const before = await count(p.pairings[0]);
    const res = await as(p.mentors[0])
      .post(`/mentoring/pairs/${p.pairings[0]}/sessions`, sessionBody(overrides))
      .expect(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await count(p.pairings[0])).toBe(before);
  });

  it('refuses a bad edit and a bad rating (400), changing nothing', async () => {
    const s = await as(p.mentors[0]).post(`/mentoring/pairs/${p.pairings[0]}/sessions`, sessionBody()).expect(201);
    const edit = await as(p.mentors[0]).patch(`/mentoring/sessions/${s.body.id}`, { durationMinutes: 5 }).expect(400);
    expect(edit.body.errors[0].field).toBe('durationMinutes');
    const rate = await as(p.fellowSessions[0])
      .post(`/mentoring/sessions/${s.body.id}/confirm`, { rating: 6 })
      .expect(400);
    expect(rate.body.errors[0].field).toBe('rating');
    const [row] = await t.db.query<Array<{ duration_minutes: number; confirmed_at: Date | null }>>(
      `SELECT duration_minutes, confirmed_at FROM mentoring_sessions WHERE id = $1`,
      [s.body.id],
    );
    expect(row).toEqual({ duration_minutes: 60, confirmed_at: null });
    await as(p.mentors[0]).delete(`/mentoring/sessions/${s.body.id}`).expect(204);
  });

  it('each side sees its own pairs: the mentor their fellow, the fellow their mentor, ended ones apart', async () => {
    // Fellow 2 had mentor 0 before; that pair ended.
    await t.db.query(`UPDATE pairings SET status = 'ended', ended_at = now(), mentor_id = $2 WHERE id = $1`, [
      p.pairings[2],
      p.mentors[0].id,
    ]);
    const mentor = (await as(p.mentors[0]).get('/mentoring/pairs').expect(200)).body;
    expect(mentor.active).toHaveLength(1);
    expect(mentor.active[0]).toMatchObject({
      id: p.pairings[0],
      viewedAs: 'mentor',
      fellow: {
        fullName: p.fellows[0].fullName,
        email: p.fellows[0].email,
        enterpriseName: 'Công ty 1',
        sector: 'agritech',
        startDate: dayFromNow(-60),
      },
      stats: { sessions: 1, unconfirmed: 0, averageRating: 4 },
    });
    expect(mentor.ended.map((x: { id: string }) => x.id)).toEqual([p.pairings[2]]);
    const fellow = (await as(p.fellowSessions[0]).get('/mentoring/pairs').expect(200)).body;
    expect(fellow.active[0]).toMatchObject({
      viewedAs: 'fellow',
      mentor: {
        fullName: 'Kenji Sato',
        organisation: 'Sato Trading',
        email: p.mentors[0].email,
        city: 'Tokyo',
        timeZone: 'Asia/Tokyo',
      },
    });
    expect(fellow.ended).toEqual([]);
    // No more sessions for an ended pair.
    expect(
      (await as(p.mentors[0]).post(`/mentoring/pairs/${p.pairings[2]}/sessions`, sessionBody()).expect(409)).body.code,
    ).toBe('pairing_ended');
  });

  it('staff see every pair with stats equal to an independent calculation, and the cohort totals', async () => {
    // Sessions across months (by Vietnam's calendar), some rated, some unconfirmed.
    const now = Date.now();
    const spec: Array<[number, number, number, number | null, boolean]> = [
      // pair, days ago, minutes, rating, confirmed
      [0, 0.2, 45, 5, true],
      [0, 40, 120, 3, true],
      [0, 1, 30, null, false],
      [1, 3, 60, 2, true],
      [1, 0.5, 90, null, true],
      [1, 45, 75, null, false],
    ];
    for (const [pair, daysAgo, minutes, rating, confirmed] of spec) {
      await t.db.query(
        `INSERT INTO mentoring_sessions (pairing_id, held_at, duration_minutes, mode, topics, logged_by, confirmed_at, rating)
         SELECT id, $2, $3, 'online', '{esg}', mentor_id, $4, $5 FROM pairings WHERE id = $1`,
        [p.pairings[pair], new Date(now - daysAgo * DAY), minutes, confirmed ? new Date() : null, rating],
      );
    }
    const rows = await t.db.query<
      Array<{
        pairing_id: string;
        held_at: Date;
        duration_minutes: number;
        rating: number | null;
        confirmed_at: Date | null;
      }>
    >(`SELECT pairing_id, held_at, duration_minutes, rating, confirmed_at FROM mentoring_sessions`);
    const month = (d: Date) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' }).format(d);
    const round2 = (x: number) => Math.round(x * 100) / 100;
    const expected = (list: typeof rows) => {
      const rated = list.filter((r) => r.rating !== null).map((r) => r.rating as number);
      return {
        sessions: list.length,
        sessionsThisMonth: list.filter((r) => month(r.held_at) === month(new Date())).length,
        hours: round2(list.reduce((s, r) => s + r.duration_minutes, 0) / 60),
        averageRating: rated.length ? round2(rated.reduce((a, b) => a + b, 0) / rated.length) : null,
        unconfirmed: list.filter((r) => r.confirmed_at === null).length,
      };
    };
    const res = await as(p.staff).get(`/cohorts/${p.cohortId}/mentoring/pairs`).expect(200);
    expect(res.body.pairs).toHaveLength(3);
    for (const pairingId of p.pairings) {
      const list = rows.filter((r) => r.pairing_id === pairingId);
      const pair = res.body.pairs.find((x: { id: string }) => x.id === pairingId);
      const last = list.length ? new Date(Math.max(...list.map((r) => r.held_at.getTime()))).toISOString() : null;
      expect(pair.stats).toEqual({ ...expected(list), lastSessionAt: last });
    }
    const { sessions, sessionsThisMonth, hours, averageRating, unconfirmed } = expected(rows);
    expect(res.body.totals).toEqual({
      pairs: 3,
      activePairs: 2,
      sessions,
      sessionsThisMonth,
      hours,
      averageRating,
      unconfirmed,
    });
    await as(p.staff).get(`/cohorts/00000000-0000-4000-8000-000000000000/mentoring/pairs`).expect(404);
  });

  it("staff read a pair's activity: its sessions and feedback", async () => {
    const res = await as(p.staff).get(`/mentoring/pairs/${p.pairings[0]}/activity`).expect(200);
    expect(res.body.pair.id).toBe(p.pairings[0]);
    expect(res.body.sessions.length).toBe(4);
    expect(res.body.feedback).toEqual([]);
    await as(p.staff).get(`/mentoring/pairs/00000000-0000-4000-8000-000000000000/activity`).expect(404);
  });
  it('after a pair ends its mentor can no longer change its sessions, nor either side give feedback; the fellow still confirms', async () => {
    const mentor = as(p.mentors[1]);
    const logged = await mentor.post(`/mentoring/pairs/${p.pairings[1]}/sessions`, sessionBody()).expect(201);
    await t.db.query(`UPDATE pairings SET status = 'ended', ended_at = now() WHERE id = $1`, [p.pairings[1]]);
    const ended = (res: { body: { code: string } }) => expect(res.body.code).toBe('pairing_ended');
    ended(await mentor.patch(`/mentoring/sessions/${logged.body.id}`, { durationMinutes: 90 }).expect(409));
    ended(await mentor.delete(`/mentoring/sessions/${logged.body.id}`).expect(409));
    ended(await mentor.post(`/mentoring/pairs/${p.pairings[1]}/sessions`, sessionBody()).expect(409));
    for (const who of [p.mentors[1], p.fellowSessions[1]])
      ended(
        await t.http
          .put(`/api/v1/mentoring/pairs/${p.pairings[1]}/feedback/month_1`)
          .set('authorization', who.bearer)
          .send({ answers: { usefulness: 4, responsive: true } })
          .expect(409),
      );
    const [row] = await t.db.query(`SELECT duration_minutes FROM mentoring_sessions WHERE id = $1`, [logged.body.id]);
    expect(row.duration_minutes).toBe(sessionBody().durationMinutes);
    // What took place while the pair was active may still be confirmed by the fellow.
    await as(p.fellowSessions[1]).post(`/mentoring/sessions/${logged.body.id}/confirm`, { rating: 4 }).expect(200);
  });
});
