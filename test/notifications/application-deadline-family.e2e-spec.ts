import type { INestApplicationContext } from '@nestjs/common';
import { DEADLINE_FAMILY } from '@vgbf/applications';
import { openCohort } from '../support/cohorts';
import { type TestApp, createTestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';
import { type SignedIn, signIn } from '../support/users';
import { FamilyRun, type Recipients, digestTime, setPreferences, vietnamDay } from './family-setup';

const DAY = 86_400_000;

describe('Reminder pipeline: application deadline family', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let closes: number;
  let people: Recipients;
  let run: FamilyRun;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startTestWorker(t.env);
    const staff = await signIn(t, ['staff'], 'staff');
    const cohort = await openCohort(t, staff, 'VGBF Pipeline Deadlines', { closesInDays: 20 });
    closes = cohort.closesAt;
    const drafters: SignedIn[] = [];
    for (const label of ['now', 'digest', 'unsub']) {
      const applicant = await signIn(t, ['applicant'], label);
      await t.http.post(`/api/v1/cohorts/${cohort.id}/applications`).set('authorization', applicant.bearer).expect(201);
      drafters.push(applicant);
    }
    const [immediate, digest, unsubscribed] = drafters as [SignedIn, SignedIn, SignedIn];
    people = { immediate, digest, unsubscribed };
    await setPreferences(t, people);
    run = new FamilyRun(t, worker, DEADLINE_FAMILY, people);
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  it('the optional week-before reminder: at once, in the next digest only, not to the unsubscribed; once', async () => {
    const at = new Date(closes - 7 * DAY + 3600_000);
    const first = await run.reminders(at);
    expect(first.counts).toEqual({ sent: 1, digest: 1, skipped: 1 });
    expect(first.emails).toEqual([{ to: people.immediate.email, template: 'deadline-reminder', step: 'deadline_7d' }]);
    // A second run (of the day, or the next day) sends nothing and queues nothing.
    expect(await run.reminders(at)).toEqual({ counts: { sent: 0, digest: 0, skipped: 0 }, emails: [] });
    expect((await run.reminders(new Date(at.getTime() + DAY))).emails).toEqual([]);
    // The digest person gets it in that evening's digest, and in no other.
    const digest = await run.digest(digestTime(vietnamDay(at)));
    expect(digest).toEqual([
      {
        to: people.digest.email,
        template: 'notification-digest',
        items: expect.stringContaining('VGBF Pipeline Deadlines'),
      },
    ]);
    expect(await run.digest(digestTime(vietnamDay(new Date(at.getTime() + DAY))))).toEqual([]);
  });

  it('the mandatory day-before reminder: at once to everyone, the digest and unsubscribed person too; once', async () => {
    const at = new Date(closes - DAY + 3600_000);
    const first = await run.reminders(at);
    expect(first.counts).toEqual({ sent: 3, digest: 0, skipped: 0 });
    expect(first.emails.map((e) => `${e.to} ${e.template} ${e.step}`).sort()).toEqual(
      [people.immediate, people.digest, people.unsubscribed]
        .map((p) => `${p.email} deadline-last-call deadline_1d`)
        .sort(),
    );
    expect(await run.reminders(at)).toEqual({ counts: { sent: 0, digest: 0, skipped: 0 }, emails: [] });
    expect(await run.digest(digestTime(vietnamDay(at)))).toEqual([]);
  });
});
