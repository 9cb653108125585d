import type { INestApplicationContext } from '@nestjs/common';
import { openCohort } from '../support/cohorts';
import { type TestFellow, createFellows, createMentor, createMilestones, pairUp } from '../support/programme';
import { type TestApp, createTestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';
import { type SignedIn, signIn } from '../support/users';
import { addDays, newEmails, runChain, stepOf } from './reminder-setup';

/** Far from today, so the real clock never meets these dates. */
const DUE = '2031-05-02';

/**
 * Issue 7: "an extension of 3 weeks on one milestone moves every later milestone and their
 * reminders". The extension goes through the API; the reminder job then follows the new dates.
 */
describe('An extension moves the later milestones and their reminders', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let staff: SignedIn;
  let fellow: TestFellow;
  const seen = new Set<string>();

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startTestWorker(t.env);
    staff = await signIn(t, ['staff'], 'staff');
    const cohort = await openCohort(t, staff, 'VGBF Extension Reminders');
    [fellow] = await createFellows(t, cohort.id, staff, [{ fullName: 'Lê Thu Hà' }], 'ext');
    const mentor = await createMentor(t, { fullName: 'Ngô Bảo Châu' });
    await pairUp(t, cohort.id, fellow.id, mentor.id);
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  it('sends each before-7-days reminder on the moved date, not on the old one', async () => {
    const [first, second, third] = await createMilestones(t, fellow.id, [
      { code: 'arrival', dueOn: DUE },
      { code: 'immersion', dueOn: addDays(DUE, 30) },
      { code: 'partners', dueOn: addDays(DUE, 60) },
    ]);
    await t.http
      .post(`/api/v1/milestones/${second}/extensions`)
      .set('authorization', staff.bearer)
      // These milestones lie past the fellow's year, so the extension confirms moving its end (issue 12).
      .send({ days: 21, reason: 'Partner meetings postponed by the trade fair', moveEndDate: true })
      .expect(201);
    const due = async (id: string) =>
      (await t.db.query(`SELECT to_char(due_on, 'YYYY-MM-DD') AS d FROM milestones WHERE id = $1`, [id]))[0].d;
    expect([await due(first), await due(second), await due(third)]).toEqual([DUE, addDays(DUE, 51), addDays(DUE, 81)]);

    await newEmails(t, seen);
    const sent: string[] = [];
    // In order: the first's before-7-days day, then the old and the new ones of the moved two; each run twice.
    for (const day of [addDays(DUE, -7), addDays(DUE, 23), addDays(DUE, 44), addDays(DUE, 53), addDays(DUE, 74)]) {
      await runChain(worker, day);
      await runChain(worker, day);
      // Nobody submits, so the overdue steps of the earlier ones come too; the before-7-days ones are the point.
      for (const e of await newEmails(t, seen))
        if (stepOf(e) === 'before_7d') sent.push(`${day} ${e.data.milestone} ${stepOf(e)}`);
    }
    expect(sent.sort()).toEqual(
      [
        `${addDays(DUE, -7)} arrival before_7d`,
        `${addDays(DUE, 44)} immersion before_7d`,
        `${addDays(DUE, 74)} partners before_7d`,
      ].sort(),
    );
  });
});
