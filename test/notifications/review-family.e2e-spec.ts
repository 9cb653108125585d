import type { INestApplicationContext } from '@nestjs/common';
import { REVIEW_FAMILY } from '@vgbf/committee';
import { openCohort, vietnamTime } from '../support/cohorts';
import { startReviewing, submittedApplications } from '../support/committee';
import { type TestApp, createTestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';
import { type SignedIn, signIn } from '../support/users';
import { FamilyRun, type Recipients, digestTime, setPreferences, vietnamDay } from './family-setup';

const DAY = 86_400_000;

describe('Reminder pipeline: review family', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let deadline: number;
  let people: Recipients;
  let run: FamilyRun;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startTestWorker(t.env);
    const staff = await signIn(t, ['staff'], 'staff');
    const reviewers: SignedIn[] = [];
    for (const label of ['now', 'digest', 'unsub']) reviewers.push(await signIn(t, ['reviewer'], label));
    const cohortId = (await openCohort(t, staff, 'VGBF Pipeline Reviews')).id;
    await submittedApplications(t, cohortId, 3);
    await startReviewing(t, staff, cohortId);
    await t.http
      .post(`/api/v1/cohorts/${cohortId}/assignments/auto`)
      .set('authorization', staff.bearer)
      .send({})
      .expect(200);
    deadline = Math.floor((Date.now() + 10 * DAY) / 60_000) * 60_000;
    await t.http
      .patch(`/api/v1/cohorts/${cohortId}/review-round`)
      .set('authorization', staff.bearer)
      .send({ reviewDeadline: vietnamTime(deadline) })
      .expect(200);
    const [immediate, digest, unsubscribed] = reviewers as [SignedIn, SignedIn, SignedIn];
    people = { immediate, digest, unsubscribed };
    await setPreferences(t, people);
    run = new FamilyRun(t, worker, REVIEW_FAMILY, people);
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  it('the optional 3-day reminder: at once, in the next digest only, not to the unsubscribed; once', async () => {
    expect((await run.reminders(new Date(deadline - 5 * DAY))).emails).toEqual([]);
    const at = new Date(deadline - 3 * DAY + 3600_000);
    const first = await run.reminders(at);
    expect(first.counts).toEqual({ sent: 1, digest: 1, skipped: 1 });
    expect(first.emails).toEqual([{ to: people.immediate.email, template: 'review-reminder', step: 'review_3d' }]);
    expect(await run.reminders(at)).toEqual({ counts: { sent: 0, digest: 0, skipped: 0 }, emails: [] });
    const digest = await run.digest(digestTime(vietnamDay(at)));
    expect(digest).toEqual([
      {
        to: people.digest.email,
        template: 'notification-digest',
        items: expect.stringContaining('VGBF Pipeline Reviews'),
      },
    ]);
    expect(await run.digest(digestTime(vietnamDay(new Date(at.getTime() + DAY))))).toEqual([]);
  });

  it('the mandatory 1-day reminder: at once to every reviewer, the digest and unsubscribed one too; once', async () => {
    const at = new Date(deadline - DAY + 3600_000);
    const first = await run.reminders(at);
    expect(first.counts).toEqual({ sent: 3, digest: 0, skipped: 0 });
    expect(first.emails.map((e) => `${e.to} ${e.template} ${e.step}`).sort()).toEqual(
      [people.immediate, people.digest, people.unsubscribed].map((p) => `${p.email} review-last-call review_1d`).sort(),
    );
    expect(await run.reminders(at)).toEqual({ counts: { sent: 0, digest: 0, skipped: 0 }, emails: [] });
    expect(await run.digest(digestTime(vietnamDay(at)))).toEqual([]);
  });
});
