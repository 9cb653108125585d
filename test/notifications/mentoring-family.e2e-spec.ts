import type { INestApplicationContext } from '@nestjs/common';
import { MENTORING_FAMILIES } from '@vgbf/mentoring';
import { DAY, type Pairs, mentoringPairs } from '../mentoring/mentoring-setup';
import { type TestApp, createTestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';
import { FamilyRun, type Recipients, digestTime, setPreferences, vietnamDay } from './family-setup';

describe('Reminder pipeline: mentoring families', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let p: Pairs;
  let fellows: Recipients;
  let mentors: Recipients;
  const now = Date.now();

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startTestWorker(t.env);
    p = await mentoringPairs(t, 3, 120);
    // Every pair: paired 50 days ago, one session held and logged 40 days ago, never confirmed — so the
    // fellow owes a confirmation (optional reminder) and the mentor has been silent 40 days (mandatory).
    await t.db.query(`UPDATE pairings SET created_at = $2 WHERE id = ANY($1)`, [p.pairings, new Date(now - 50 * DAY)]);
    await t.db.query(
      `INSERT INTO mentoring_sessions (pairing_id, held_at, duration_minutes, mode, topics, logged_by, created_at)
       SELECT id, $2, 60, 'online', '{esg}', mentor_id, $2 FROM pairings WHERE id = ANY($1)`,
      [p.pairings, new Date(now - 40 * DAY)],
    );
    const people = (list: Array<{ id: string; email: string }>): Recipients => ({
      immediate: list[0],
      digest: list[1],
      unsubscribed: list[2],
    });
    fellows = people(p.fellows.map((f) => ({ id: f.userId, email: f.email })));
    mentors = people(p.mentors);
    await setPreferences(t, fellows);
    await setPreferences(t, mentors);
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  it('the optional unconfirmed-sessions reminder: at once, in the next digest only, not to the unsubscribed; once', async () => {
    const run = new FamilyRun(t, worker, MENTORING_FAMILIES.unconfirmed, fellows);
    const at = new Date(now);
    const first = await run.reminders(at);
    expect(first.counts).toEqual({ sent: 1, digest: 1, skipped: 1 });
    expect(first.emails).toEqual([
      { to: fellows.immediate.email, template: 'mentoring-sessions-unconfirmed', step: 'fellow_unconfirmed' },
    ]);
    expect(await run.reminders(at)).toEqual({ counts: { sent: 0, digest: 0, skipped: 0 }, emails: [] });
    expect(await run.digest(digestTime(vietnamDay(at)))).toEqual([
      { to: fellows.digest.email, template: 'notification-digest', items: expect.any(String) },
    ]);
    expect(await run.digest(digestTime(vietnamDay(at)))).toEqual([]);
  });

  it('the mandatory inactive-mentor notice: at once to every mentor, the digest and unsubscribed one too; once', async () => {
    const run = new FamilyRun(t, worker, MENTORING_FAMILIES.inactive, mentors);
    const first = await run.reminders(new Date(now));
    expect(first.counts).toEqual({ sent: 3, digest: 0, skipped: 0 });
    expect(first.emails.map((e) => `${e.to} ${e.template} ${e.step}`).sort()).toEqual(
      [mentors.immediate, mentors.digest, mentors.unsubscribed]
        .map((m) => `${m.email} mentoring-mentor-inactive mentor_inactive`)
        .sort(),
    );
    expect(await run.reminders(new Date(now))).toEqual({ counts: { sent: 0, digest: 0, skipped: 0 }, emails: [] });
    expect(await run.reminders(new Date(now + DAY))).toEqual({
      counts: { sent: 0, digest: 0, skipped: 0 },
      emails: [],
    });
    expect(await run.digest(digestTime(vietnamDay(new Date(now))))).toEqual([]);
  });
});
