import type { INestApplicationContext } from '@nestjs/common';
import { Clock } from '@vgbf/core';
import { ReminderPipeline } from '@vgbf/notifications';
import { DATA_REQUEST_FAMILY } from '@vgbf/privacy';
import { type TestApp, createTestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';
import { type SignedIn, signIn } from '../support/users';

/** An instant given as Vietnam wall time. */
const at = (local: string): Date => new Date(`${local}:00+07:00`);

describe('Reminders before a request’s legal deadline and the escalation after (controlled clock)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let pipeline: ReminderPipeline;
  let clock: jest.SpyInstance<Date, []>;
  let person: SignedIn;
  let staff: SignedIn;
  let admin: SignedIn;
  let requestId: string;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startTestWorker(t.env);
    pipeline = worker.get(ReminderPipeline);
    clock = jest.spyOn(t.app.get(Clock), 'now');
    person = await signIn(t, ['applicant'], 'person');
    staff = await signIn(t, ['staff'], 'staff');
    admin = await signIn(t, ['admin'], 'admin');
  }, 60_000);
  afterAll(async () => {
    clock.mockRestore();
    await worker?.close();
    await t.close();
  });

  /** The family's run of the one reminder pipeline at this Vietnam time, as the hourly job does it. */
  const run = (local: string) => pipeline.sendFamily(DATA_REQUEST_FAMILY, at(local));
  const emails = () =>
    t.db.query<Array<{ to: string; template: string; dueOn: string }>>(
      `SELECT payload->>'to' AS to, payload->>'template' AS template, payload->'data'->>'dueOn' AS "dueOn" FROM outbox
        WHERE payload->>'template' = 'data-request-due-soon' OR payload->>'template' = 'data-request-overdue'
        ORDER BY created_at, payload->>'to'`,
    );

  it('is a family of the one pipeline', () => {
    expect(pipeline.registered()).toContain(DATA_REQUEST_FAMILY);
  });

  it('a request filed on Friday 27 February 2026 must be acknowledged by Tuesday 3 March', async () => {
    clock.mockReturnValue(at('2026-02-27T16:00'));
    const res = await t.http
      .post('/api/v1/me/data-requests')
      .set('authorization', person.bearer)
      .send({ kind: 'objection', details: 'Tôi phản đối việc gửi hồ sơ cho đối tác.' })
      .expect(201);
    requestId = res.body.id;
    expect(res.body).toMatchObject({ acknowledgeBy: '2026-03-03', dueOn: '2026-03-20' });
  });

  it('sends nothing while the deadline is more than 2 days away', async () => {
    expect(await run('2026-02-27T17:00')).toEqual({ sent: 0, digest: 0, skipped: 0 });
  });

  it('reminds staff 2 days before, once however often the job runs', async () => {
    expect(await run('2026-03-01T08:00')).toEqual({ sent: 1, digest: 0, skipped: 0 });
    expect(await run('2026-03-01T09:00')).toEqual({ sent: 0, digest: 0, skipped: 0 });
    expect(await emails()).toEqual([{ to: staff.email, template: 'data-request-due-soon', dueOn: '2026-03-03' }]);
  });

  it('reminds staff on the day, then escalates to staff and admins the day after', async () => {
    expect(await run('2026-03-03T08:00')).toEqual({ sent: 1, digest: 0, skipped: 0 });
    expect(await run('2026-03-04T08:00')).toEqual({ sent: 2, digest: 0, skipped: 0 });
    expect(await run('2026-03-04T15:00')).toEqual({ sent: 0, digest: 0, skipped: 0 });
    const escalation = (await emails()).filter((e) => e.template === 'data-request-overdue');
    expect(escalation.map((e) => e.to).sort()).toEqual([admin.email, staff.email].sort());
  });

  it('once acknowledged, the chain starts afresh on the completion deadline (20 March) and stops when done', async () => {
    clock.mockReturnValue(at('2026-03-04T16:00'));
    await t.http.post(`/api/v1/data-requests/${requestId}/acknowledge`).set('authorization', staff.bearer).expect(200);
    expect(await run('2026-03-05T08:00')).toEqual({ sent: 0, digest: 0, skipped: 0 });
    expect(await run('2026-03-18T08:00')).toEqual({ sent: 1, digest: 0, skipped: 0 });
    expect((await emails()).at(-1)).toEqual({
      to: staff.email,
      template: 'data-request-due-soon',
      dueOn: '2026-03-20',
    });
    await t.http
      .post(`/api/v1/data-requests/${requestId}/complete`)
      .set('authorization', staff.bearer)
      .send({ answer: 'Your profile is no longer shared with partners.' })
      .expect(200);
    expect(await run('2026-03-20T08:00')).toEqual({ sent: 0, digest: 0, skipped: 0 });
    expect(await run('2026-03-23T08:00')).toEqual({ sent: 0, digest: 0, skipped: 0 });
  });
});
