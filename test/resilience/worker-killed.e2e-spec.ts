import { TaggedInbox } from './inbox-counts';
import { Sandbox, WorkerProcess, ensureWorkerBuilt, sleep, waitUntil } from './processes';

const TOTAL = 1_000;

/**
 * Issue 3: "Killing the worker (SIGKILL) while 1,000 emails are queued, then restarting it: the inbox
 * holds exactly 1,000 distinct messages." Real worker processes from dist/, the real SMTP inbox.
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

  it('delivers every email exactly once after a restart', async () => {
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
    expect(final).toEqual({ messages: TOTAL, recipients: TOTAL, messageIds: TOTAL, duplicated: [] });
    expect(outbox).toEqual({ done: TOTAL });
  }, 90_000);
});
