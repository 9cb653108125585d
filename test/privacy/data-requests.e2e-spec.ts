import { Clock } from '@vgbf/core';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

/** An instant given as Vietnam wall time. */
const at = (local: string): Date => new Date(`${local}:00+07:00`);

describe("People's requests about their personal data", () => {
  let t: TestApp;
  let clock: jest.SpyInstance<Date, []>;
  let person: SignedIn;
  let other: SignedIn;
  let staff: SignedIn;
  let reviewer: SignedIn;
  let mentor: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    clock = jest.spyOn(t.app.get(Clock), 'now');
    person = await signIn(t, ['applicant'], 'person');
    other = await signIn(t, ['applicant'], 'other');
    staff = await signIn(t, ['staff'], 'staff');
    reviewer = await signIn(t, ['reviewer'], 'reviewer');
    mentor = await signIn(t, ['mentor'], 'mentor');
  }, 60_000);
  afterAll(async () => {
    clock.mockRestore();
    await t.close();
  });

  const count = async (table: 'data_requests' | 'outbox' | 'audit_log'): Promise<number> =>
    Number((await t.db.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n);
  const emailsTo = async (to: string) =>
    t.db.query<Array<{ template: string; data: Record<string, string> }>>(
      `SELECT payload->>'template' AS template, payload->'data' AS data FROM outbox WHERE payload->>'to' = $1 ORDER BY created_at`,
      [to],
    );
  const audit = async (id: string) =>
    (
      await t.db.query<Array<{ action: string }>>(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [id])
    ).map((r) => r.action);

  let accessId: string;

  it('a person files an access request on Friday 13 February 2026: acknowledge by 24 February, complete by 13 March (Tết off)', async () => {
    clock.mockReturnValue(at('2026-02-13T20:00'));
    const res = await t.http
      .post('/api/v1/me/data-requests')
      .set('authorization', person.bearer)
      .send({ kind: 'access', details: 'Tôi muốn bản sao toàn bộ dữ liệu của tôi.' })
      .expect(201);
    accessId = res.body.id;
    expect(res.body).toMatchObject({
      kind: 'access',
      channel: 'account',
      state: 'received',
      receivedOn: '2026-02-13',
      acknowledgeBy: '2026-02-24',
      // 15 working days: 23–27 Feb, 2–6 Mar, 9–13 Mar.
      dueOn: '2026-03-13',
      urgency: 'due_soon',
      exportReady: false,
      actions: ['acknowledge', 'refuse'],
      person: { id: person.id, email: person.email },
    });
    expect(await audit(accessId)).toEqual(['data_request.received']);
  });

  it('refuses a second open request of the same kind, and bad input, writing nothing', async () => {
    const before = [await count('data_requests'), await count('outbox'), await count('audit_log')];
    const dup = await t.http
      .post('/api/v1/me/data-requests')
      .set('authorization', person.bearer)
      .send({ kind: 'access', details: 'again' })
      .expect(409);
    expect(dup.body.code).toBe('data_request_open');
    for (const body of [
      {},
      { kind: 'everything', details: 'x' },
      { kind: 'access', details: '   ' },
      { kind: 'access', details: 'x'.repeat(4001) },
      { kind: 'access', details: 42 },
    ]) {
      const res = await t.http.post('/api/v1/me/data-requests').set('authorization', person.bearer).send(body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors.length).toBeGreaterThan(0);
    }
    for (const body of [
      { kind: 'access', details: 'x', channel: 'email' },
      { kind: 'deletion', details: 'x', channel: 'pigeon', subjectUserId: other.id },
      { kind: 'deletion', details: 'x', channel: 'account', subjectUserId: other.id },
      { kind: 'deletion', details: 'x', channel: 'letter', subjectUserId: 'nope' },
      { kind: 'deletion', details: 'x', channel: 'letter', subjectUserId: other.id, processorMustAct: 'yes' },
    ]) {
      const res = await t.http.post('/api/v1/data-requests').set('authorization', staff.bearer).send(body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
    const ghost = await t.http.post('/api/v1/data-requests').set('authorization', staff.bearer).send({
      kind: 'deletion',
      details: 'x',
      channel: 'letter',
      subjectUserId: '00000000-0000-4000-8000-000000000000',
    });
    expect(ghost.status).toBe(404);
    for (const [path, body] of [
      ['extend', {}],
      ['extend', { days: 16, reason: 'too long' }],
      ['extend', { days: 0, reason: 'zero' }],
      ['extend', { days: 2.5, reason: 'half' }],
      ['extend', { days: 5, reason: ' ' }],
      ['complete', {}],
      ['complete', { answer: '' }],
      ['refuse', { reason: null }],
    ] as const) {
      const res = await t.http
        .post(`/api/v1/data-requests/${accessId}/${path}`)
        .set('authorization', staff.bearer)
        .send(body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
    expect([await count('data_requests'), await count('outbox'), await count('audit_log')]).toEqual(before);
  });

  it('shows a request to its person and staff only; the queue to staff only', async () => {
    await t.http.get(`/api/v1/data-requests/${accessId}`).set('authorization', person.bearer).expect(200);
    await t.http.get(`/api/v1/data-requests/${accessId}`).set('authorization', staff.bearer).expect(200);
    for (const someone of [other, reviewer, mentor]) {
      await t.http.get(`/api/v1/data-requests/${accessId}`).set('authorization', someone.bearer).expect(404);
      const mine = await t.http.get('/api/v1/me/data-requests').set('authorization', someone.bearer).expect(200);
      expect(mine.body).toEqual([]);
    }
    for (const someone of [person, reviewer, mentor]) {
      await t.http.get('/api/v1/data-requests').set('authorization', someone.bearer).expect(403);
      await t.http
        .post(`/api/v1/data-requests/${accessId}/acknowledge`)
        .set('authorization', someone.bearer)
        .expect(403);
    }
    const mine = await t.http.get('/api/v1/me/data-requests').set('authorization', person.bearer).expect(200);
    expect(mine.body.map((r: { id: string }) => r.id)).toEqual([accessId]);
  });

  it('staff file a deletion for someone by letter, with a processor: 20 working days', async () => {
    clock.mockReturnValue(at('2026-03-02T09:00'));
    const res = await t.http
      .post('/api/v1/data-requests')
      .set('authorization', staff.bearer)
      .send({
        kind: 'deletion',
        details: 'Thư ngày 28/2',
        channel: 'letter',
        subjectUserId: other.id,
        processorMustAct: true,
      })
      .expect(201);
    expect(res.body).toMatchObject({
      channel: 'letter',
      receivedOn: '2026-03-02',
      acknowledgeBy: '2026-03-04',
      dueOn: '2026-03-30',
    });
    const queue = await t.http.get('/api/v1/data-requests').set('authorization', staff.bearer).expect(200);
    expect(queue.body.map((r: { id: string }) => r.id)).toEqual([accessId, res.body.id]);
    // Filters.
    const deletions = await t.http
      .get('/api/v1/data-requests?kind=deletion')
      .set('authorization', staff.bearer)
      .expect(200);
    expect(deletions.body.map((r: { kind: string }) => r.kind)).toEqual(['deletion']);
    await t.http.get('/api/v1/data-requests?state=nonsense').set('authorization', staff.bearer).expect(400);
    // Seen on 2 March, the access request's acknowledgement (24 February) is overdue.
    expect(queue.body[0]).toMatchObject({ urgency: 'overdue', workingDaysLeft: -4 });
  });

  it('acknowledges, extends once with a reason, completes with an answer: each emailed and audited', async () => {
    clock.mockReturnValue(at('2026-03-03T10:00'));
    const ack = await t.http
      .post(`/api/v1/data-requests/${accessId}/acknowledge`)
      .set('authorization', staff.bearer)
      .expect(200);
    expect(ack.body).toMatchObject({ state: 'acknowledged', actions: ['start', 'extend', 'complete', 'refuse'] });
    const again = await t.http
      .post(`/api/v1/data-requests/${accessId}/acknowledge`)
      .set('authorization', staff.bearer)
      .expect(409);
    expect(again.body.code).toBe('data_request_transition');
    await t.http.post(`/api/v1/data-requests/${accessId}/start`).set('authorization', staff.bearer).expect(200);
    const ext = await t.http
      .post(`/api/v1/data-requests/${accessId}/extend`)
      .set('authorization', staff.bearer)
      .send({ days: 15, reason: 'Đối tác tại Singapore cần gửi bản sao.' })
      .expect(200);
    // 13 March + 15 working days (no holiday): 3 April.
    expect(ext.body).toMatchObject({ dueOn: '2026-04-03', extensionDays: 15, actions: ['complete', 'refuse'] });
    const twice = await t.http
      .post(`/api/v1/data-requests/${accessId}/extend`)
      .set('authorization', staff.bearer)
      .send({ days: 1, reason: 'again' })
      .expect(409);
    expect(twice.body.code).toBe('data_request_already_extended');
    const done = await t.http
      .post(`/api/v1/data-requests/${accessId}/complete`)
      .set('authorization', staff.bearer)
      .send({ answer: 'Your data is ready to download on the My data page.' })
      .expect(200);
    expect(done.body).toMatchObject({ state: 'completed', exportReady: true, urgency: null, actions: [] });
    expect(await audit(accessId)).toEqual([
      'data_request.received',
      'data_request.acknowledge',
      'data_request.start',
      'data_request.extend',
      'data_request.complete',
    ]);
    const emails = await emailsTo(person.email);
    expect(emails.map((e) => e.template)).toEqual([
      'data-request-acknowledged',
      'data-request-extended',
      'data-request-completed',
    ]);
    expect(emails[1]?.data).toMatchObject({
      dueOn: '2026-04-03',
      reason: 'Đối tác tại Singapore cần gửi bản sao.',
      kind: 'data access',
    });
    expect(emails[2]?.data.answer).toBe('Your data is ready to download on the My data page.');
  });

  it('refuses with a reason told to the person', async () => {
    const [deletion] = await t.db.query<Array<{ id: string }>>(`SELECT id FROM data_requests WHERE kind = 'deletion'`);
    const res = await t.http
      .post(`/api/v1/data-requests/${deletion?.id}/refuse`)
      .set('authorization', staff.bearer)
      .send({ reason: 'Kept under a legal obligation until 2027.' })
      .expect(200);
    expect(res.body).toMatchObject({ state: 'refused', answer: 'Kept under a legal obligation until 2027.' });
    expect((await emailsTo(other.email)).map((e) => e.template)).toEqual(['data-request-refused']);
  });
});
