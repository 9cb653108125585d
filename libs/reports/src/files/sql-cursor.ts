import type { DataSource, QueryRunner } from 'typeorm';

/**
 * A server-side cursor (DECLARE … FETCH n) in a read-only transaction on a pool connection of its
 * own, as the application export reads (libs/applications keeps its copy private; one shared
 * version belongs in @vgbf/database). close() always, also after a failure midway.
 */
export class SqlCursor<Row> {
  private closed = false;

  private constructor(
    private readonly runner: QueryRunner,
    readonly batchSize: number,
  ) {}

  static async open<Row>(db: DataSource, sql: string, params: unknown[], batchSize: number): Promise<SqlCursor<Row>> {
    const cursor = new SqlCursor<Row>(db.createQueryRunner(), batchSize);
    try {
      await cursor.runner.startTransaction('REPEATABLE READ');
      await cursor.runner.query('SET TRANSACTION READ ONLY');
      await cursor.runner.query(`DECLARE report_cursor NO SCROLL CURSOR FOR ${sql}`, params);
      return cursor;
    } catch (error) {
      await cursor.close();
      throw error;
    }
  }

  /** Rows the cursor will return, counted in the same snapshot (for progress). */
  async count(sql: string, params: unknown[]): Promise<number> {
    const [row] = (await this.runner.query(`SELECT count(*)::int AS n FROM (${sql}) q`, params)) as Array<{ n: number }>;
    return row?.n ?? 0;
  }

  next(): Promise<Row[]> {
    return this.runner.query(`FETCH ${this.batchSize} FROM report_cursor`);
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
