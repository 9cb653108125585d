import type { INestApplicationContext } from '@nestjs/common';
import { MILESTONE_FAMILY } from '@vgbf/milestones';
import { openCohort } from '../support/cohorts';
import { createFellows, createMilestones } from '../support/programme';
import { type TestApp, createTestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';
import { signIn } from '../support/users';
import { FamilyRun, type Recipients, digestTime, setPreferences } from './family-setup';

/** Far from today, so nothing else in the database is due around it. */
const DUE = '2032-04-20';
/** 08:00 in Vietnam on a day: the daily job's fire time. */
const at8 = (day: string): Date => new Date(`${day}T01:00:00Z`);

describe('Reminder pipeline: milestone family', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let people: Recipients;
  let run: FamilyRun;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startTestWorker(t.env);
    const staff = await signIn(t, ['staff'], 'staff');
    const cohortId = (await openCohort(t, staff, 'VGBF Pipeline Milestones')).id;
    const fellows = await createFellows(t, cohortId, staff, [{}, {}, {}], 'family');
    for (const fellow of fellows) await createMilestones(t, fellow.id, [{ code: 'Pipeline plan', dueOn: DUE }]);
    const [immediate, digest, unsubscribed] = fellows.map((f) => ({ id: f.userId, email: f.email }));
    people = { immediate, digest, unsubscribed };
    await setPreferences(t, people);
    run = new FamilyRun(t, worker, MILESTONE_FAMILY, people);
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  it('the optional week-before reminder: at once, in the next digest only, not to the unsubscribed; once', async () => {
    expect((await run.reminders(at8('2032-04-12'))).emails).toEqual([]);
    const first = await run.reminders(at8('2032-04-13'));
    expect(first.counts).toEqual({ sent: 1, digest: 1, skipped: 1 });
    expect(first.emails).toEqual([{ to: people.immediate.email, template: 'milestone-due-soon', step: 'before_7d' }]);
    expect(await run.reminders(at8('2032-04-13'))).toEqual({ counts: { sent: 0, digest: 0, skipped: 0 }, emails: [] });
    expect(await run.digest(digestTime('2032-04-13'))).toEqual([
      { to: people.digest.email, template: 'notification-digest', items: expect.stringContaining('Pipeline plan') },
    ]);
    expect(await run.digest(digestTime('2032-04-14'))).toEqual([]);
  });

  it('the mandatory overdue notice: at once to every fellow, the digest and unsubscribed one too; once', async () => {
    const first = await run.reminders(at8('2032-04-21'));
    expect(first.counts).toEqual({ sent: 3, digest: 0, skipped: 0 });
    expect(first.emails.map((e) => `${e.to} ${e.template} ${e.step}`).sort()).toEqual(
      [people.immediate, people.digest, people.unsubscribed]
        .map((p) => `${p.email} milestone-overdue overdue_1d`)
        .sort(),
    );
    expect(await run.reminders(at8('2032-04-21'))).toEqual({ counts: { sent: 0, digest: 0, skipped: 0 }, emails: [] });
    expect(await run.digest(digestTime('2032-04-21'))).toEqual([]);
  });

  it('two concurrent runs of the same day send each step once between them', async () => {
    // Seven days late: the week-late notice (mandatory) to each fellow (and the escalation to staff).
    const [a, b] = await Promise.all([run.reminders(at8('2032-04-27')), run.reminders(at8('2032-04-27'))]);
    // One run claimed every step; the other, waiting on the log's unique key, claimed none.
    expect(Math.min(a.counts.sent ?? 0, b.counts.sent ?? 0)).toBe(0);
    expect(Math.max(a.counts.sent ?? 0, b.counts.sent ?? 0)).toBeGreaterThanOrEqual(3);
    const sent = [...a.emails, ...b.emails].map((e) => `${e.to} ${e.step}`).sort();
    expect(sent).toEqual(
      [people.immediate, people.digest, people.unsubscribed].map((p) => `${p.email} overdue_7d`).sort(),
    );
    expect(
      await t.db.query(
        `SELECT count(*)::int AS n FROM reminder_log WHERE family = $1 AND step = 'overdue_7d' AND recipient_id = ANY($2)`,
        [MILESTONE_FAMILY, [people.immediate.id, people.digest.id, people.unsubscribed.id]],
      ),
    ).toEqual([{ n: 3 }]);
  });
});
