import { CohortsService } from '@vgbf/cohorts';
import { NoTransactionError, Transactions, lockInOrder } from '@vgbf/database';
import type { EntityManager } from 'typeorm';
import { openCohort } from '../support/cohorts';
import { type TestApp, createTestApp } from '../support/test-app';
import { signIn } from '../support/users';

/** Resolves once `parties` callers have arrived: both transactions hold their first lock before either goes on. */
function barrier(parties: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return async () => {
    arrived += 1;
    if (arrived === parties) open();
    await opened;
  };
}

/** One concurrent writer: counts its runs (attempts) and the retries Transactions.run reported. */
interface Writer {
  attempts: number;
  retries: number[];
}
const writer = (): Writer => ({ attempts: 0, retries: [] });

describe(Transactions.name, () => {
  let t: TestApp;
  let transactions: Transactions;
  const A = '00000000-0000-4000-8000-00000000000a';
  const B = '00000000-0000-4000-8000-00000000000b';

  beforeAll(async () => {
    t = await createTestApp();
    transactions = t.app.get(Transactions);
    // A scratch table in this test's own database (cloned from the template, dropped with it).
    await t.db.query(`CREATE TABLE tx_probe (id uuid PRIMARY KEY, value int NOT NULL, touched text[] NOT NULL)`);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.db.query(`TRUNCATE tx_probe`);
    await t.db.query(`INSERT INTO tx_probe VALUES ($1, 0, '{}'), ($2, 0, '{}')`, [A, B]);
  });

  const rows = async (): Promise<Array<{ id: string; value: number; touched: string[] }>> =>
    t.db.query(`SELECT id, value, touched FROM tx_probe ORDER BY id`);
  const retryLogs = (): Array<Record<string, unknown>> =>
    t.logs.entries().filter((e) => typeof e.msg === 'string' && e.msg.includes('retried after'));

  it('two writes that deadlock (same two rows, opposite order) are retried and both succeed', async () => {
    const logsBefore = retryLogs().length;
    const bothHoldTheirFirstRow = barrier(2);
    const touch = (manager: EntityManager, id: string, name: string): Promise<unknown> =>
      manager.query(`UPDATE tx_probe SET value = value + 1, touched = touched || $2::text WHERE id = $1`, [id, name]);
    const write = (name: string, first: string, second: string, w: Writer): Promise<string> =>
      transactions.run(
        async (manager) => {
          w.attempts += 1;
          await touch(manager, first, name);
          // Only the first run waits: both then hold one row and want the other's — a certain deadlock.
          if (w.attempts === 1) await bothHoldTheirFirstRow();
          await touch(manager, second, name);
          return name;
        },
        { label: `probe.${name}`, onRetry: (retry) => w.retries.push(retry) },
      );
    const [wa, wb] = [writer(), writer()];

    await expect(Promise.all([write('a', A, B, wa), write('b', B, A, wb)])).resolves.toEqual(['a', 'b']);

    // PostgreSQL aborted exactly one of them (40P01); it ran again once and then committed.
    expect(wa.retries.length + wb.retries.length).toBe(1);
    expect(wa.attempts + wb.attempts).toBe(3);
    expect([...wa.retries, ...wb.retries]).toEqual([1]);
    // Both effects are there, once each: the aborted run left nothing behind.
    for (const row of await rows()) {
      expect(row.value).toBe(2);
      expect([...row.touched].sort()).toEqual(['a', 'b']);
    }
    const logged = retryLogs().slice(logsBefore);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      level: 40 /* warn */,
      sqlState: '40P01',
      reason: 'deadlock_detected',
      attempt: 1,
    });
  });

  it('two writers listing the same two locks in opposite orders meet in the lock order through lockInOrder: no deadlock', async () => {
    const bothStarted = barrier(2);
    const write = (keys: string[], w: Writer): Promise<number[]> =>
      transactions.run(
        async (manager) => {
          w.attempts += 1;
          if (w.attempts === 1) await bothStarted();
          const found = await lockInOrder(
            manager,
            keys.map((advisory) => ({ advisory })),
          );
          await manager.query(`UPDATE tx_probe SET value = value + 1`);
          return found;
        },
        { onRetry: (retry) => w.retries.push(retry) },
      );
    const [wa, wb] = [writer(), writer()];
    await expect(Promise.all([write(['probe:x', 'probe:y'], wa), write(['probe:y', 'probe:x'], wb)])).resolves.toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect([...wa.retries, ...wb.retries]).toEqual([]);
    expect((await rows()).map((r) => r.value)).toEqual([2, 2]);
  });

  it('a serialization failure (two REPEATABLE READ read-modify-writes of one row) is retried; no update is lost', async () => {
    const logsBefore = retryLogs().length;
    const bothHaveRead = barrier(2);
    const increment = (w: Writer): Promise<void> =>
      transactions.run(
        async (manager) => {
          w.attempts += 1;
          const [{ value }] = await manager.query<Array<{ value: number }>>(
            `SELECT value FROM tx_probe WHERE id = $1`,
            [A],
          );
          if (w.attempts === 1) await bothHaveRead();
          await manager.query(`UPDATE tx_probe SET value = $2 WHERE id = $1`, [A, value + 1]);
        },
        { isolationLevel: 'REPEATABLE READ', label: 'probe.increment', onRetry: (retry) => w.retries.push(retry) },
      );
    const [wa, wb] = [writer(), writer()];

    await Promise.all([increment(wa), increment(wb)]);

    expect(wa.retries.length + wb.retries.length).toBe(1);
    expect(wa.attempts + wb.attempts).toBe(3);
    expect((await rows()).find((r) => r.id === A)?.value).toBe(2); // both increments, none lost
    const logged = retryLogs().slice(logsBefore);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ sqlState: '40001', reason: 'serialization_failure', label: 'probe.increment' });
  });

  it('a failure that is not a deadlock or serialization failure is not retried, and writes nothing', async () => {
    const logsBefore = retryLogs().length;
    const w = writer();
    const duplicate = transactions.run(
      async (manager) => {
        w.attempts += 1;
        await manager.query(`UPDATE tx_probe SET value = 99 WHERE id = $1`, [A]);
        await manager.query(`INSERT INTO tx_probe VALUES ($1, 0, '{}')`, [B]);
      },
      { onRetry: (retry) => w.retries.push(retry) },
    );
    await expect(duplicate).rejects.toMatchObject({ code: '23505' });
    const domain = transactions.run((): Promise<never> => {
      w.attempts += 1;
      return Promise.reject(new Error('a domain refusal'));
    });
    await expect(domain).rejects.toThrow('a domain refusal');

    expect(w.attempts).toBe(2);
    expect(w.retries).toEqual([]);
    expect(retryLogs().slice(logsBefore)).toEqual([]);
    expect((await rows()).map((r) => r.value)).toEqual([0, 0]);
  });

  it('a nested run joins the caller’s transaction (one commit or one rollback), and `manager` refuses to run outside one', async () => {
    expect(() => transactions.manager).toThrow(NoTransactionError);
    const failing = transactions.run(async (outer) => {
      await outer.query(`UPDATE tx_probe SET value = 1 WHERE id = $1`, [A]);
      await transactions.run(async (inner) => {
        expect(inner).toBe(outer);
        expect(transactions.manager).toBe(outer);
        await inner.query(`UPDATE tx_probe SET value = 1 WHERE id = $1`, [B]);
      });
      throw new Error('the caller fails after the nested write');
    });
    await expect(failing).rejects.toThrow('the caller fails');
    expect((await rows()).map((r) => r.value)).toEqual([0, 0]); // the nested write rolled back with its caller
    expect(transactions.active).toBe(false);
  });

  it('a read given no manager inside a transaction reads in that transaction (its uncommitted write), not on the pool', async () => {
    const staff = await signIn(t, ['staff'], 'staff');
    const { id } = await openCohort(t, staff, `VGBF Tx ${Math.random().toString(36).slice(2, 6)}`);
    const cohorts = t.app.get(CohortsService);
    const seen = await transactions.run(async (manager) => {
      await manager.query(`UPDATE cohorts SET name = 'VGBF Uncommitted' WHERE id = $1`, [id]);
      return (await cohorts.get(id)).name; // no manager passed: the pool would see the committed name
    });
    expect(seen).toBe('VGBF Uncommitted');
  });
});
