import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { QUEUES } from '@vgbf/queue';
import { ScheduledJobRunner, SchedulerRegistry } from '@vgbf/scheduler';
import type { Queue } from 'bullmq';
import { type TestApp, createTestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

const JOB = 'maintenance.purge-auth';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface RunRow {
  period: Date;
  outcome: string;
  attempts: number;
}

describe('Scheduled jobs: BullMQ job schedulers, one run per period', () => {
  describe('with two workers and a job every 2 seconds', () => {
    let t: TestApp;
    const workers: Array<Awaited<ReturnType<typeof startTestWorker>>> = [];

    beforeAll(async () => {
      t = await createTestApp({ env: { MAINTENANCE_CRON: '*/2 * * * * *' } });
      // A scheduler this build no longer declares, left in Redis by an older release.
      await t.app.get<Queue>(getQueueToken(QUEUES.scheduled)).upsertJobScheduler('reports.retired', {
        pattern: '0 8 * * *',
        tz: 'Asia/Ho_Chi_Minh',
      });
    });
    afterAll(async () => {
      for (const w of workers) await w.close();
      await t.close();
    });

    it('runs the job once per period across both workers, and removes schedulers no longer declared', async () => {
      workers.push(await startTestWorker(t.env), await startTestWorker(t.env));
      const started = Date.now();
      await sleep(7_000);

      const queue = workers[0].get<Queue>(getQueueToken(QUEUES.scheduled));
      // Exactly the declared jobs: a scheduler no longer declared is gone.
      const declared = workers[0]
        .get(SchedulerRegistry)
        .jobs()
        .map((j) => j.name);
      expect(declared).toContain(JOB);
      expect((await queue.getJobSchedulers()).map((s) => s.key).sort()).toEqual(declared.sort());

      const rows = await t.db.query<RunRow[]>(
        `SELECT period, outcome, attempts FROM scheduled_job_runs WHERE job_name = $1 ORDER BY period`,
        [JOB],
      );
      const periods = rows.map((r) => new Date(r.period).getTime());
      const completed = await queue.getJobs(['completed']);
      const skipped = workers
        .flatMap((w) => w.logs.lines)
        .filter((l) => l.includes('already done or in progress')).length;
      console.log(
        `scheduled: ${rows.length} runs in ${Date.now() - started} ms, periods ${periods.map((p) => new Date(p).toISOString().slice(17, 23)).join(' ')}; ` +
          `${completed.length} completed jobs, ${skipped} skipped duplicates`,
      );

      expect(rows.length).toBeGreaterThanOrEqual(2);
      // Periods are the scheduled fire times (whole 2-second marks), each once, none missing between.
      expect(periods.every((p) => p % 2_000 === 0)).toBe(true);
      expect(new Set(periods).size).toBe(periods.length);
      expect(periods.slice(1).map((p, i) => p - periods[i])).toEqual(periods.slice(1).map(() => 2_000));
      expect(rows.every((r) => r.outcome === 'succeeded' && r.attempts === 1)).toBe(true);
      // One BullMQ job per period fired (not one per worker): no run had to be skipped as a repeat.
      expect(skipped).toBe(0);
      expect(completed.map((j) => j.returnvalue)).toEqual(completed.map(() => 'ran'));
    }, 20_000);
  });

  describe('the maintenance purge', () => {
    let t: TestApp;
    let worker: INestApplicationContext;

    beforeAll(async () => {
      t = await createTestApp();
      worker = await startTestWorker(t.env);
    });
    afterAll(async () => {
      await worker?.close();
      await t.close();
    });

    const addUser = async (): Promise<string> => {
      const [{ id }] = await t.db.query(
        `INSERT INTO users (email, email_normalized, full_name, roles, password_hash)
         VALUES ($1, $1, 'Nguyễn Văn An', '{applicant}', 'x') RETURNING id`,
        [`an.${Math.random().toString(36).slice(2)}@example.vn`],
      );
      return id as string;
    };
    /** A session that expired / was revoked `daysAgo` days before now. */
    const addSession = async (userId: string, expiredDaysAgo: number, revokedDaysAgo: number | null = null) => {
      await t.db.query(
        `INSERT INTO sessions (user_id, token_hash, expires_at, revoked_at)
         VALUES ($1, md5(random()::text), now() - make_interval(days => $2), now() - make_interval(days => $3))`,
        [userId, expiredDaysAgo, revokedDaysAgo],
      );
    };
    const addToken = async (userId: string, expiredDaysAgo: number, usedDaysAgo: number | null = null) => {
      await t.db.query(
        `INSERT INTO user_tokens (user_id, purpose, token_hash, expires_at, used_at)
         VALUES ($1, 'verify_email', md5(random()::text), now() - make_interval(days => $2), now() - make_interval(days => $3))`,
        [userId, expiredDaysAgo, usedDaysAgo],
      );
    };
    const count = async (table: 'sessions' | 'user_tokens') =>
      Number((await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

    it('deletes sessions and tokens dead for over 30 days, keeps the rest, and has its effect once per period', async () => {
      const userId = await addUser();
      await addSession(userId, 31); // expired 31 days ago: purged
      await addSession(userId, -5, 40); // revoked 40 days ago: purged
      await addSession(userId, 10); // expired 10 days ago: kept for now
      await addSession(userId, -7); // live: kept
      await addToken(userId, 45); // expired 45 days ago: purged
      await addToken(userId, -1, 31); // used 31 days ago: purged
      await addToken(userId, -1, 2); // used 2 days ago: kept
      const runner = worker.get(ScheduledJobRunner);
      const period = new Date(Math.floor(Date.now() / 60_000) * 60_000);

      expect(await runner.run(JOB, period)).toBe('ran');
      expect([await count('sessions'), await count('user_tokens')]).toEqual([2, 1]);

      // The same period again (a redelivered job): nothing happens, though there is now work to do.
      await addSession(userId, 60);
      expect(await runner.run(JOB, period)).toBe('skipped');
      expect(await count('sessions')).toBe(3);

      const runs = await t.db.query(`SELECT outcome, attempts, result FROM scheduled_job_runs WHERE job_name = $1`, [
        JOB,
      ]);
      expect(runs).toEqual([{ outcome: 'succeeded', attempts: 1, result: { sessions: 2, userTokens: 2 } }]);

      // The next period runs again.
      expect(await runner.run(JOB, new Date(period.getTime() + 86_400_000))).toBe('ran');
      expect(await count('sessions')).toBe(2);
    });

    it('refuses a job name no handler is registered for', async () => {
      await expect(worker.get(ScheduledJobRunner).run('reports.retired', new Date())).rejects.toThrow(
        'No handler for scheduled job "reports.retired"',
      );
    });
  });
});
