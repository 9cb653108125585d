import type { INestApplicationContext } from '@nestjs/common';
import { MENTORING_FAMILIES } from '@vgbf/mentoring';
import { ReminderPipeline } from '@vgbf/notifications';
import { SchedulerRegistry } from '@vgbf/scheduler';
import { Inbox, type InboxEmail } from '../support/inbox';
import { type TestApp, createTestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';
import { DAY, type Pairs, mentoringPairs } from './mentoring-setup';

describe('Mentoring reminders', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let reminders: ReminderPipeline;
  let p: Pairs;
  const inbox = new Inbox();
  const now = Date.now();

  const session = (pair: number, heldDaysAgo: number, loggedDaysAgo: number, confirmed: boolean) =>
    t.db.query(
      `INSERT INTO mentoring_sessions (pairing_id, held_at, duration_minutes, mode, topics, logged_by, created_at, confirmed_at)
       SELECT id, $2, 60, 'online', '{esg}', mentor_id, $3, $4 FROM pairings WHERE id = $1`,
      [
        p.pairings[pair],
        new Date(now - heldDaysAgo * DAY),
        new Date(now - loggedDaysAgo * DAY),
        confirmed ? new Date() : null,
      ],
    );
  const outbox = (template: string) =>
    t.db.query<Array<{ to: string }>>(
      `SELECT payload->>'to' AS to FROM outbox WHERE payload->>'template' = $1 ORDER BY created_at, payload->>'to'`,
      [template],
    );

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startTestWorker(t.env);
    reminders = worker.get(ReminderPipeline);
    p = await mentoringPairs(t, 3, 120);
    // Pair 0: paired 40 days ago, no session since. Pair 1: a session 10 days ago.
    // Pair 2: paired 100 days ago, last session 35 days ago.
    await t.db.query(`UPDATE pairings SET created_at = $2 WHERE id = ANY($1)`, [
      [p.pairings[0], p.pairings[1]],
      new Date(now - 40 * DAY),
    ]);
    await t.db.query(`UPDATE pairings SET created_at = $2 WHERE id = $1`, [p.pairings[2], new Date(now - 100 * DAY)]);
    await session(1, 10, 10, true);
    await session(2, 35, 35, true);
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  /** A family's run of the one reminder pipeline, as its job does it; the number of emails it sent. */
  const sent = async (family: string, ms: number) => (await reminders.sendFamily(family, new Date(ms))).sent;
  const inactive = (ms: number) => sent(MENTORING_FAMILIES.inactive, ms);
  const upcoming = (ms: number) => sent(MENTORING_FAMILIES.upcoming, ms);
  const unconfirmed = (ms: number) => sent(MENTORING_FAMILIES.unconfirmed, ms);

  it('reminds a mentor after 30 days without a session, once per pair per period even when the job runs twice', async () => {
    expect(await inactive(now)).toBe(2);
    expect(await inactive(now)).toBe(0);
    expect(await inactive(now + DAY)).toBe(0);
    expect((await outbox('mentoring-mentor-inactive')).map((e) => e.to).sort()).toEqual(
      [p.mentors[0].email, p.mentors[2].email].sort(),
    );
    const [email] = await inbox.waitFor(p.mentors[0].email, 1);
    expect(email?.subject).toBe(`No mentoring session with ${p.fellows[0].fullName} in 30 days`);
    expect(await inbox.emailsTo(p.mentors[1].email)).toEqual([]);
  });

  it('reminds again only after another session and another 30 days of silence', async () => {
    await session(0, 1, 1, true);
    expect(await inactive(now + 2 * DAY)).toBe(0);
    // 31 days on: pair 0's new silence (since yesterday) and pair 1's (since 10 days ago); pair 2's is the same one.
    expect(await inactive(now + 31 * DAY)).toBe(2);
    expect(await inactive(now + 31 * DAY)).toBe(0);
    const rows = await t.db.query<Array<{ pairing_id: string }>>(
      `SELECT subject_id AS pairing_id FROM reminder_log WHERE family = 'mentoring.inactive' ORDER BY created_at`,
    );
    expect(rows.map((r) => p.pairings.indexOf(r.pairing_id)).sort()).toEqual([0, 0, 1, 2]);
    await inbox.waitFor(p.mentors[0].email, 2);
  });

  it('reminds a fellow of sessions unconfirmed for over 3 days, at most once a day per pair', async () => {
    await session(1, 4, 4, false);
    await session(0, 0, 0, false); // logged today: not yet
    expect(await unconfirmed(now)).toBe(1);
    expect(await unconfirmed(now)).toBe(0);
    expect(await unconfirmed(now + DAY)).toBe(1);
    expect((await outbox('mentoring-sessions-unconfirmed')).map((e) => e.to)).toEqual([
      p.fellows[1].email,
      p.fellows[1].email,
    ]);
    const [email] = await inbox.waitFor(p.fellows[1].email, 2);
    expect(email?.text).toContain('has logged 1 sessions');
    // Once confirmed, nothing more to remind.
    await t.db.query(`UPDATE mentoring_sessions SET confirmed_at = now() WHERE pairing_id = $1`, [p.pairings[1]]);
    expect(await unconfirmed(now + 2 * DAY)).toBe(0);
  });

  it('reminds both sides of a planned session the day before, once however often it runs; again if rescheduled', async () => {
    const plan = async (pair: number, startsIn: number, status = 'planned') =>
      (
        await t.db.query<Array<{ id: string }>>(
          `INSERT INTO planned_sessions (pairing_id, starts_at, duration_minutes, mode, agenda, status, scheduled_by)
           SELECT id, $2, 45, 'phone', 'Visa for the second trip', $3, mentor_id FROM pairings WHERE id = $1 RETURNING id`,
          [p.pairings[pair], new Date(now + startsIn), status],
        )
      )[0].id;
    const tomorrow = await plan(0, 20 * 3_600_000);
    await plan(1, 3 * DAY); // not yet
    await plan(2, 10 * 3_600_000, 'cancelled'); // cancelled: nothing to remind
    expect(await upcoming(now)).toBe(2);
    expect(await upcoming(now)).toBe(0);
    expect(await upcoming(now + 3_600_000)).toBe(0);
    expect((await outbox('mentoring-session-upcoming')).map((e) => e.to).sort()).toEqual(
      [p.mentors[0].email, p.fellows[0].email].sort(),
    );
    let email: InboxEmail | undefined;
    for (let i = 0; i < 75 && !email; i++) {
      email = (await inbox.emailsTo(p.fellows[0].email)).find((m) => m.subject.startsWith('Tomorrow:'));
      if (!email) await new Promise((r) => setTimeout(r, 200));
    }
    expect(email?.subject).toBe('Tomorrow: your mentoring session with Kenji Sato');
    const hanoi = new Date(now + 20 * 3_600_000 + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(email?.text).toContain(`at ${hanoi} (Vietnam time), for 45 minutes, by phone`);
    // Moved to a later hour the same day: one more reminder for the new time.
    await t.db.query(`UPDATE planned_sessions SET starts_at = starts_at + interval '2 hours' WHERE id = $1`, [
      tomorrow,
    ]);
    expect(await upcoming(now)).toBe(2);
    expect(await upcoming(now)).toBe(0);
  });

  it('registers the mentoring families with the one reminder pipeline, whose job runs hourly', () => {
    const registry = worker.get(SchedulerRegistry);
    expect(registry.get('notifications.reminders')).toMatchObject({ cron: '15 * * * *' });
    expect(reminders.registered()).toEqual(expect.arrayContaining(Object.values(MENTORING_FAMILIES)));
  });
});
