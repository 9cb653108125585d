import type { INestApplicationContext } from '@nestjs/common';
import { REVIEW_FAMILY } from '@vgbf/committee';
import { ReminderPipeline } from '@vgbf/notifications';
import { SchedulerRegistry } from '@vgbf/scheduler';
import { openCohort, vietnamTime } from '../support/cohorts';
import { startReviewing, submittedApplications } from '../support/committee';
import { type TestApp, createTestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';
import { type SignedIn, signIn } from '../support/users';

const DAY = 86_400_000;

describe('Reminders to reviewers with unfinished reviews', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let reminders: ReminderPipeline;
  let reviewers: SignedIn[];
  let deadline: number;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startTestWorker(t.env);
    reminders = worker.get(ReminderPipeline);
    const staff = await signIn(t, ['staff'], 'staff');
    reviewers = [];
    for (let i = 0; i < 3; i++) reviewers.push(await signIn(t, ['reviewer'], `rev${i}`));
    const cohortId = (await openCohort(t, staff, 'VGBF Review Reminders')).id;
    await submittedApplications(t, cohortId, 4);
    await startReviewing(t, staff, cohortId);
    await t.http
      .post(`/api/v1/cohorts/${cohortId}/assignments/auto`)
      .set('authorization', staff.bearer)
      .send({})
      .expect(200);
    // Whole minutes: the round takes its deadline in Vietnam time to the minute.
    deadline = Math.floor((Date.now() + 10 * DAY) / 60_000) * 60_000;
    await t.http
      .patch(`/api/v1/cohorts/${cohortId}/review-round`)
      .set('authorization', staff.bearer)
      .send({ reviewDeadline: vietnamTime(deadline) })
      .expect(200);
    // The third reviewer has finished; the first has one review left of four.
    await t.db.query(
      `INSERT INTO reviews (assignment_id, scores, weighted_score, comment, recommendation)
       SELECT id, '{}', 3, 'done', 'yes' FROM review_assignments WHERE reviewer_id = $1`,
      [reviewers[2]?.id],
    );
    await t.db.query(
      `INSERT INTO reviews (assignment_id, scores, weighted_score, comment, recommendation)
       SELECT id, '{}', 3, 'done', 'yes' FROM review_assignments WHERE reviewer_id = $1 ORDER BY id LIMIT 3`,
      [reviewers[0]?.id],
    );
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  /** The family's run of the one reminder pipeline, as the daily job does it. */
  const run = (ms: number) => reminders.sendFamily(REVIEW_FAMILY, new Date(ms));
  const emails = async () =>
    t.db.query(
      `SELECT payload->>'to' AS to, payload->'data'->>'pending' AS pending FROM outbox
        WHERE payload->>'template' IN ('review-reminder', 'review-last-call') ORDER BY created_at, payload->>'to'`,
    );

  it('sends nothing while the deadline is more than 3 days away', async () => {
    expect(await run(deadline - 5 * DAY)).toEqual({ sent: 0, digest: 0, skipped: 0 });
  });

  it('reminds reviewers with unfinished reviews 3 days before, once however often the job runs', async () => {
    expect(await run(deadline - 3 * DAY + 3600_000)).toEqual({ sent: 2, digest: 0, skipped: 0 });
    expect(await run(deadline - 3 * DAY + 3600_000)).toEqual({ sent: 0, digest: 0, skipped: 0 });
    expect(await run(deadline - 2 * DAY)).toEqual({ sent: 0, digest: 0, skipped: 0 });
    const sent = await emails();
    expect(sent).toHaveLength(2);
    expect(sent).toEqual(
      expect.arrayContaining([
        { to: reviewers[0]?.email, pending: '1' },
        { to: reviewers[1]?.email, pending: '4' },
      ]),
    );
  });

  it('reminds them again 1 day before, once', async () => {
    expect(await run(deadline - DAY + 3600_000)).toEqual({ sent: 2, digest: 0, skipped: 0 });
    expect(await run(deadline - DAY + 3600_000)).toEqual({ sent: 0, digest: 0, skipped: 0 });
    expect(await emails()).toHaveLength(4);
    expect((await emails()).map((e: { to: string }) => e.to)).not.toContain(reviewers[2]?.email);
  });

  it('registers the committee jobs with the worker’s scheduler', () => {
    const registry = worker.get(SchedulerRegistry);
    expect(registry.get('committee.offer-expiry')).toMatchObject({ cron: '5 * * * *' });
    expect(registry.get('committee.offer-reminders')).toMatchObject({ cron: '0 9 * * *' });
    expect(registry.get('notifications.reminders')).toMatchObject({ cron: '15 * * * *' });
    expect(reminders.registered()).toContain(REVIEW_FAMILY);
  });
});
