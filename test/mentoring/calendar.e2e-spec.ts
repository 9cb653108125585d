import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { type TestApp, createTestApp } from '../support/test-app';
import { signIn } from '../support/users';
import { DAY, type Pairs, dayFromNow, mentoringPairs, sessionBody } from './mentoring-setup';

describe('The personal iCal feed', () => {
  let t: TestApp;
  let p: Pairs;
  const sessions: Array<{ id: string; heldAt: string }> = [];

  beforeAll(async () => {
    t = await createTestApp();
    p = await mentoringPairs(t, 2);
    for (const body of [
      sessionBody({ heldAt: new Date(Date.now() - 3 * DAY).toISOString(), durationMinutes: 90, actionItems: [] }),
      sessionBody({ actionItems: [{ text: 'Call the importer' }, { text: 'Draft the deck', dueOn: dayFromNow(10) }] }),
    ]) {
      const res = await t.http
        .post(`/api/v1/mentoring/pairs/${p.pairings[0]}/sessions`)
        .set('authorization', p.mentors[0].bearer)
        .send(body)
        .expect(201);
      sessions.push(res.body);
    }
  }, 60_000);
  afterAll(() => t.close());

  const createFeed = async (who: { bearer: string }): Promise<string> => {
    const res = await t.http.post('/api/v1/me/calendar').set('authorization', who.bearer).expect(201);
    expect(res.body.url).toMatch(/^https?:\/\/.+\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    return new URL(res.body.url as string).pathname;
  };
  const events = (text: string) =>
    new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

  it('lists the mentor’s sessions as events and dated action items as all-day events, with stable UIDs', async () => {
    const path = await createFeed(p.mentors[0]);
    const res = await t.http.get(path).expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const list = events(res.text);
    expect(list).toHaveLength(3);
    const first = list.find((e) => e.uid === `session-${sessions[0].id}@vgbf-cohort`)!;
    // iCalendar times are to the second.
    expect(first.startDate.toJSDate().getTime()).toBe(Math.floor(Date.parse(sessions[0].heldAt) / 1000) * 1000);
    expect(first.endDate.toJSDate().getTime() - first.startDate.toJSDate().getTime()).toBe(90 * 60_000);
    expect(first.summary).toBe(`Mentoring: ${p.fellows[0].fullName}`);
    const action = list.find((e) => e.summary === 'Action: Draft the deck')!;
    expect(action.startDate.isDate).toBe(true);
    expect(action.startDate.toString()).toBe(dayFromNow(10));
    expect(action.uid).toBe(`action-${sessions[1].id}-1@vgbf-cohort`);
    // Topics and mode by their labels (this mentor reads English), never as codes.
    expect(first.description).toBe('Video call. Topics: Market entry, Partnerships');
    // Fetched again: the same UIDs, so calendar apps update rather than duplicate.
    expect(events((await t.http.get(path).expect(200)).text).map((e) => e.uid)).toEqual(list.map((e) => e.uid));
  });

  it('stores only a hash of the token', async () => {
    const path = await createFeed(p.fellowSessions[0]);
    const token = /calendar\/(.+)\.ics$/.exec(path)![1];
    const rows = await t.db.query<Array<{ token_hash: string }>>(
      `SELECT token_hash FROM calendar_feeds WHERE user_id = $1 AND revoked_at IS NULL`,
      [p.fellows[0].userId],
    );
    expect(rows).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }]);
    // The fellow's feed has the same sessions, under the same UIDs, named after the mentor.
    const list = events((await t.http.get(path).expect(200)).text);
    expect(list.filter((e) => e.uid.startsWith('session-')).map((e) => e.summary)).toEqual([
      'Mentoring: Kenji Sato',
      'Mentoring: Kenji Sato',
    ]);
  });

  it('shows nobody else’s sessions', async () => {
    const path = await createFeed(p.mentors[1]);
    expect(events((await t.http.get(path).expect(200)).text)).toEqual([]);
    const stranger = await signIn(t, ['applicant'], 'stranger');
    expect(events((await t.http.get(await createFeed(stranger)).expect(200)).text)).toEqual([]);
  });

  it('speaks the owner’s language: a Vietnamese account reads Vietnamese words, topics and modes', async () => {
    const mentor = p.mentors[0];
    await t.http.patch('/api/v1/me').set('authorization', mentor.bearer).send({ language: 'vi' }).expect(200);
    try {
      const text = (await t.http.get(await createFeed(mentor)).expect(200)).text;
      const list = events(text);
      const first = list.find((e) => e.uid === `session-${sessions[0].id}@vgbf-cohort`)!;
      expect(first.summary).toBe(`Buổi gặp cố vấn: ${p.fellows[0].fullName}`);
      expect(first.description).toBe('Gọi video. Chủ đề: Thâm nhập thị trường, Đối tác');
      const action = list.find((e) => e.uid === `action-${sessions[1].id}-1@vgbf-cohort`)!;
      expect(action.summary).toBe('Việc cần làm: Draft the deck');
      expect(action.description).toMatch(
        new RegExp(`^Từ buổi gặp cố vấn với ${p.fellows[0].fullName} ngày \\d{2}/\\d{2}/\\d{4}$`),
      );
      // No code and no English word of the feed reaches a Vietnamese reader.
      for (const e of list)
        expect(`${e.summary} ${e.description}`).not.toMatch(/[a-z]+_[a-z]+|Topics|Mentoring|online/);
    } finally {
      await t.http.patch('/api/v1/me').set('authorization', mentor.bearer).send({ language: 'en' }).expect(200);
    }
  });

  it('rotating stops the old URL; revoking stops the feed; an unknown token is a 404', async () => {
    const old = await createFeed(p.mentors[0]);
    const rotated = await createFeed(p.mentors[0]);
    expect(rotated).not.toBe(old);
    const gone = await t.http.get(old).expect(404);
    expect(gone.headers['content-type']).toMatch(/problem\+json/);
    await t.http.get(rotated).expect(200);
    await t.http.delete('/api/v1/me/calendar').set('authorization', p.mentors[0].bearer).expect(204);
    await t.http.get(rotated).expect(404);
    await t.http.get('/api/v1/calendar/not-a-token.ics').expect(404);
    await t.http.delete('/api/v1/me/calendar').expect(401);
  });
});
