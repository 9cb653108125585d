import type { INestApplicationContext } from '@nestjs/common';
import { DEADLINE_FAMILY } from '@vgbf/applications';
import { ReminderPipeline } from '@vgbf/notifications';
import { SchedulerRegistry } from '@vgbf/scheduler';
import { openCohort } from '../support/cohorts';
import { type TestApp, createTestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';
import { type SignedIn, signIn } from '../support/users';

const DAY = 86_400_000;

describe('Deadline reminders for unsubmitted drafts', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let reminders: { send: (run: { name: string; period: Date }) => Promise<Record<string, number>> };
  let closes: number;
  let drafter: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startTestWorker(t.env);
    // The family's run of the one reminder pipeline, as the daily job does it.
    const pipeline = worker.get(ReminderPipeline);
    reminders = { send: ({ period }) => pipeline.sendFamily(DEADLINE_FAMILY, period) };
    const staff = await signIn(t, ['staff'], 'staff');
    const cohort = await openCohort(t, staff, 'VGBF Reminders', { closesInDays: 20 });
    closes = cohort.closesAt;
    const cohortId = cohort.id;
    drafter = await signIn(t, ['applicant'], 'drafter');
    await t.http.post(`/api/v1/cohorts/${cohortId}/applications`).set('authorization', drafter.bearer).expect(201);
    const done = await signIn(t, ['applicant'], 'done');
    const { body } = await t.http
      .post(`/api/v1/cohorts/${cohortId}/applications`)
      .set('authorization', done.bearer)
      .expect(201);
    await t.db.query(`UPDATE applications SET status = 'submitted' WHERE id = $1`, [body.id]);
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  const reminderEmails = async () =>
    t.db.query(
      `SELECT payload->>'to' AS "to", payload->'data'->>'daysLeft' AS days FROM outbox WHERE payload->>'template' IN ('deadline-reminder', 'deadline-last-call') ORDER BY created_at`,
    );

  it('sends nothing while the deadline is more than 7 days away', async () => {
    expect(
      await reminders.send({ name: 'applications.deadline-reminders', period: new Date(closes - 10 * DAY) }),
    ).toEqual({ sent: 0, digest: 0, skipped: 0 });
  });

  it('reminds drafts (not submissions) 7 days before, once, however often the job runs that day', async () => {
    const period = new Date(closes - 7 * DAY + 3600_000);
    expect(await reminders.send({ name: 'applications.deadline-reminders', period })).toEqual({
      sent: 1,
      digest: 0,
      skipped: 0,
    });
    expect(await reminders.send({ name: 'applications.deadline-reminders', period })).toEqual({
      sent: 0,
      digest: 0,
      skipped: 0,
    });
    expect(
      await reminders.send({ name: 'applications.deadline-reminders', period: new Date(period.getTime() + DAY) }),
    ).toEqual({ sent: 0, digest: 0, skipped: 0 });
    expect(await reminderEmails()).toEqual([{ to: drafter.email, days: '7' }]);
  });

  it('reminds again 1 day before, once', async () => {
    const period = new Date(closes - DAY + 3600_000);
    expect(await reminders.send({ name: 'applications.deadline-reminders', period })).toEqual({
      sent: 1,
      digest: 0,
      skipped: 0,
    });
    expect(await reminders.send({ name: 'applications.deadline-reminders', period })).toEqual({
      sent: 0,
      digest: 0,
      skipped: 0,
    });
    expect(await reminderEmails()).toEqual([
      { to: drafter.email, days: '7' },
      { to: drafter.email, days: '1' },
    ]);
  });

  it('is a family of the one reminder pipeline, whose job the worker schedules hourly (daily families from 08:00)', () => {
    expect(worker.get(ReminderPipeline).registered()).toContain(DEADLINE_FAMILY);
    expect(worker.get(SchedulerRegistry).get('notifications.reminders')).toMatchObject({ cron: '15 * * * *' });
  });
});
