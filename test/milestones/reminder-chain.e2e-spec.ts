import type { INestApplicationContext } from '@nestjs/common';
import { SchedulerRegistry } from '@vgbf/scheduler';
import { openCohort } from '../support/cohorts';
import { Inbox } from '../support/inbox';
import { type TestFellow, createFellows, createMentor, createMilestones, pairUp } from '../support/programme';
import { type TestApp, createTestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';
import { type SignedIn, signIn } from '../support/users';
import { addDays, newEmails, runChain, stepOf, vietnamToday } from './reminder-setup';

/** Far from today, so these milestones never meet the dry run's (which reads the real clock). */
const DUE = '2031-03-14';

describe('Milestone reminder chain', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let staff: SignedIn;
  let mentor: SignedIn;
  let fellow: TestFellow;
  const seen = new Set<string>();
  const inbox = new Inbox();

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startTestWorker(t.env);
    staff = await signIn(t, ['staff'], 'staff');
    const cohort = await openCohort(t, staff, 'VGBF Reminder Chain');
    [fellow] = await createFellows(t, cohort.id, staff, [{ fullName: 'Trần Minh Khoa' }], 'chain');
    mentor = await createMentor(t, { fullName: 'Đỗ Thị Mai' });
    await pairUp(t, cohort.id, fellow.id, mentor.id);
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  it('sends exactly the expected emails on the expected days, each once; stops on submission; shifts with the due date', async () => {
    const [, submitted, moved] = await createMilestones(t, fellow.id, [
      { code: 'plan', dueOn: DUE },
      { code: 'visit', dueOn: DUE },
      { code: 'report', dueOn: DUE },
    ]);
    await newEmails(t, seen);
    const got: string[] = [];
    for (let offset = -10; offset <= 10; offset++) {
      const day = addDays(DUE, offset);
      // What happens to the milestones before that morning's run (submission, extension, changes requested).
      if (offset === 0)
        await t.db.query(`UPDATE milestones SET state = 'submitted', submitted_at = now() WHERE id = $1`, [submitted]);
      if (offset === 3)
        await t.db.query(`UPDATE milestones SET state = 'changes_requested' WHERE id = $1`, [submitted]);
      if (offset === -3)
        await t.db.query(`UPDATE milestones SET due_on = $2, extension_days = 5 WHERE id = $1`, [
          moved,
          addDays(DUE, 5),
        ]);
      await runChain(worker, day);
      await runChain(worker, day);
      for (const e of await newEmails(t, seen)) got.push(`${offset} ${e.data.milestone} ${stepOf(e)} ${e.to}`);
    }
    const F = fellow.email;
    const M = mentor.email;
    const S = staff.email;
    expect(got.sort()).toEqual(
      [
        // An open milestone: the whole chain, on its days.
        `-7 plan before_7d ${F}`,
        `-1 plan before_1d ${F}`,
        `0 plan due_today ${F}`,
        `1 plan overdue_1d ${F}`,
        `7 plan overdue_7d ${F}`,
        `7 plan escalation ${M}`,
        `7 plan escalation ${S}`,
        // Submitted on the due day: nothing more; changes requested on day 3: the overdue notice (2 days
        // late, within the catch-up), then the rest of the chain.
        `-7 visit before_7d ${F}`,
        `-1 visit before_1d ${F}`,
        `3 visit overdue_1d ${F}`,
        `7 visit overdue_7d ${F}`,
        `7 visit escalation ${M}`,
        `7 visit escalation ${S}`,
        // Moved 5 days later on day -3: the new chain from its new dates (its 7-day notice on day -2).
        `-7 report before_7d ${F}`,
        `-2 report before_7d ${F}`,
        `4 report before_1d ${F}`,
        `5 report due_today ${F}`,
        `6 report overdue_1d ${F}`,
      ].sort(),
    );
    const escalation = (await inbox.waitFor(M, 2)).find((m) => m.subject.includes('"plan"'));
    expect(escalation?.subject).toBe('Trần Minh Khoa: milestone "plan" is 7 days overdue');
    expect(escalation?.text).toContain('mandatory and cannot be turned off');
  }, 60_000);

  it('sends a step missed while the job did not run once, late, and never the backlog before it', async () => {
    const [id] = await createMilestones(t, fellow.id, [{ code: 'late', dueOn: '2031-06-10' }]);
    await newEmails(t, seen);
    // The job did not run from day -7 to day -2: on day -1 only the 1-day reminder goes.
    await runChain(worker, '2031-06-09');
    // Then not from day 0 to day 2: on day 3 the 1-day overdue notice, 2 days late; on day 4 nothing.
    await runChain(worker, '2031-06-13');
    await runChain(worker, '2031-06-14');
    const emails = await newEmails(t, seen);
    expect(emails.map((e) => `${stepOf(e)} ${e.to}`)).toEqual([
      `before_1d ${fellow.email}`,
      `overdue_1d ${fellow.email}`,
    ]);
    const rows = await t.db.query(
      `SELECT step, delivery FROM reminder_log WHERE family = 'milestones' AND subject_id = $1 ORDER BY id`,
      [id],
    );
    expect(rows).toEqual([
      { step: 'before_1d', delivery: 'sent' },
      { step: 'overdue_1d', delivery: 'sent' },
    ]);
  });

  it('the dry run lists exactly what the job then sends, and the record shows it went out', async () => {
    const cohort = await openCohort(t, staff, 'VGBF Dry Run');
    const [other] = await createFellows(t, cohort.id, staff, [{ language: 'vi' }], 'dry');
    const otherMentor = await createMentor(t);
    await pairUp(t, cohort.id, other.id, otherMentor.id);
    await t.db.query(`INSERT INTO notification_preferences (user_id, delivery) VALUES ($1, 'digest')`, [
      otherMentor.id,
    ]);
    const today = vietnamToday();
    await createMilestones(t, other.id, [
      { code: 'soon', dueOn: addDays(today, 3) },
      { code: 'later', dueOn: addDays(today, 6) },
      { code: 'overdue', dueOn: addDays(today, -5) },
      { code: 'done', dueOn: addDays(today, 2), state: 'approved' },
    ]);
    const res = await t.http
      .get(`/api/v1/cohorts/${cohort.id}/reminders/upcoming?days=7`)
      .set('authorization', staff.bearer)
      .expect(200);
    type Upcoming = {
      day: string;
      step: string;
      milestone: { code: string };
      recipients: Array<{ userId: string; delivery: string }>;
    };
    const planned = (res.body as Upcoming[])
      .flatMap((u) => u.recipients.map((r) => `${u.day} ${u.milestone.code} ${u.step} ${r.userId} ${r.delivery}`))
      .sort();
    expect(planned).toEqual(
      [
        // "later" (due in 6 days): its 7-day notice was due yesterday, caught up today.
        `${today} later before_7d ${other.userId} sent`,
        `${addDays(today, 5)} later before_1d ${other.userId} sent`,
        `${addDays(today, 6)} later due_today ${other.userId} sent`,
        // "soon" (due in 3 days): its 7-day notice is 4 days past, beyond the catch-up: never sent.
        `${addDays(today, 2)} soon before_1d ${other.userId} sent`,
        `${addDays(today, 3)} soon due_today ${other.userId} sent`,
        `${addDays(today, 4)} soon overdue_1d ${other.userId} sent`,
        // "overdue" (5 days ago): the week-late notice and the escalation, mandatory: at once, also to the
        // mentor who chose the digest.
        `${addDays(today, 2)} overdue overdue_7d ${other.userId} sent`,
        `${addDays(today, 2)} overdue escalation ${otherMentor.id} sent`,
        `${addDays(today, 2)} overdue escalation ${staff.id} sent`,
      ].sort(),
    );
    const done: string[] = [];
    let last = '0';
    for (let i = 0; i < 7; i++) {
      const day = addDays(today, i);
      await runChain(worker, day);
      const rows = await t.db.query<
        Array<{ id: string; code: string; step: string; recipient_id: string; delivery: string }>
      >(
        `SELECT mr.id, m.code, mr.step, mr.recipient_id, mr.delivery FROM reminder_log mr
           JOIN milestones m ON m.id = mr.subject_id AND mr.family = 'milestones' JOIN fellows f ON f.id = m.fellow_id
          WHERE f.cohort_id = $1 AND mr.id > $2 ORDER BY mr.id`,
        [cohort.id, last],
      );
      for (const r of rows) {
        done.push(`${day} ${r.code} ${r.step} ${r.recipient_id} ${r.delivery}`);
        last = r.id;
      }
    }
    expect(done.sort()).toEqual(planned);
    const sent = await t.http
      .get(`/api/v1/cohorts/${cohort.id}/reminders/sent?from=${today}&to=${today}`)
      .set('authorization', staff.bearer)
      .expect(200);
    expect(sent.body).toHaveLength(planned.length);
    expect(sent.body[0]).toMatchObject({
      day: today,
      fellow: { id: other.id },
      milestone: { code: expect.any(String) },
    });
  }, 60_000);

  it('registers one daily chain job and the digest with the worker’s scheduler', () => {
    const registry = worker.get(SchedulerRegistry);
    expect(registry.get('notifications.reminders')).toMatchObject({ cron: '15 * * * *' });
    expect(registry.get('notifications.daily-digest')).toMatchObject({ cron: '0 18 * * *' });
  });
});
