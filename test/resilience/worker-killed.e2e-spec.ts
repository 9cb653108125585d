import { TaggedInbox } from './inbox-counts';
import { Sandbox, WorkerProcess, ensureWorkerBuilt, sleep, waitUntil } from './processes';

const TOTAL = 1_000;

/**
 * Issue 3: "Killing the worker (SIGKILL) while 1,000 emails are queued, then restarting it: the inbox
 * holds exactly 1,000 distinct messages." Real worker processes from dist/, the real SMTP inbox. All
 * 1,000 always arrive; about one kill in four lands while a message's end of DATA has reached the
 * server and its COMMIT not yet PostgreSQL, and that message (only that one) comes twice with the same
 * Message-ID — which the test checks instead of hoping the kill misses that window.
 */
describe('Resilience: the worker is SIGKILLed while 1,000 emails are queued', () => {
  const sandbox = new Sandbox();
  const tag = `kill${Date.now().toString(36)}`;
  const inbox = new TaggedInbox(tag);
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    ensureWorkerBuilt();
    await sandbox.open();
  });
  afterAll(async () => {
    for (const w of workers) await w.kill();
    await sandbox.close();
    await inbox.cleanUp();
  });

  it('delivers every email after a restart, twice only an email the kill split between its end of DATA and its COMMIT', async () => {
    await sandbox.insertEmails(tag, TOTAL);
    const started = Date.now();
    const first = new WorkerProcess(sandbox.workerEnv());
    workers.push(first);
    await first.ready();

    // Kill it mid-flight: some sent, most not.
    const before = await waitUntil(
      'a quarter sent',
      () => sandbox.outboxCounts(),
      (c) => (c.done ?? 0) >= TOTAL / 4,
      30_000,
      20,
    );
    await first.kill('SIGKILL');
    const atKill = await sandbox.outboxCounts();
    await sleep(500);
    const sentAtKill = (await inbox.counts()).messages;

    const second = new WorkerProcess(sandbox.workerEnv());
    workers.push(second);
    await second.ready();
    await waitUntil(
      'every row done',
      () => sandbox.outboxCounts(),
      (c) => c.done === TOTAL,
      45_000,
      200,
    );
    const counts = await waitUntil(
      'every message in the inbox',
      () => inbox.counts(),
      (c) => c.messages >= TOTAL,
      10_000,
      200,
    );
    await sleep(1_000); // late duplicates, if any, would land now
    const final = await inbox.counts();
    const outbox = await sandbox.outboxCounts();

    console.log(
      `SIGKILL at outbox ${JSON.stringify(atKill)} (seen done ${before.done}), inbox then ${sentAtKill}; ` +
        `after restart: ${final.messages} messages, ${final.recipients} distinct recipients, ` +
        `${final.messageIds} distinct Message-IDs, duplicated: ${final.duplicated.length ? final.duplicated.join(', ') : 'none'}; ` +
        `outbox ${JSON.stringify(outbox)}; ${Date.now() - started} ms`,
    );
    expect(counts.messages).toBeGreaterThanOrEqual(TOTAL);
    expect(sentAtKill).toBeGreaterThan(0);
    expect(sentAtKill).toBeLessThan(TOTAL);
    // Nothing lost: every email arrived, each with its own stable Message-ID.
    expect({ recipients: final.recipients, messageIds: final.messageIds }).toEqual({
      recipients: TOTAL,
      messageIds: TOTAL,
    });
    expect(outbox).toEqual({ done: TOTAL });
    // Twice only what the kill split: the server had its end of DATA, PostgreSQL not yet its COMMIT
    // (in the inbox at the kill but not done) — at most one per message in flight (the worker's
    // concurrency, 8), each again with the same Message-ID, so a receiving system can drop it. Any
    // other duplicate fails. (The two writes go out back to back, but a SIGKILL can land between
    // two system calls: no ordering of two servers' writes makes a kill exactly-once; the README says so.)
    const split = sentAtKill - (atKill.done ?? 0);
    expect(final.messages - TOTAL).toBe(final.duplicated.length);
    expect(final.duplicated.length).toBeLessThanOrEqual(Math.min(Math.max(split, 0), 8));
  }, 90_000);
});
