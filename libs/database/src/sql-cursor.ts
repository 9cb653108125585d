import type { DataSource, QueryRunner } from 'typeorm';

/** PostgreSQL ends the transaction of a download stalled this long, and with it the connection's hold. */
const STALLED_AFTER = '5min';

/**
 * A server-side cursor (DECLARE … FETCH n) in a read-only REPEATABLE READ transaction on a pool
 * connection of its own: a large result arrives in batches instead of all at once, all from one
 * snapshot (so a count taken alongside matches the rows). close() always, also when the reader gives
 * up midway: it ends the transaction and gives the connection back. Used by the application export
 * and the on-demand reports.
 */
export class SqlCursor<Row> {
  private closed = false;

  private constructor(
    private readonly runner: QueryRunner,
    readonly batchSize: number,
  ) {}

  /** Declares (parses and plans) the query, so a bad one fails here, before anything is sent. */
  static async open<Row>(db: DataSource, sql: string, params: unknown[], batchSize: number): Promise<SqlCursor<Row>> {
    const cursor = new SqlCursor<Row>(db.createQueryRunner(), batchSize);
    try {
      await cursor.runner.startTransaction('REPEATABLE READ');
      await cursor.runner.query('SET TRANSACTION READ ONLY');
      await cursor.runner.query(`SET LOCAL idle_in_transaction_session_timeout = '${STALLED_AFTER}'`);
      await cursor.runner.query(`DECLARE sql_cursor NO SCROLL CURSOR FOR ${sql}`, params);
      return cursor;
    } catch (error) {
      await cursor.close();
      throw error;
    }
  }

  /** Rows a query returns, counted in the cursor's snapshot (e.g. to report progress). */
  async count(sql: string, params: unknown[]): Promise<number> {
    const [row] = (await this.runner.query(`SELECT count(*)::int AS n FROM (${sql}) q`, params)) as Array<{
      n: number;
    }>;
    return row?.n ?? 0;
  }

  /** The next batch of at most batchSize rows; empty once the result is exhausted. */
  next(): Promise<Row[]> {
    return this.runner.query(`FETCH ${this.batchSize} FROM sql_cursor`);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      if (this.runner.isTransactionActive) await this.runner.rollbackTransaction();
    } finally {
      await this.runner.release();
    }
  }
}
