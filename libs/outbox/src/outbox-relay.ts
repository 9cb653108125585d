import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@vgbf/core';
import { type JobPayloads, QUEUES } from '@vgbf/queue';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DataSource, EntityManager } from 'typeorm';
import { claimPending, lockQueuedBefore, requeued } from './data-access/outbox-dispatch';

interface Row {
  id: string;
  queue: string;
}

/**
 * Moves outbox rows into BullMQ with job id = row id, so a row is at most one job however often it is
 * dispatched. Safe with several relays at once (FOR UPDATE SKIP LOCKED): each row goes to one of them.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly queues: Record<string, Queue>;
  /** The run id of the Redis server this relay last talked to: a new one means Redis restarted. */
  private lastRunId?: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.mail) mail: Queue<JobPayloads['mail']>,
    @InjectQueue(QUEUES.reports) reports: Queue<JobPayloads['reports']>,
    private readonly clock: Clock,
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
      const rows = await claimPending(manager, { limit, now: this.clock.now() });
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
      const rows = await lockQueuedBefore(manager, { olderThanSeconds, limit, now: this.clock.now() });
      const lost: Row[] = [];
      for (const row of rows) {
        if (!(await this.queueFor(row.queue).getJob(row.id))) lost.push(row);
      }
      await this.enqueue(lost);
      if (lost.length) {
        await requeued(manager, { ids: lost.map((r) => r.id), now: this.clock.now() });
        this.logger.warn(`Re-dispatched ${lost.length} outbox rows whose jobs were lost`);
      }
      return lost.length;
    });
  }

  /**
   * Re-dispatches lost rows: at once (whatever their age) when Redis has just come back empty or
   * restarted, else those queued longer ago than `usualSeconds`. Redis counts as emptied when the
   * sentinel key this sets is gone (FLUSHALL, a restart without persistence, a failover to an empty
   * replica), as restarted when its run id changed. Safe with several relays: each may sweep, and
   * SKIP LOCKED plus job id = row id keep every row one job.
   */
  async redispatchLostRows(usualSeconds = 30): Promise<number> {
    return (await this.redisWasReset()) ? this.redispatchLost(0, 10_000) : this.redispatchLost(usualSeconds);
  }

  /** True when Redis lost its data or restarted since this relay last looked. */
  private async redisWasReset(): Promise<boolean> {
    const queue = this.queueFor(QUEUES.mail);
    // BullMQ's client is an ioredis client; its own type lists only the commands BullMQ uses.
    const redis = (await queue.getBackend().client) as unknown as Redis;
    const answers = await redis
      .multi()
      .set(queue.toKey('outbox-relay-sentinel'), new Date().toISOString(), 'NX')
      .info('server')
      .exec();
    const created = answers?.[0]?.[1];
    const info = answers?.[1]?.[1];
    const runId = /run_id:(\w+)/.exec(String(info))?.[1];
    const restarted = this.lastRunId !== undefined && runId !== this.lastRunId;
    this.lastRunId = runId;
    if (created === 'OK' || restarted)
      this.logger.warn(
        `Redis ${restarted ? 'restarted' : 'has no outbox sentinel (emptied, or new)'}: looking for lost jobs now`,
      );
    return created === 'OK' || restarted;
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
