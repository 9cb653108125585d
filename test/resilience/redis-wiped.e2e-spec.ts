import { Queue } from 'bullmq';
import { TaggedInbox } from './inbox-counts';
import { PrivateRedis } from './private-redis';
import { Sandbox, WorkerProcess, ensureWorkerBuilt, waitUntil } from './processes';

const TOTAL = 100;

/**
 * Issue 3: "Wiping Redis (FLUSHALL) with 100 emails pending: after the relay runs, all 100 arrive,
 * once each." On a redis-server of this test's own, with a real worker process from dist/.
 */
describe('Resilience: Redis is wiped (FLUSHALL) with 100 emails queued', () => {
  const redis = new PrivateRedis();
  const sandbox = new Sandbox();
  const tag = `flush${Date.now().toString(36)}`;
  const inbox = new TaggedInbox(tag);
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    ensureWorkerBuilt();
    await Promise.all([redis.start(), sandbox.open()]);
  });
  afterAll(async () => {
    await worker?.kill();
    await sandbox.close(redis.url);
    await redis.stop();
    await inbox.cleanUp();
  });

  it('re-dispatches the rows whose jobs were lost and delivers each email once', async () => {
    await sandbox.insertEmails(tag, TOTAL);
    // What the relay had done before Redis was lost: rows marked queued, their jobs (id = row id) in
    // Redis. queued_at a minute back: they were queued before the wipe, longer ago than the relay's
    // 30 s threshold for "lost" (a worker setting; the production default is kept here).
    const queue = new Queue('mail', { connection: { url: redis.url }, prefix: sandbox.name });
    try {
      const { rows } = await sandbox.db.query<{ id: string }>(
        `UPDATE outbox SET status = 'queued', queued_at = now() - interval '1 minute' RETURNING id`,
      );
      await queue.addBulk(rows.map((r) => ({ name: 'mail', data: { outboxId: r.id }, opts: { jobId: r.id } })));
      const before = (await queue.getJobCounts('waiting')).waiting;
      await redis.flushAll();
      const after = (await queue.getJobCounts('waiting')).waiting;
      expect([before, after]).toEqual([TOTAL, 0]);
      console.log(
        `Redis held ${before} mail jobs; after FLUSHALL ${after}; outbox ${JSON.stringify(await sandbox.outboxCounts())}`,
      );
    } finally {
      await queue.close();
    }

    const started = Date.now();
    worker = new WorkerProcess(sandbox.workerEnv({ REDIS_URL: redis.url }));
    await worker.ready();
    await waitUntil(
      'every row done',
      () => sandbox.outboxCounts(),
      (c) => c.done === TOTAL,
      30_000,
      200,
    );
    await waitUntil(
      'every message in the inbox',
      () => inbox.counts(),
      (c) => c.messages >= TOTAL,
      10_000,
      200,
    );
    await new Promise((r) => setTimeout(r, 1_000)); // late duplicates, if any, would land now
    const final = await inbox.counts();
    const redispatched = worker.output
      .filter((l) => l.includes('Re-dispatched'))
      .map((l) => /Re-dispatched \d+/.exec(l)?.[0]);

    console.log(
      `after the relay: ${final.messages} messages, ${final.recipients} distinct recipients, ${final.messageIds} distinct ` +
        `Message-IDs, duplicated: ${final.duplicated.length}; relay: ${redispatched.join(', ')}; ${Date.now() - started} ms`,
    );
    expect(final).toEqual({ messages: TOTAL, recipients: TOTAL, messageIds: TOTAL, duplicated: [] });
    expect(await sandbox.outboxCounts()).toEqual({ done: TOTAL });
    expect(redispatched.length).toBeGreaterThan(0);
  }, 60_000);

  it('keeps working when Redis is wiped under a running worker: its job schedulers come back', async () => {
    const later = new TaggedInbox(`${tag}b`);
    try {
      await redis.flushAll(); // the outbox relay's job scheduler is gone with everything else
      const wiped = Date.now();
      await sandbox.insertEmails(`${tag}b`, 20); // pending rows only a relay run would dispatch
      await waitUntil(
        'the 20 new rows done',
        () => sandbox.outboxCounts(),
        (c) => c.done === TOTAL + 20,
        30_000,
        200,
      );
      await waitUntil(
        'their 20 messages',
        () => later.counts(),
        (c) => c.messages >= 20,
        10_000,
        200,
      );
      const counts = await later.counts();
      const recreated = worker?.output.filter((l) => l.includes('Re-created the job scheduler')) ?? [];
      console.log(
        `FLUSHALL under a running worker: ${recreated.length} job schedulers re-created; 20 new emails → ` +
          `${counts.messages} messages, ${counts.recipients} recipients in ${Date.now() - wiped} ms`,
      );
      expect(counts).toEqual({ messages: 20, recipients: 20, messageIds: 20, duplicated: [] });
      expect(recreated.some((l) => l.includes('outbox-relay'))).toBe(true);
    } finally {
      await later.cleanUp();
    }
  }, 45_000);
});
