import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type JobPayloads, QUEUES } from '@vgbf/queue';
import type { Queue } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';

interface Row {
  id: string;
  queue: string;
}

/** TypeORM returns [rows, count] for UPDATE … RETURNING on PostgreSQL. */
const returned = (result: unknown): Row[] =>
  (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as Row[];

/**
 * Moves outbox rows into BullMQ with job id = row id, so a row is at most one job however often it is
 * dispatched. Safe with several relays at once (FOR UPDATE SKIP LOCKED): each row goes to one of them.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly queues: Record<string, Queue>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.mail) mail: Queue<JobPayloads['mail']>,
    @InjectQueue(QUEUES.reports) reports: Queue<JobPayloads['reports']>,
  ) {
    this.queues = { [QUEUES.mail]: mail, [QUEUES.reports]: reports };
  }

  /**
   * Dispatches pending rows in batches as long as rows wait (until a batch comes back short), so the
   * relay keeps up with whatever is committed instead of a fixed number per tick. Each batch is one
   * claim statement and one addBulk per queue. `budgetMs` bounds one run so the caller's other work
   * (finding lost rows) still happens under a steady flood; the next run goes on where this one stopped.
   */
  async drainPending(batch = 1_000, budgetMs = 5_000): Promise<number> {
    const until = Date.now() + budgetMs;
    let total = 0;
    for (;;) {
      const n = await this.dispatchPending(batch);
      total += n;
      if (n < batch || Date.now() >= until) return total;
    }
  }

  /** Dispatches up to `limit` pending rows; the rows are marked queued only if Redis took the jobs. */
  async dispatchPending(limit = 500): Promise<number> {
    return this.db.transaction(async (manager) => {
      const rows = returned(
        await manager.query(
          `UPDATE outbox SET status = 'queued', queued_at = now()
            WHERE id IN (SELECT id FROM outbox WHERE status = 'pending' ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED)
            RETURNING id, queue`,
          [limit],
        ),
      );
      await this.enqueue(rows);
      return rows.length;
    });
  }

  /**
   * Re-dispatches rows marked queued whose job no longer exists (e.g. Redis was wiped or restored
   * from an old snapshot). A finished job marks its row done before it is removed, so a queued row
   * without a job is a lost one.
   */
  async redispatchLost(olderThanSeconds = 30, limit = 1000): Promise<number> {
    return this.db.transaction(async (manager: EntityManager) => {
      const rows = await manager.query<Row[]>(
        `SELECT id, queue FROM outbox
          WHERE status = 'queued' AND queued_at < now() - make_interval(secs => $1)
          ORDER BY queued_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [olderThanSeconds, limit],
      );
      const lost: Row[] = [];
      for (const row of rows) {
        if (!(await this.queueFor(row.queue).getJob(row.id))) lost.push(row);
      }
      await this.enqueue(lost);
      if (lost.length) {
        await manager.query(`UPDATE outbox SET queued_at = now() WHERE id = ANY($1::uuid[])`, [lost.map((r) => r.id)]);
        this.logger.warn(`Re-dispatched ${lost.length} outbox rows whose jobs were lost`);
      }
      return lost.length;
    });
  }

  private async enqueue(rows: Row[]): Promise<void> {
    const byQueue = new Map<string, Row[]>();
    for (const row of rows) {
      const list = byQueue.get(row.queue);
      if (list) list.push(row);
      else byQueue.set(row.queue, [row]);
    }
    for (const [name, list] of byQueue) {
      await this.queueFor(name).addBulk(
        list.map((row) => ({ name, data: { outboxId: row.id }, opts: { jobId: row.id } })),
      );
    }
  }

  private queueFor(name: string): Queue {
    const queue = this.queues[name];
    if (!queue) throw new Error(`Outbox row names unknown queue "${name}"`);
    return queue;
  }
}
